import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The fake microphone's tone: what a listener must find in what they receive. */
export const TONE_HZ = 1_000;

/**
 * A WAV file for Chromium's fake microphone (`--use-file-for-fake-audio-capture`, played in a loop): the
 * tone in bursts of 300 ms with 200 ms of silence, like speech, so the browser's noise suppression does
 * not take it for a steady noise and remove it.
 */
export function toneFile(): string {
  const rate = 48_000;
  const samples = rate * 2;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const on = i % (rate / 2) < rate * 0.3;
    const v = on ? 0.4 * Math.sin((2 * Math.PI * TONE_HZ * i) / rate) : 0;
    wav.writeInt16LE(Math.round(v * 32_767), 44 + i * 2);
  }
  const path = join(tmpdir(), `circle-tone-${TONE_HZ}.wav`);
  writeFileSync(path, wav);
  return path;
}

/** Chromium switches for pages that listen: the tone as microphone, audio elements that play unasked. */
export const listeningArgs = () => [
  `--use-file-for-fake-audio-capture=${toneFile()}`,
  '--autoplay-policy=no-user-gesture-required',
];

/** What a page hears of the tone on one audio track it plays (one per person heard). */
export interface ToneReading {
  /**
   * How far the tone stands out of the rest of the spectrum, in dB, from the power summed over the window.
   * Silence and noise give about 0; a clear tone 20 dB and more.
   */
  dB: number;
  /**
   * The share of the window's 50 ms snapshots in which the tone stands out by 20 dB or more on its own.
   * A clear tone does in its bursts (300 ms of every 500); noise rarely, and one loud snapshot cannot
   * make it so, as it can make `dB`.
   */
  share: number;
}

/** Each audio track's reading of the tone, measured with a WebAudio AnalyserNode over `ms`. */
export function toneReadings(page: Page, ms = 1_500): Promise<ToneReading[]> {
  return page.evaluate(
    async ({ ms, hz }) => {
      const w = window as unknown as { __tone?: { ctx: AudioContext; by: Map<string, AnalyserNode> } };
      w.__tone ??= { ctx: new AudioContext(), by: new Map() };
      const { ctx, by } = w.__tone;
      await ctx.resume();
      const tracks = Array.from(document.querySelectorAll('audio')).flatMap((a) =>
        a.srcObject instanceof MediaStream ? a.srcObject.getAudioTracks() : [],
      );
      const analysers = tracks.map((t) => {
        let a = by.get(t.id);
        if (!a) {
          a = ctx.createAnalyser();
          a.fftSize = 2_048;
          a.smoothingTimeConstant = 0;
          ctx.createMediaStreamSource(new MediaStream([t])).connect(a);
          by.set(t.id, a);
        }
        return a;
      });
      const bins = 1_024;
      const hzPerBin = ctx.sampleRate / 2_048;
      const tone = Math.round(hz / hzPerBin);
      const low = Math.round(200 / hzPerBin);
      /** How far the tone's bins stand above the median of the rest of the speech band, in power ratio. */
      const standOut = (p: ArrayLike<number>) => {
        const peak = Math.max(p[tone - 1]!, p[tone]!, p[tone + 1]!);
        // The rest of the speech band, away from the tone and its leakage.
        const rest = Array.from(p)
          .slice(low, Math.round(4_000 / hzPerBin))
          .filter((_, i) => Math.abs(i + low - tone) > 6)
          .sort((a, b) => a - b);
        const median = rest[rest.length >> 1] ?? 0;
        return peak === 0 ? 1 : peak / Math.max(median, 1e-12);
      };
      const power = analysers.map(() => new Float64Array(bins));
      const loud = analysers.map(() => 0);
      let snapshots = 0;
      const frame = new Float32Array(bins);
      const snapshot = new Float64Array(bins);
      for (let waited = 0; waited < ms; waited += 50) {
        analysers.forEach((a, i) => {
          a.getFloatFrequencyData(frame);
          for (let b = 0; b < bins; b++) {
            snapshot[b] = Number.isFinite(frame[b]) ? 10 ** (frame[b]! / 10) : 0;
            power[i]![b]! += snapshot[b]!;
          }
          if (standOut(snapshot) >= 100) loud[i]!++;
        });
        snapshots++;
        await new Promise((r) => setTimeout(r, 50));
      }
      return power.map((p, i) => ({ dB: 10 * Math.log10(standOut(p)), share: loud[i]! / snapshots }));
    },
    { ms, hz: TONE_HZ },
  );
}

/** How many of the tracks a page plays carry the tone (`dB` above the rest, see `ToneReading.dB`). */
export async function tonesHeard(page: Page, dB = 20): Promise<number> {
  return (await toneReadings(page)).filter((r) => r.dB >= dB).length;
}

/**
 * How many of the tracks a page plays carry the tone recognisably: it stands out in `share` of the
 * snapshots or more (see `ToneReading.share`). Stricter than `tonesHeard` about noise that happens to peak
 * near the tone, as Opus does when it decodes ciphertext.
 */
export async function tonesRecognised(page: Page, share = 1 / 3): Promise<number> {
  return (await toneReadings(page)).filter((r) => r.share >= share).length;
}

export interface FrameStats {
  send: { frames: number; dropped: number; ms: number };
  recv: { frames: number; dropped: number; ms: number };
  firstAudioAt: number | null;
  bypass: boolean;
  /** Sending with a side room pair's own key. */
  pair: boolean;
}

/** The page's encryption Worker's counters (null: its media is not encrypted). */
export function frameStats(page: Page): Promise<FrameStats | null> {
  return page.evaluate(async () => {
    const m = (window as unknown as { __circleMedia?: { stats(): Promise<{ frames: FrameStats | null }> } })
      .__circleMedia;
    if (!m) throw new Error('no media session yet');
    return (await m.stats()).frames;
  });
}

/** Test hook: the page's receivers pass frames on unopened (what the server, or anyone without the key, gets). */
export function bypassDecryption(page: Page, on: boolean): Promise<void> {
  return page.evaluate((on) => {
    const m = (window as unknown as { __circleMedia?: { bypassDecryption(on: boolean): void } })
      .__circleMedia;
    if (!m) throw new Error('no media session yet');
    m.bypassDecryption(on);
  }, on);
}
