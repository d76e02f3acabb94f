import type { CreateGroupResult, ExcludedPerson, GroupSettings, InviteInfo, Role } from '@circle/shared';
import type { GroupRecord, InviteRecord } from '../room/records.js';
import { groupE2ee, LIMITS } from '@circle/shared';
import { AppError } from '../errors.js';
import { slugOf } from '../listing/slug.js';
import type { Store } from '../store/index.js';
import { digest, newId, type Signer } from '../tokens.js';

export type { GroupRecord, InviteRecord } from '../room/records.js';

export const groupKey = (groupId: string) => `group:${groupId}:`;
const infoKey = (groupId: string) => `${groupKey(groupId)}info`;

/** Links carry the token in the fragment: browsers never send it, so no server or proxy can log it. */
export const inviteLink = (token: string) => `/join#${token}`;

const LISTING_PREFIX = 'listing:';
const listingKey = (groupId: string) => `${LISTING_PREFIX}${groupId}`;

/** Whether the public list shows the group: listed by its facilitators, and its members wait in the lobby. */
export const isListed = (group: GroupRecord): boolean =>
  group.settings.listed === true && group.settings.lobby === true;

export class Groups {
  constructor(
    private readonly store: Store,
    private readonly signer: Signer,
    private readonly now: () => number = Date.now,
  ) {}

  async create(settings: GroupSettings, now: number): Promise<CreateGroupResult> {
    const id = newId();
    const tokens = {
      facilitator: this.mint(id, 'facilitator'),
      member: this.mint(id, 'member'),
      observer: this.mint(id, 'observer'),
    };
    const invite = (t: string): InviteRecord => ({ hash: digest(t), expiresAt: null });
    const record: GroupRecord = {
      id,
      createdAt: now,
      settings,
      declarationVersion: 1,
      invites: {
        facilitator: invite(tokens.facilitator),
        member: invite(tokens.member),
        observer: invite(tokens.observer),
      },
      excluded: [],
    };
    await this.store.put(infoKey(id), record);
    await this.syncListing(record);
    return {
      groupId: id,
      links: {
        facilitator: inviteLink(tokens.facilitator),
        member: inviteLink(tokens.member),
        observer: inviteLink(tokens.observer),
      },
      sizeWarning: settings.capacity >= LIMITS.capacityWarnFrom,
    };
  }

  get(groupId: string): Promise<GroupRecord | null> {
    return this.store.get<GroupRecord>(infoKey(groupId));
  }

  /** Changes some settings; the declaration is not among them (changing it needs a new version). */
  async update(group: GroupRecord, patch: Partial<GroupSettings>): Promise<GroupRecord> {
    const next = await this.save({ ...group, settings: { ...group.settings, ...patch } });
    await this.syncListing(next);
    return next;
  }

  /** A new link for `role`; the old one is refused from now on. The new token is returned once, never kept. */
  async replaceInvite(
    group: GroupRecord,
    role: Role,
    expiresAt: number | null,
  ): Promise<{ group: GroupRecord; link: string }> {
    const token = this.mint(group.id, role);
    const invites = { ...group.invites, [role]: { hash: digest(token), expiresAt } };
    return { group: await this.save({ ...group, invites }), link: inviteLink(token) };
  }

  isExcluded(group: GroupRecord, pid: string): boolean {
    return (group.excluded ?? []).some((e) => e.pid === pid);
  }

  async exclude(group: GroupRecord, person: ExcludedPerson): Promise<GroupRecord> {
    if (this.isExcluded(group, person.pid)) return group;
    return this.save({ ...group, excluded: [...(group.excluded ?? []), person] });
  }

  async letBack(group: GroupRecord, pid: string): Promise<GroupRecord> {
    if (!this.isExcluded(group, pid)) throw new AppError('NOT_FOUND');
    return this.save({ ...group, excluded: group.excluded.filter((e) => e.pid !== pid) });
  }

