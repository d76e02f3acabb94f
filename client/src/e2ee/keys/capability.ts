/**
 * Whether this browser can encrypt media frames: the standard encoded transform (RTCRtpScriptTransform:
 * Chromium 141+, Firefox 117+, Safari 15.4+) or Chromium's older encoded streams. Declared when joining;
 * the server gives no media of an encrypted group to a browser that said it cannot.
 */
export function canEncryptMedia(): boolean {
  if (typeof window === 'undefined') return false;
  if ('RTCRtpScriptTransform' in window) return true;
  return typeof RTCRtpSender !== 'undefined' && 'createEncodedStreams' in RTCRtpSender.prototype;
}
