import { describe, expect, it } from 'vitest';
import {
  ReplayWindow,
  PAIR_KID,
  TAG_BYTES,
  type Bytes,
  clearBytes,
  deriveFrameKey,
  headerLength,
  openFrame,
  readHeader,
  sealFrame,
  writeHeader,
} from './frame';
import { Keyring, Opener, Sealer } from './keyring';

/** mulberry32: a small seeded generator, so a failing shuffle can be replayed. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function bytes(n: number, rand = seeded(n)): Bytes {
  return Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
}

const meetingKey = (epoch: number) => ({ epoch, raw: bytes(32, seeded(1000 + epoch)) });
const vp8Key = Uint8Array.from([0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01, ...bytes(200)]);
const opus = bytes(90);

describe('SFrame header', () => {
  it('round-trips short and long key ids and counters', () => {
    for (const kid of [0, 7, 8, 255, 256, 70_000]) {
      for (const ctr of [0, 5, 7, 8, 1_000, Date.now(), 2 ** 52 + 3]) {
        const out = new Uint8Array(16);
        const n = writeHeader(out, 1, kid, ctr);
        expect(n).toBe(headerLength(kid, ctr));
        expect(readHeader(out, 1)).toEqual({ kid, ctr, length: n });
      }
    }
  });

  it('puts a small key id and counter in the one first byte', () => {
    const out = new Uint8Array(1);
    writeHeader(out, 0, 3, 5);
    expect(out[0]).toBe(0x35);
  });
});

describe('sealed frames', () => {
  it('open to the same bytes, leaving the VP8 bytes the SFU reads in the clear', async () => {
    const k = await deriveFrameKey(meetingKey(1).raw, 1, 'p1/camera');
    const sealed = await sealFrame(k, 42, vp8Key, clearBytes('video', true));
    expect([...sealed.subarray(0, 10)]).toEqual([...vp8Key.subarray(0, 10)]);
    expect(sealed.length).toBe(vp8Key.length + headerLength(1, 42) + TAG_BYTES);
    expect(await openFrame(k, sealed, 10)).toEqual(vp8Key);

    const audio = await sealFrame(k, 43, opus, clearBytes('audio', false));
    expect(Buffer.from(audio).includes(Buffer.from(opus.subarray(0, 8)))).toBe(false);
    expect(await openFrame(k, audio, 0)).toEqual(opus);
  });

  it('do not open with another epoch, another meeting key or another sender', async () => {
    const k = await deriveFrameKey(meetingKey(1).raw, 1, 'p1/mic');
    const sealed = await sealFrame(k, 1, opus, 0);
    const others = [
      await deriveFrameKey(meetingKey(2).raw, 1, 'p1/mic'),
      await deriveFrameKey(meetingKey(1).raw, 1, 'p2/mic'),
      await deriveFrameKey(meetingKey(1).raw, 1, 'p1/camera'),
      await deriveFrameKey(meetingKey(1).raw, 2, 'p1/mic'),
    ];
    for (const other of others) expect(await openFrame(other, sealed, 0)).toBeNull();
  });

  it('do not open after any byte is changed: clear prefix, header, ciphertext or tag', async () => {
    const k = await deriveFrameKey(meetingKey(1).raw, 1, 'p1/camera');
    const sealed = await sealFrame(k, 9, vp8Key, 10);
    for (const at of [0, 9, 10, 11, 40, sealed.length - 1]) {
      const bad = sealed.slice();
      bad[at]! ^= 0x01;
      expect(await openFrame(k, bad, 10), `byte ${at}`).toBeNull();
    }
    expect(await openFrame(k, sealed.subarray(0, sealed.length - 1), 10)).toBeNull();
    expect(await openFrame(k, new Uint8Array(3), 0)).toBeNull();
  });
});

describe('replay window', () => {
  it('accepts each counter once, a little out of order, and nothing far behind', () => {
    const w = new ReplayWindow(8);
    for (const c of [10, 12, 11]) {
      expect(w.fresh(c)).toBe(true);
      w.mark(c);
    }
    expect(w.fresh(11)).toBe(false);
    expect(w.fresh(5)).toBe(true);
    expect(w.fresh(4)).toBe(false);
    w.mark(30);
    expect(w.fresh(23)).toBe(true);
    expect(w.fresh(22)).toBe(false);
  });
});

describe('senders and receivers', () => {
  it('send nothing before the first key', async () => {
    const keys = new Keyring();
    expect(await new Sealer(keys, 'p1/mic').seal(opus, 0)).toBeNull();
  });

  it('drop a replayed frame', async () => {
    const mine = new Keyring();
    const theirs = new Keyring();
    mine.set(meetingKey(1));
    theirs.set(meetingKey(1));
    const sealed = (await new Sealer(mine, 'p1/mic').seal(opus, 0))!;
    const opener = new Opener(theirs, 'p1/mic');
    expect(await opener.open(sealed, 0)).toEqual(opus);
    expect(await opener.open(sealed, 0)).toBeNull();
  });

  it('start a later session above every counter of an earlier one', async () => {
    const keys = new Keyring();
    keys.set(meetingKey(1));
    const first = new Sealer(keys, 'p1/mic', 1_000);
    for (let i = 0; i < 50; i++) await first.seal(opus, 0); // 50 frames within 1 s
    const second = (await new Sealer(keys, 'p1/mic', 2_000).seal(opus, 0))!;
    expect(readHeader(second, 0)!.ctr).toBe(2_000);
  });

  it('open what survives seeded drops, duplicates and reorders across two rekeys, each once', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rand = seeded(seed);
      const sender = new Keyring();
      const receiver = new Keyring();
      const sealer = new Sealer(sender, 'p7/camera', 5_000);
      const frames: { n: number; data: Bytes; clear: number }[] = [];
      for (let n = 0; n < 150; n++) {
        if (n % 50 === 0) sender.set(meetingKey(n / 50 + 1));
        const key = n % 30 === 0;
        const plain = key ? vp8Key : bytes(40 + n, rand);
        frames.push({ n, data: (await sealer.seal(plain, clearBytes('video', key)))!, clear: key ? 10 : 3 });
      }
      // The network: 10% lost, 5% duplicated, each frame moved up to 6 places.
      const wire = frames
        .filter(() => rand() > 0.1)
        .flatMap((f) => (rand() < 0.05 ? [f, f] : [f]))
        .map((f, i) => ({ f, at: i + rand() * 6 }))
        .sort((a, b) => a.at - b.at)
        .map(({ f }) => f);
      const opener = new Opener(receiver, 'p7/camera');
      const opened: number[] = [];
      for (const f of wire) {
        // The receiver learns each new key a few frames after the first frame sealed with it.
        const epoch = Math.floor(f.n / 50) + 1;
        if (receiver.current === null || receiver.current < epoch) {
          const early = rand() < 0.5 && (await opener.open(f.data, f.clear)) === null;
          receiver.set(meetingKey(epoch));
          if (early) continue;
        }
        const plain = await opener.open(f.data, f.clear);
        if (plain) opened.push(f.n);
      }
      const unique = new Set(wire.map((f) => f.n));
      // Each frame opens at most once; those missed are the ones that arrived before their key.
      expect(new Set(opened).size).toBe(opened.length);
      expect(opened.length).toBeGreaterThanOrEqual(unique.size - 3); // at most one lost per key: 3 epochs
      expect(opened.length).toBeLessThanOrEqual(unique.size);
      for (const n of opened) expect(unique.has(n)).toBe(true);
    }
  });

  it('cannot open frames of an epoch before one joined, nor after the keys are cleared', async () => {
    const sender = new Keyring();
    sender.set(meetingKey(1));
    const sealer = new Sealer(sender, 'p1/mic');
    const before = (await sealer.seal(opus, 0))!;
    sender.set(meetingKey(2));
    const after = (await sealer.seal(opus, 0))!;
    const late = new Keyring();
    late.set(meetingKey(2));
    const opener = new Opener(late, 'p1/mic');
    expect(await opener.open(before, 0)).toBeNull();
    expect(await opener.open(after, 0)).toEqual(opus);
    late.set(null);
    expect(await opener.open((await sealer.seal(opus, 0))!, 0)).toBeNull();
  });

  it("seal a side room pair's tracks with their own key, which no one else in the meeting can open", async () => {
    const pairKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const [ana, fran, ben] = [new Keyring(), new Keyring(), new Keyring()];
    for (const k of [ana, fran, ben]) k.set(meetingKey(4));
    ana.setPair({ me: 'ana', peer: 'fran', key: pairKey });
    fran.setPair({ me: 'fran', peer: 'ana', key: pairKey });
    const anaMic = new Sealer(ana, 'ana/mic', 7_000);
    const franMic = new Sealer(fran, 'fran/mic', 7_000);
    const fromAna = (await anaMic.seal(opus, 0))!;
    const fromFran = (await franMic.seal(opus, 0))!;
    expect(readHeader(fromAna, 0)!.kid).toBe(PAIR_KID);
    // One key, the same counter, two senders: the nonces differ, so do the ciphertexts.
    expect(Buffer.from(fromAna).equals(Buffer.from(fromFran))).toBe(false);
    expect(await new Opener(fran, 'ana/mic').open(fromAna, 0)).toEqual(opus);
    expect(await new Opener(ana, 'fran/mic').open(fromFran, 0)).toEqual(opus);
    // Ben holds the meeting key, not theirs.
    expect(await new Opener(ben, 'ana/mic').open(fromAna, 0)).toBeNull();
    // Back in the circle, Ana's track is sealed with the meeting key again.
    ana.setPair(null);
    expect(await new Opener(ben, 'ana/mic').open((await anaMic.seal(opus, 0))!, 0)).toEqual(opus);
  });
});
