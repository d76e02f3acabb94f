import type { MediaKeyStore } from '../mediaKey';
import type { FrameStats, FromWorker, ToWorker, TransformOptions } from './protocol';

type Kind = 'audio' | 'video';

/** The older Chromium API: the encoded frames as a pair of streams on each sender and receiver. */
interface EncodedStreams {
  createEncodedStreams(): { readable: ReadableStream; writable: WritableStream };
}

/** How this browser lets a Worker touch encoded frames, or null: it cannot take part in encrypted media. */
export function frameTransformSupport(): 'script' | 'streams' | null {
  if (typeof RTCRtpScriptTransform !== 'undefined') return 'script';
  if (typeof RTCRtpSender !== 'undefined' && 'createEncodedStreams' in RTCRtpSender.prototype)
    return 'streams';
  return null;
}

/**
 * Encryption of one media session's frames: a Worker fed with the meeting keys as the store changes,
 * and the hooks that put it on each mediasoup-client sender and receiver.
 */
export class FrameCrypto {
  private readonly worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  private unsubscribe: () => void = () => undefined;
  private asked = 0;
  private readonly waiting = new Map<number, (s: FrameStats | null) => void>();
  private closed = false;

  constructor(
    keys: MediaKeyStore,
    private readonly mode: 'script' | 'streams',
  ) {
    this.follow(keys);
    this.worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      this.waiting.get(data.id)?.(data.stats);
      this.waiting.delete(data.id);
    };
  }

  /**
   * Takes its keys from another store (the key manager's, once made): the Worker forgets the old store's
   * keys and gets the new one's current key.
   */
  follow(keys: MediaKeyStore): void {
    this.unsubscribe();
    this.post({ type: 'key', key: null });
    if (keys.current) this.post({ type: 'key', key: keys.current });
    this.unsubscribe = keys.subscribe((key) => this.post({ type: 'key', key }));
  }

  /** What the transports' RTCPeerConnections need (the streams path must be asked for up front). */
  get transportSettings(): Partial<RTCConfiguration> {
    return this.mode === 'streams' ? ({ encodedInsertableStreams: true } as Partial<RTCConfiguration>) : {};
  }

  /** For `produce({ onRtpSender })`: our own track, `senderId` being `ourPid/source`. */
  sender(kind: Kind, senderId: string) {
    return (sender: RTCRtpSender) => this.attach(sender, { side: 'send', kind, senderId });
  }

  /** For `consume({ onRtpReceiver })`: someone's track, `senderId` being `theirPid/source`. */
  receiver(kind: Kind, senderId: string) {
    return (receiver: RTCRtpReceiver) => this.attach(receiver, { side: 'recv', kind, senderId });
  }

  /** The worker's counters; null once closed (a question asked of a closed session must still be answered). */
  stats(): Promise<FrameStats | null> {
    if (this.closed) return Promise.resolve(null);
    const id = ++this.asked;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post({ type: 'stats', id });
    });
  }

  /** In a side room with `peer` (their shared key), or back in the circle (null). */
  pair(pair: { me: string; peer: string; key: CryptoKey } | null): void {
    this.post({ type: 'pair', pair });
  }

  /** Test hook: receivers pass frames on without opening them (what anyone without the key gets). */
  bypass(on: boolean): void {
    this.post({ type: 'bypass', on });
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.worker.terminate();
    // The terminated worker will never answer: whoever asked gets null now instead of waiting forever.
    for (const answer of this.waiting.values()) answer(null);
    this.waiting.clear();
  }

  private attach(end: RTCRtpSender | RTCRtpReceiver, options: TransformOptions) {
    if (this.mode === 'script') {
      end.transform = new RTCRtpScriptTransform(this.worker, options);
      return;
    }
    const { readable, writable } = (end as unknown as EncodedStreams).createEncodedStreams();
    this.worker.postMessage({ type: 'streams', readable, writable, options } satisfies ToWorker, [
      readable as unknown as Transferable,
      writable as unknown as Transferable,
    ]);
  }

  private post(message: ToWorker) {
    this.worker.postMessage(message);
  }
}
