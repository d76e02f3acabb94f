/**
 * The contract between the browser's key manager (`keys/`, which learns the meeting's media key from a
 * facilitator's browser, wrapped for us) and whatever encrypts with it (`frames/` for audio and video,
 * chat for messages). The server never sees these bytes: it only relays them wrapped.
 */

/** One generation of the meeting's media key. A new epoch follows every removal, lobby move or leave. */
export interface MediaKey {
  epoch: number;
  /** 32 random bytes; per-sender and per-purpose keys are derived from them with HKDF. */
  raw: Uint8Array;
}

type Listener = (key: MediaKey | null) => void;

/**
 * The keys this browser holds for the current meeting. Recent epochs are kept a little while, so frames
 * and messages sent just before a rekey still decrypt; older ones are forgotten.
 */
export class MediaKeyStore {
  private readonly keys = new Map<number, MediaKey>();
  private latest: MediaKey | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly keep = 3) {}

  get current(): MediaKey | null {
    return this.latest;
  }

  get(epoch: number): MediaKey | undefined {
    return this.keys.get(epoch);
  }

  set(key: MediaKey): void {
    if (this.latest && key.epoch <= this.latest.epoch) return;
    this.keys.set(key.epoch, key);
    this.latest = key;
    for (const epoch of [...this.keys.keys()].sort((a, b) => a - b).slice(0, -this.keep)) {
      this.keys.delete(epoch);
    }
    for (const l of this.listeners) l(key);
  }

  /** Forget everything (leaving, being removed, erasing one's identity). */
  clear(): void {
    this.keys.clear();
    this.latest = null;
    for (const l of this.listeners) l(null);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** What the room offers the rest of the client when the group's meetings are end-to-end encrypted. */
export interface E2ee {
  /** The group has encryption on and this browser takes part in it. */
  enabled: boolean;
  keys: MediaKeyStore;
  /**
   * An AES-GCM key shared with one other person only (ECDH of our meeting key pair and theirs, as
   * published through the server), for private words and a side room pair; null if they have none yet.
   */
  pairKey(pid: string): Promise<CryptoKey | null>;
}
