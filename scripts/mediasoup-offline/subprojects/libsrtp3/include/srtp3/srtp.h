// Same shim under the <srtp3/srtp.h> spelling.
#include "../srtp.h"
