import type { Store } from '../store/index.js';
import { newId, type Signer } from '../tokens.js';
import { groupKey } from '../groups/service.js';

export interface IdentityRecord {
  id: string;
  createdAt: number;
}

const key = (groupId: string, id: string) => `${groupKey(groupId)}identity:${id}`;

/**
 * A personal identity within one group: no account, no e-mail, just a signed token kept in the
 * browser (and in a personal link). Attendance and, later, decisional balances follow its id.
 */
export class Identities {
  constructor(
    private readonly store: Store,
    private readonly signer: Signer,
  ) {}

  /** Returns the identity the token names, or a new one when there is no valid token for this group. */
  async resolveOrCreate(
    groupId: string,
    token: string | undefined,
    now: number,
  ): Promise<{ id: string; token: string }> {
    const existing = token ? await this.resolve(groupId, token) : null;
    if (existing) return { id: existing, token: token! };
    const id = newId();
    await this.store.put(key(groupId, id), { id, createdAt: now } satisfies IdentityRecord);
    return { id, token: this.signer.sign({ k: 'identity', g: groupId, i: id }) };
  }

  async resolve(groupId: string, token: string): Promise<string | null> {
    const claims = this.signer.verify(token);
    if (claims?.k !== 'identity' || claims.g !== groupId || typeof claims.i !== 'string') return null;
    return (await this.store.get<IdentityRecord>(key(groupId, claims.i))) ? claims.i : null;
  }

  erase(groupId: string, id: string): Promise<void> {
    return this.store.del(key(groupId, id));
  }
}
