import type { Store } from '../store/index.js';
import { newId, type Signer } from '../tokens.js';
import { groupKey } from '../groups/service.js';
import { anonymiseIdentity } from '../retention/anonymise.js';
import { eraseJournal } from '../journal/store.js';

export type { IdentityRecord } from '../room/records.js';
import type { IdentityRecord } from '../room/records.js';

/** Who a join speaks for: a known identity, or a new one that exists only once `remember` stores it. */
export interface ResolvedIdentity {
  id: string;
  token: string;
  fresh: boolean;
}

const key = (groupId: string, id: string) => `${groupKey(groupId)}identity:${id}`;

/**
 * A personal identity within one group: no account, no e-mail, just a signed token kept in the browser
 * (another device gets it with a one-time code). Attendance and decisional balances follow its id.
 */
export class Identities {
  constructor(
    private readonly store: Store,
    private readonly signer: Signer,
  ) {}

  /**
   * The identity the token names, or a new one when there is no valid token for this group. A new one is
   * not stored here: a refused join must leave nothing behind, so the join stores it once it is accepted.
   */
  async resolveOrMint(groupId: string, token: string | undefined): Promise<ResolvedIdentity> {
    const existing = token ? await this.resolve(groupId, token) : null;
    if (existing) return { id: existing, token: token!, fresh: false };
    const id = newId();
    return { id, token: this.signer.sign({ k: 'identity', g: groupId, i: id }), fresh: true };
  }

  async remember(groupId: string, identity: ResolvedIdentity, now: number): Promise<void> {
    if (identity.fresh)
      await this.store.put(key(groupId, identity.id), {
        id: identity.id,
        createdAt: now,
      } satisfies IdentityRecord);
  }

  async resolve(groupId: string, token: string): Promise<string | null> {
    const claims = this.signer.verify(token);
    if (claims?.k !== 'identity' || claims.g !== groupId || typeof claims.i !== 'string') return null;
    return (await this.store.get<IdentityRecord>(key(groupId, claims.i))) ? claims.i : null;
  }

  /** The token of a stored identity, freshly signed (for a device that proved it belongs to this person). */
  async tokenFor(groupId: string, id: string): Promise<string | null> {
    if (!(await this.store.get<IdentityRecord>(key(groupId, id)))) return null;
    return this.signer.sign({ k: 'identity', g: groupId, i: id });
  }

  /** The identity joined a meeting (its last use decides when the retention sweep forgets it). */
  async used(groupId: string, id: string, now: number): Promise<void> {
    const rec = await this.store.get<IdentityRecord>(key(groupId, id));
    // Never recreates an identity erased meanwhile.
    if (rec) await this.store.put(key(groupId, id), { ...rec, lastUsedAt: now } satisfies IdentityRecord);
  }

  /** Every stored identity of a group, for the retention sweep. */
  async all(groupId: string): Promise<IdentityRecord[]> {
    const found = await Promise.all(
      (await this.store.keys(key(groupId, ''))).map((k) => this.store.get<IdentityRecord>(k)),
    );
    return found.filter((r): r is IdentityRecord => r !== null);
  }

  /**
   * Takes the identity out of what the group keeps (see anonymiseIdentity for what stays, unnamed), then
   * removes it: its token opens nothing any more. Its balances are the caller's to remove first.
   */
  async forget(groupId: string, id: string): Promise<void> {
    await anonymiseIdentity(this.store, groupId, id);
    // Their journal is theirs alone: it goes with them.
    await eraseJournal(this.store, groupId, id);
    await this.store.del(key(groupId, id));
  }

  /** Someone erases their identity: forgotten, and the bytes gone from the database's files as well. */
  async erase(groupId: string, id: string): Promise<void> {
    await this.forget(groupId, id);
    await this.store.forgetDeleted();
  }
}
