import type { E2eeServerEvents, E2eeState } from '@circle/shared';
import { E2EE_WRAPS_MAX } from '@circle/shared';
import { MediaKeyStore } from '../mediaKey';
import { verificationCode } from './verification';
import {
  makeKeyPair,
  newMediaKey,
  pairKeyFrom,
  sharedSecret,
  unwrapMediaKey,
  wrapMediaKey,
  wrappingKey,
  type MeetingKeyPair,
} from './wrap';

type Payload<E extends keyof E2eeServerEvents> = Parameters<E2eeServerEvents[E]>[0];

/** What the key manager sends to the server: `e2ee:publish` and `e2ee:wrap` (a socket in the room, a fake in tests). */
export interface KeyTransport {
  /** `have`: the newest epoch held, so a server that made one meanwhile has a newer one made. */
  publish(key: string, have: number): Promise<E2eeState>;
  wrap(epoch: number, wraps: { to: string; device: string; iv: string; key: string }[]): Promise<void>;
}

/** What the room shows: the current epoch's verification code. */
export interface Verification {
  epoch: number;
  code: string[];
}

/**
 * This browser's part in a meeting's key exchange (see wrap.ts): its key pair, everyone's public keys as
 * the server relays them, the media keys it received (or made, as key holder) in a MediaKeyStore, and the
 * secrets it derived, cached per person and public key.
 */
export class KeyManager {
  readonly keys = new MediaKeyStore();
  private readonly peers = new Map<string, string>();
  /** By the other's public key: ECDH and HKDF once per person, not once per epoch. */
  private readonly secrets = new Map<string, Promise<CryptoKey>>();
  private readonly wrappings = new Map<string, Promise<CryptoKey>>();
  /** The holder's public key each epoch came with, for its verification code. */
  private readonly holderKeys = new Map<number, string>();
  /** The newest epoch the server asked this browser (as holder) to make. */
  private asked = 0;
  private verification: Verification | null = null;
  private readonly codeListeners = new Set<(v: Verification | null) => void>();
  enabled = false;

  private constructor(
    readonly pid: string,
    private readonly pair: MeetingKeyPair,
    private transport: KeyTransport,
  ) {
    this.keys.subscribe((key) => void this.recode(key));
  }

  static async create(pid: string, transport: KeyTransport): Promise<KeyManager> {
    return new KeyManager(pid, await makeKeyPair(), transport);
  }

  get publicKey(): string {
    return this.pair.publicKey;
  }

  get code(): Verification | null {
    return this.verification;
  }

  onCode(fn: (v: Verification | null) => void): () => void {
    this.codeListeners.add(fn);
    return () => this.codeListeners.delete(fn);
  }

  /** Publishes this browser's public key (again after every admitted join: the server may have lost it). */
  async join(transport: KeyTransport = this.transport): Promise<void> {
    this.transport = transport;
    this.state(await transport.publish(this.pair.publicKey, this.keys.current?.epoch ?? 0));
  }

  /** The whole picture from the server; one that no longer knows our key (a new node) gets it again. */
  state(s: E2eeState): void {
    this.enabled = s.enabled;
    this.peers.clear();
    for (const [pid, key] of Object.entries(s.peers)) this.peers.set(pid, key);
    // Our other devices have keys of their own: only this connection's missing means publishing again.
    if (!s.devices[this.pid]?.includes(this.pair.publicKey)) void this.join().catch(() => undefined);
  }

  peer({ pid, key }: Payload<'e2ee:peer'>): void {
    if (key) this.peers.set(pid, key);
    else this.peers.delete(pid);
  }

  /**
   * As key holder: a fresh media key for `epoch`, wrapped for exactly the connections the server names
   * (each device of a person has its own key pair, so each gets its own wrap).
   */
  async rekey({ epoch, devices }: Payload<'e2ee:rekey'>): Promise<void> {
    if (epoch <= this.asked) return;
    this.asked = epoch;
    const raw = newMediaKey();
    const wraps = await Promise.all(
      devices.map(async ({ pid: to, device, key }) => ({
        to,
        device,
        ...(await wrapMediaKey(await this.wrappingFor(key), raw, { epoch, from: this.pid, to })),
      })),
    );
    // A newer order came while wrapping: this epoch is stale, the newer one replaces it.
    if (epoch !== this.asked) return;
    for (let i = 0; i < wraps.length; i += E2EE_WRAPS_MAX)
      await this.transport.wrap(epoch, wraps.slice(i, i + E2EE_WRAPS_MAX));
    this.holderKeys.set(epoch, this.pair.publicKey);
    this.keys.set({ epoch, raw });
  }

  /** A media key wrapped for us by the holder; one that does not open (not made for us) is dropped. */
  async receive(w: Payload<'e2ee:key'>): Promise<boolean> {
    if (this.keys.current && w.epoch <= this.keys.current.epoch) return false;
    try {
      const wrapping = await this.wrappingFor(w.fromKey);
      const raw = await unwrapMediaKey(wrapping, w, { epoch: w.epoch, from: w.from, to: this.pid });
      this.holderKeys.set(w.epoch, w.fromKey);
      this.keys.set({ epoch: w.epoch, raw });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * A key for this person and `pid` only, or null while they have no public key. Per person, from each
   * side's newest device: with two devices, only the newest one of each person can read private words.
   */
  async pairKey(pid: string): Promise<CryptoKey | null> {
    const key = this.peers.get(pid);
    if (!key || pid === this.pid) return null;
    return pairKeyFrom(await this.secretWith(key), this.pid, pid);
  }

  /** Removed, sent to the lobby, left, erased: every media key goes. The key pair stays for a return. */
  clear(): void {
    this.keys.clear();
    this.holderKeys.clear();
    this.asked = 0;
  }

  private secretWith(theirs: string): Promise<CryptoKey> {
    let secret = this.secrets.get(theirs);
    if (!secret) {
      secret = sharedSecret(this.pair.privateKey, theirs);
      this.secrets.set(theirs, secret);
      secret.catch(() => this.secrets.delete(theirs));
    }
    return secret;
  }

  private wrappingFor(theirs: string): Promise<CryptoKey> {
    let wrapping = this.wrappings.get(theirs);
    if (!wrapping) {
      wrapping = this.secretWith(theirs).then(wrappingKey);
      this.wrappings.set(theirs, wrapping);
      wrapping.catch(() => this.wrappings.delete(theirs));
    }
    return wrapping;
  }

  private async recode(key: { epoch: number; raw: Uint8Array } | null) {
    const holder = key && this.holderKeys.get(key.epoch);
    const next =
      key && holder ? { epoch: key.epoch, code: await verificationCode(key.epoch, holder, key.raw) } : null;
    // A newer key may have come while this one's code was computed.
    if (next && this.keys.current?.epoch !== next.epoch) return;
    this.verification = next;
    for (const fn of this.codeListeners) fn(next);
  }
}
