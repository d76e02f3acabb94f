import type { MediaKey } from '../mediaKey';

/** Which track an encoded transform works on, given to the Worker with it. */
export interface TransformOptions {
  side: 'send' | 'recv';
  kind: 'audio' | 'video';
  /** `pid/source` of the sender: the per-sender key is derived from it (both ends know it). */
  senderId: string;
}

/** Frame counts and time spent in WebCrypto, per side, for diagnostics, tests and measurements. */
export interface SideStats {
  frames: number;
  /** Frames not passed on: no key yet (sending), or not authenticated / replayed / no key (receiving). */
  dropped: number;
  /** Milliseconds spent sealing or opening the frames passed on. */
  ms: number;
}

export interface FrameStats {
  send: SideStats;
  recv: SideStats;
  /** When the first audio frame was opened (ms since 1970), or null. */
  firstAudioAt: number | null;
  /** The receivers pass frames on unopened (test hook: what the server or an outsider would get). */
  bypass: boolean;
  /** In a side room: what we send is sealed with the pair's own key. */
  pair: boolean;
}

/** What the page posts to the Worker. */
export type ToWorker =
  | { type: 'key'; key: MediaKey | null }
  | { type: 'bypass'; on: boolean }
  /** In a side room: the key the two of us share (a CryptoKey clones into the Worker), or null: out. */
  | { type: 'pair'; pair: { me: string; peer: string; key: CryptoKey } | null }
  | { type: 'stats'; id: number }
  /** The older Chromium path (createEncodedStreams): the streams themselves are transferred. */
  | { type: 'streams'; readable: ReadableStream; writable: WritableStream; options: TransformOptions };

export type FromWorker = { type: 'stats'; id: number; stats: FrameStats };
