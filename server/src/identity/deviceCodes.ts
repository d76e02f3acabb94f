import { DEVICE_CODE_ALPHABET, DEVICE_CODE_LENGTH, DEVICE_CODE_TTL_MS } from '@circle/shared';
import { randomInt } from 'node:crypto';
import { groupKey } from '../groups/service.js';
import type { Store } from '../store/index.js';
import { digest } from '../tokens.js';

/** `seq` 1 while the code is unused; redeeming moves it to 2 with a compare-and-set, so one caller wins. */
interface CodeRecord {
  seq: number;
  pid: string;
  expiresAt: number;
}

const codeKey = (groupId: string, code: string) =>
  `${groupKey(groupId)}device:${digest(`${groupId}:${code}`)}`;
/** Each person's live code, so asking again voids the previous one. */
const latestKey = (groupId: string, pid: string) => `${groupKey(groupId)}device-of:${pid}`;

/**
 * One-time codes for adding a device: short (typed by hand), short-lived, single use, kept only as hashes
 * under the group (so deleting the group deletes them). The identity token itself never leaves the server
 * until a code is redeemed, and then only in a response body.
 */
export class DeviceCodes {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly ttlMs = DEVICE_CODE_TTL_MS,
  ) {}

  async issue(groupId: string, pid: string): Promise<{ code: string; expiresAt: number }> {
    const previous = await this.store.get<{ key: string }>(latestKey(groupId, pid));
    if (previous) await this.store.del(previous.key);
    let code = '';
    for (let i = 0; i < DEVICE_CODE_LENGTH; i++)
      code += DEVICE_CODE_ALPHABET[randomInt(DEVICE_CODE_ALPHABET.length)];
    const expiresAt = this.now() + this.ttlMs;
    const key = codeKey(groupId, code);
    await this.store.put(key, { seq: 1, pid, expiresAt } satisfies CodeRecord);
    await this.store.put(latestKey(groupId, pid), { key });
    return { code, expiresAt };
  }

  /** The identity id a code names, once: used, expired or unknown codes name nobody. */
  async redeem(groupId: string, code: string): Promise<string | null> {
    const key = codeKey(groupId, code);
    const rec = await this.store.get<CodeRecord>(key);
    if (rec?.seq !== 1) return null;
    const won = await this.store.replaceIfSeq(key, { ...rec, seq: 2 }, 1);
    if (!won) return null;
    await this.store.del(key);
    const latest = await this.store.get<{ key: string }>(latestKey(groupId, rec.pid));
    if (latest?.key === key) await this.store.del(latestKey(groupId, rec.pid));
    return rec.expiresAt > this.now() ? rec.pid : null;
  }
}
