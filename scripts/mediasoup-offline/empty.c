/* Intentionally empty: the object of the placeholder static libraries that mediasoup's
 * worker links "whole". The real code comes from the Debian shared libraries instead. */
typedef int circle_mediasoup_offline_empty_translation_unit;
