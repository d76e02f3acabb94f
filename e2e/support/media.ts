import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';

export interface MediaStats {
  inboundAudioBytes: number;
  outboundAudioBytes: number;
  inboundVideoBytes: number;
  consumers: number;
  consumedProducers: string[];
  producers: number;
  /** Counters of each inbound and outbound video RTP stream (diagnostics: packets, PLIs, frames). */
  videoIn: Record<string, unknown>[];
  videoOut: Record<string, unknown>[];
}

/** WebRTC byte counters of the page's media session (read from RTCPeerConnection stats). */
export function mediaStats(page: Page): Promise<MediaStats> {
  return page.evaluate(async () => {
    const m = (window as unknown as { __circleMedia?: { stats(): Promise<MediaStats> } }).__circleMedia;
    if (!m) throw new Error('no media session yet');
    return m.stats();
  });
}

/** How many inbound audio bytes arrive on the page during `ms`. */
export async function inboundGrowth(page: Page, ms = 1_500): Promise<number> {
  const a = await mediaStats(page);
  await new Promise((r) => setTimeout(r, ms));
  const b = await mediaStats(page);
  return b.inboundAudioBytes - a.inboundAudioBytes;
}

/** The mediasoup worker processes a server process runs. */
export function workerPids(serverPid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(serverPid), '-f', 'mediasoup-worker'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}