  /** Forgets the group itself: from now on its links resolve to nothing. Its other data goes separately. */
  async forget(groupId: string): Promise<void> {
    await this.store.del(listingKey(groupId));
    await this.store.del(infoKey(groupId));
  }

  /** Resolves an invitation token to its group and role, or null when tampered, unknown, replaced or expired. */
  async resolveInvite(token: string): Promise<{ group: GroupRecord; role: Role } | null> {
    const listed = await this.resolveListing(token);
    if (listed) return listed;
    const signed = await this.resolveSigned(token);
    if (!signed) return null;
    const live = signed.group.invites[signed.role];
    if (live.hash !== digest(token)) return null;
    if (live.expiresAt !== null && live.expiresAt <= this.now()) return null;
    return signed;
  }

  /**
   * A token this server signed for an existing group, current or not. Only for people already in the
   * meeting: replacing a link must not push out whoever came in with the old one.
   */
  async resolveSigned(token: string): Promise<{ group: GroupRecord; role: Role } | null> {
    if (token.length > 512) return null;
    const claims = this.signer.verify(token);
    if (claims?.k !== 'invite' || typeof claims.g !== 'string') return null;
    const role = claims.r as Role;
    const group = await this.get(claims.g);
    if (!group?.invites[role]) return null;
    return { group, role };
  }

  /**
   * The public meeting list's Join link: a member's entry that works only while the group is listed and
   * its members wait in the lobby, so someone from the list is always admitted by a facilitator. Its own
   * token (never the member link, which may let people straight in, and which is not kept), minted when
   * the group is listed and dropped when it is not: listing again makes a new one.
   */
  async listingLink(group: GroupRecord): Promise<string | null> {
    if (!isListed(group)) return null;
    const entry = await this.store.get<{ token: string }>(listingKey(group.id));
    return entry ? inviteLink(entry.token) : null;
  }

  /** The ids of listed groups (each still checked with `isListed`: the index may run ahead of a deletion). */
  async listedIds(): Promise<string[]> {
    return (await this.store.keys(LISTING_PREFIX)).map((k) => k.slice(LISTING_PREFIX.length));
  }

  private async syncListing(group: GroupRecord): Promise<void> {
    const entry = await this.store.get<{ token: string }>(listingKey(group.id));
    if (group.settings.listed === true && !entry)
      await this.store.put(listingKey(group.id), { token: this.signer.sign({ k: 'listing', g: group.id }) });
    if (group.settings.listed !== true && entry) await this.store.del(listingKey(group.id));
  }

  /** Whether a token is the public list's Join link (good for joining through the lobby, nothing more). */
  isListingToken(token: string): boolean {
    return this.signer.verify(token)?.k === 'listing';
  }

  private async resolveListing(token: string): Promise<{ group: GroupRecord; role: Role } | null> {
    if (token.length > 512) return null;
    const claims = this.signer.verify(token);
    if (claims?.k !== 'listing' || typeof claims.g !== 'string') return null;
    const group = await this.get(claims.g);
    if (!group || !isListed(group)) return null;
    const entry = await this.store.get<{ token: string }>(listingKey(group.id));
    return entry?.token === token ? { group, role: 'member' } : null;
  }

  inviteInfo(group: GroupRecord, role: Role): InviteInfo {
    return {
      groupId: group.id,
      groupName: group.settings.name,
      role,
      declaration: group.settings.declaration,
      declarationVersion: group.declarationVersion,
      lobby: group.settings.lobby,
      // Groups made before groups had a language met in English.
      language: group.settings.language ?? 'en',
      ...(isListed(group) && { listingSlug: slugOf(group) }),
      ...(groupE2ee(group.settings) && { e2ee: groupE2ee(group.settings)! }),
    };
  }

  private mint(groupId: string, role: Role): string {
    return this.signer.sign({ k: 'invite', g: groupId, r: role });
  }

  private async save(next: GroupRecord): Promise<GroupRecord> {
    await this.store.put(infoKey(next.id), next);
    return next;
  }
}
