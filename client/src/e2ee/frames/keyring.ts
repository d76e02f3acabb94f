import type { MediaKey } from '../mediaKey';
import {
  PAIR_KID,
  ReplayWindow,
  deriveFrameKey,
  openFrame,
  pairFrameKey,
  peekFrame,
  sealFrame,
  type Bytes,
  type FrameKey,
} from './frame';

/** Epochs kept for frames still in flight at a rekey (as the MediaKeyStore keeps them). */
const KEEP_EPOCHS = 3;

/**
 * The meeting keys a Worker holds, and the per-sender keys derived from them: derived and imported once per
 * sender and epoch, then reused for every frame.
 */
export class Keyring {
  private readonly raw = new Map<number, Uint8Array>();
  private readonly derived = new Map<string, Promise<FrameKey>>();
  current: number | null = null;
  /** In a side room: our pid, the other person's, and the key only the two of us hold. */
  private pair: { me: string; peer: string; key: CryptoKey } | null = null;
  private readonly pairKeys = new Map<string, FrameKey>();

  /** Entering a side room (its pair's key), or leaving it (null): our tracks go back to the meeting key. */
  setPair(pair: { me: string; peer: string; key: CryptoKey } | null): void {
    this.pair = pair;
    this.pairKeys.clear();
  }

  /**
   * The side room key for a track: ours while in a side room, or the other person's there. Undefined for
   * anyone else's track, and outside a side room.
   */
  pairKeyFor(senderId: string): FrameKey | undefined {
    if (!this.pair) return undefined;
    const pid = senderId.split('/', 1)[0];
    const { me, peer, key } = this.pair;
    if (pid !== me && pid !== peer) return undefined;
    let k = this.pairKeys.get(senderId);
    if (!k) {
      k = pairFrameKey(key, senderId, pid === me ? peer : me);
      this.pairKeys.set(senderId, k);
    }
    return k;
  }

  /** A new epoch's key (from the MediaKeyStore), or null: forget every key (left, removed). */
  set(key: MediaKey | null): void {
    if (!key) {
      // The side room key stays: it is the pair's, not the meeting's (the session ends on removal anyway).
      this.raw.clear();
      this.derived.clear();
      this.current = null;
      return;
    }
    if (this.current !== null && key.epoch <= this.current) return;
    this.raw.set(key.epoch, key.raw);
    this.current = key.epoch;
    const old = [...this.raw.keys()].sort((a, b) => a - b).slice(0, -KEEP_EPOCHS);
    for (const epoch of old) this.raw.delete(epoch);
    for (const id of [...this.derived.keys()]) {
      if (!this.raw.has(Number(id.split('/', 1)[0]))) this.derived.delete(id);
    }
  }

  keyFor(senderId: string, epoch: number): Promise<FrameKey> | undefined {
    const id = `${epoch}/${senderId}`;
    let k = this.derived.get(id);
    if (!k) {
      const raw = this.raw.get(epoch);
      if (!raw) return undefined;
      k = deriveFrameKey(raw, epoch, senderId);
      this.derived.set(id, k);
    }
    return k;
  }
}

/**
 * One outgoing track (a person's microphone, camera or screen). Its counter starts at the wall clock in
 * milliseconds and grows by one a frame, slower than the clock (fewer than 1000 frames a second): a later
 * session of the same sender (after a reconnect) starts above every counter an earlier one used, so a
 * nonce is never reused under the same key.
 */
export class Sealer {
  private ctr: number;
  private readonly nonce: Bytes = new Uint8Array(12);

  constructor(
    private readonly keys: Keyring,
    private readonly senderId: string,
    now = Date.now(),
  ) {
    this.ctr = now;
  }

  /** The sealed frame, or null with no key yet: then nothing is sent (never clear media). */
  async seal(frame: Bytes, clear: number): Promise<Bytes | null> {
    // In a side room only the other person may open what we send.
    const pair = this.keys.pairKeyFor(this.senderId);
    if (pair) return sealFrame(pair, this.ctr++, frame, clear, this.nonce);
    const epoch = this.keys.current;
    const k = epoch === null ? undefined : this.keys.keyFor(this.senderId, epoch);
    if (!k) return null;
    return sealFrame(await k, this.ctr++, frame, clear, this.nonce);
  }
}

/** One incoming track: picks the key by the frame's epoch, drops replays and what does not authenticate. */
export class Opener {
  private readonly windows = new Map<number, ReplayWindow>();
  private readonly nonce: Bytes = new Uint8Array(12);

  constructor(
    private readonly keys: Keyring,
    private readonly senderId: string,
  ) {}

  async open(frame: Bytes, clear: number): Promise<Bytes | null> {
    const head = peekFrame(frame, clear);
    if (!head) return null;
    const k =
      head.kid === PAIR_KID ? this.keys.pairKeyFor(this.senderId) : this.keys.keyFor(this.senderId, head.kid);
    if (!k) return null;
    let window = this.windows.get(head.kid);
    if (window && !window.fresh(head.ctr)) return null;
    const plain = await openFrame(await k, frame, clear, this.nonce);
    if (!plain) return null;
    if (!window) {
      window = new ReplayWindow();
      this.windows.set(head.kid, window);
      for (const epoch of this.windows.keys()) if (epoch < head.kid - 2) this.windows.delete(epoch);
    }
    // Checked again: two copies of one frame may both have been in decryption at once.
    if (!window.fresh(head.ctr)) return null;
    window.mark(head.ctr);
    return plain;
  }
}
