/** Inbound video counters at one moment (summed over this connection's video consumers). */
export interface VideoCounters {
  packetsReceived: number;
  packetsLost: number;
  bytesReceived: number;
}

/** Above this share of lost packets, video freezes and audio suffers with it. */
const LOSS_LIMIT = 0.08;
/** Below this rate (bytes per second) while several cameras are shown, video cannot keep up. */
const SLOW_BYTES_PER_S = 25_000;

/**
 * Whether the connection looks too weak for the video coming in, from two readings `ms` apart: much
 * loss, or little coming in while cameras are shown. Then the room offers Low data (never imposes it).
 */
export function poorConnection(
  before: VideoCounters,
  after: VideoCounters,
  ms: number,
  videosShown: number,
): boolean {
  const received = after.packetsReceived - before.packetsReceived;
  const lost = after.packetsLost - before.packetsLost;
  if (received + lost > 50 && lost / (received + lost) > LOSS_LIMIT) return true;
  const rate = ((after.bytesReceived - before.bytesReceived) * 1000) / ms;
  return videosShown >= 2 && received > 0 && rate < SLOW_BYTES_PER_S;
}
