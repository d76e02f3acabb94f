import { BUDDY_INVITE_TTL_MS, BUDDY_INVITES_MAX, type BuddyInvitation } from '@circle/shared';
import { AppError } from '../errors.js';
import { groupKey, inviteLink, type GroupRecord, type Groups } from '../groups/service.js';
import type { Store } from '../store/index.js';
import { newId, type Signer } from '../tokens.js';

/** A member's one-time invitation for someone they accompany. The token itself is never kept. */
export interface BuddyInviteRecord {
  id: string;
  /** The member who made it: the newcomer is seated beside them. */
  by: string;
  createdAt: number;
  expiresAt: number;
}

/** Who used an invitation: written once, atomically, so two people racing with one link cannot both enter. */
interface Claim {
  pid: string;
  at: number;
}

/** An invitation that opens for this newcomer now: the group, and who brings them. */
export interface BuddyEntry {
  group: GroupRecord;
  invitation: BuddyInviteRecord;
}

const inviteKey = (groupId: string, id: string) => `${groupKey(groupId)}buddy:${id}`;
const claimKey = (groupId: string, id: string) => `${groupKey(groupId)}buddy-claim:${id}`;

/**
 * Buddy invitations: signed tokens naming the group and a record id, the record (kept under the group's
 * prefix, so deleting the group deletes them) saying who made it and until when. A token always grants
 * a member's place that waits in the lobby, never more; once one identity used it, it opens for that
 * identity only (a reload, a reconnect) and lands nowhere for anyone else.
 */
export class BuddyInvitations {
  constructor(private readonly deps: { store: Store; signer: Signer; groups: Groups; now: () => number }) {}

  async create(groupId: string, by: string): Promise<BuddyInvitation> {
    const now = this.deps.now();
    const open = await this.openOf(groupId, by, now);
    if (open >= BUDDY_INVITES_MAX) throw new AppError('LIMIT');
    const record: BuddyInviteRecord = {
      id: newId(),
      by,
      createdAt: now,
      expiresAt: now + BUDDY_INVITE_TTL_MS,
    };
    await this.deps.store.put(inviteKey(groupId, record.id), record);
    const token = this.deps.signer.sign({ k: 'buddy', g: groupId, i: record.id });
    return { link: inviteLink(token), expiresAt: record.expiresAt, open: open + 1 };
  }

  /** Whether a token is a buddy invitation at all (signed by this server), valid or not. */
  isBuddyToken(token: string): boolean {
    return token.length <= 512 && this.deps.signer.verify(token)?.k === 'buddy';
  }

  /**
   * The invitation behind a token, if it is still good for `pid` (absent: for a first use): unexpired,
   * its group still there, and unused or used by this same identity.
   */
  async resolve(token: string, pid?: string): Promise<BuddyEntry | null> {
    if (!this.isBuddyToken(token)) return null;
    const claims = this.deps.signer.verify(token)!;
    if (typeof claims.g !== 'string' || typeof claims.i !== 'string') return null;
    const invitation = await this.deps.store.get<BuddyInviteRecord>(inviteKey(claims.g, claims.i));
    if (!invitation || invitation.expiresAt <= this.deps.now()) return null;
    const group = await this.deps.groups.get(claims.g);
    if (!group) return null;
    const claim = await this.deps.store.get<Claim>(claimKey(group.id, invitation.id));
    if (claim && claim.pid !== pid) return null;
    return { group, invitation };
  }

  /** The group a buddy token names (checked again by `resolve`), or null for any other token. */
  groupOf(token: string): string | null {
    if (!this.isBuddyToken(token)) return null;
    const g = this.deps.signer.verify(token)?.g;
    return typeof g === 'string' ? g : null;
  }

  /**
   * Takes the invitation for this identity: `new` the first time, `again` when this identity already
   * holds it (a reload, a reconnect), null when someone else took it first.
   */
  async claim(entry: BuddyEntry, pid: string): Promise<'new' | 'again' | null> {
    const key = claimKey(entry.group.id, entry.invitation.id);
    const before = await this.deps.store.get<Claim>(key);
    if (before) return before.pid === pid ? 'again' : null;
    const kept = await this.deps.store.putIfAbsent<Claim>(key, { pid, at: this.deps.now() });
    return kept.pid === pid ? 'new' : null;
  }

  /** Gives back a claim whose join was refused (the lobby full, a stale declaration): nobody entered. */
  async release(entry: BuddyEntry, pid: string): Promise<void> {
    const key = claimKey(entry.group.id, entry.invitation.id);
    const claim = await this.deps.store.get<Claim>(key);
    if (claim?.pid === pid) await this.deps.store.del(key);
  }

  /** Unused, unexpired invitations made by `by` (the bound counts these). */
  private async openOf(groupId: string, by: string, now: number): Promise<number> {
    const keys = await this.deps.store.keys(inviteKey(groupId, ''));
    let open = 0;
    for (const key of keys) {
      const rec = await this.deps.store.get<BuddyInviteRecord>(key);
      if (!rec) continue;
      // Expired invitations open nothing any more: they go, with whoever used them.
      if (rec.expiresAt <= now) {
        await this.deps.store.del(claimKey(groupId, rec.id));
        await this.deps.store.del(key);
        continue;
      }
      if (rec.by !== by) continue;
      if (!(await this.deps.store.get<Claim>(claimKey(groupId, rec.id)))) open++;
    }
    return open;
  }
}
