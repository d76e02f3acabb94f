// libsrtp 3 API on top of libsrtp 2 (Debian's libsrtp2-dev 2.5), for building mediasoup's worker
// offline. mediasoup >= 3.15 calls the libsrtp 3 API (versatica's fork, v3.0.0-beta):
//   - srtp_protect / srtp_protect_rtcp(ctx, in, in_len, out, &out_len, mki_index)
//   - srtp_unprotect / srtp_unprotect_rtcp(ctx, in, in_len, out, &out_len)
//   - srtp_stream_remove(ctx, ssrc)
//   - two more error codes: srtp_err_status_buffer_small, srtp_err_status_cryptex_err
// libsrtp 2 works in place: srtp_protect(ctx, buf, &len) with room for the trailer after buf.
// The overloads below copy the input into the output buffer (when they differ) and call the
// libsrtp 2 function on it in place. This header is C++ only (mediasoup includes it from C++).
#ifndef CIRCLE_SRTP3_ON_SRTP2_H
#define CIRCLE_SRTP3_ON_SRTP2_H

#include <srtp2/srtp.h>

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>

// Error codes that libsrtp 2.5 lacks (values as in libsrtp 3).
static constexpr srtp_err_status_t srtp_err_status_buffer_small = static_cast<srtp_err_status_t>(28);
static constexpr srtp_err_status_t srtp_err_status_cryptex_err = static_cast<srtp_err_status_t>(29);

namespace circle_srtp3_shim
{
	using v2_fn = srtp_err_status_t (*)(srtp_t, void*, int*);

	inline srtp_err_status_t Run(
	  v2_fn fn,
	  srtp_t ctx,
	  const uint8_t* in,
	  size_t inLen,
	  uint8_t* out,
	  size_t* outLen,
	  size_t room)
	{
		if (inLen > static_cast<size_t>(INT_MAX) || *outLen < inLen + room)
		{
			return srtp_err_status_buffer_small;
		}

		if (out != in)
		{
			std::memmove(out, in, inLen);
		}

		int len = static_cast<int>(inLen);
		const srtp_err_status_t err = fn(ctx, out, &len);

		if (err == srtp_err_status_ok)
		{
			*outLen = static_cast<size_t>(len);
		}

		return err;
	}
} // namespace circle_srtp3_shim

// libsrtp 2 has no MKI in these calls (mediasoup always passes mki_index 0), so protect appends
// at most the auth tag (plus the 4-byte SRTCP index for RTCP).
inline srtp_err_status_t srtp_protect(
  srtp_t ctx, const uint8_t* rtp, size_t rtpLen, uint8_t* srtp, size_t* srtpLen, size_t /*mkiIndex*/)
{
	return circle_srtp3_shim::Run(
	  static_cast<circle_srtp3_shim::v2_fn>(::srtp_protect), ctx, rtp, rtpLen, srtp, srtpLen, SRTP_MAX_TAG_LEN);
}

inline srtp_err_status_t srtp_protect_rtcp(
  srtp_t ctx, const uint8_t* rtcp, size_t rtcpLen, uint8_t* srtcp, size_t* srtcpLen, size_t /*mkiIndex*/)
{
	return circle_srtp3_shim::Run(
	  static_cast<circle_srtp3_shim::v2_fn>(::srtp_protect_rtcp),
	  ctx,
	  rtcp,
	  rtcpLen,
	  srtcp,
	  srtcpLen,
	  SRTP_MAX_TAG_LEN + sizeof(uint32_t));
}

inline srtp_err_status_t srtp_unprotect(
  srtp_t ctx, const uint8_t* srtp, size_t srtpLen, uint8_t* rtp, size_t* rtpLen)
{
	return circle_srtp3_shim::Run(
	  static_cast<circle_srtp3_shim::v2_fn>(::srtp_unprotect), ctx, srtp, srtpLen, rtp, rtpLen, 0);
}

inline srtp_err_status_t srtp_unprotect_rtcp(
  srtp_t ctx, const uint8_t* srtcp, size_t srtcpLen, uint8_t* rtcp, size_t* rtcpLen)
{
	return circle_srtp3_shim::Run(
	  static_cast<circle_srtp3_shim::v2_fn>(::srtp_unprotect_rtcp), ctx, srtcp, srtcpLen, rtcp, rtcpLen, 0);
}

// libsrtp 2 names it srtp_remove_stream; both take the SSRC in network byte order.
inline srtp_err_status_t srtp_stream_remove(srtp_t session, uint32_t ssrc)
{
	return srtp_remove_stream(session, ssrc);
}

#endif
