import type { CreateGroupResult, GroupSettings, InviteInfo, Role } from '@circle/shared';
import { LIMITS } from '@circle/shared';
import type { Store } from '../store/index.js';
import { newId, type Signer } from '../tokens.js';

export interface GroupRecord {
  id: string;
  createdAt: number;
  settings: GroupSettings;
  /** Bumped whenever the declaration text changes, so each acceptance names the text it accepted. */
  declarationVersion: number;
  /** The live invitation token per role; a validly signed token that is not the current one is refused. */
  tokens: Record<Role, string>;
}

export const groupKey = (groupId: string) => `group:${groupId}:`;
const infoKey = (groupId: string) => `${groupKey(groupId)}info`;

export class Groups {
  constructor(
    private readonly store: Store,
    private readonly signer: Signer,
  ) {}

  async create(settings: GroupSettings, now: number): Promise<CreateGroupResult> {
    const id = newId();
    const token = (r: Role) => this.signer.sign({ k: 'invite', g: id, r });
    const tokens = {
      facilitator: token('facilitator'),
      member: token('member'),
      observer: token('observer'),
    };
    const record: GroupRecord = { id, createdAt: now, settings, declarationVersion: 1, tokens };
    await this.store.put(infoKey(id), record);
    const link = (t: string) => `/join/${t}`;
    return {
      groupId: id,
      links: {
        facilitator: link(tokens.facilitator),
        member: link(tokens.member),
        observer: link(tokens.observer),
      },
      sizeWarning: settings.capacity >= LIMITS.capacityWarnFrom,
    };
  }

  get(groupId: string): Promise<GroupRecord | null> {
    return this.store.get<GroupRecord>(infoKey(groupId));
  }

  /** Changes some settings; the declaration is not among them (changing it needs a new version). */
  async update(group: GroupRecord, patch: Partial<GroupSettings>): Promise<GroupRecord> {
    const next: GroupRecord = { ...group, settings: { ...group.settings, ...patch } };
    await this.store.put(infoKey(group.id), next);
    return next;
  }

  /** Forgets the group itself: from now on its links resolve to nothing. Its other data goes separately. */
  forget(groupId: string): Promise<void> {
    return this.store.del(infoKey(groupId));
  }

  /** Resolves an invitation token to its group and role, or null when tampered, unknown or revoked. */
  async resolveInvite(token: string): Promise<{ group: GroupRecord; role: Role } | null> {
    const claims = this.signer.verify(token);
    if (claims?.k !== 'invite' || typeof claims.g !== 'string') return null;
    const group = await this.get(claims.g);
    const role = claims.r as Role;
    if (!group || group.tokens[role] !== token) return null;
    return { group, role };
  }

  inviteInfo(group: GroupRecord, role: Role): InviteInfo {
    return {
      groupId: group.id,
      groupName: group.settings.name,
      role,
      declaration: group.settings.declaration,
      declarationVersion: group.declarationVersion,
      lobby: group.settings.lobby,
    };
  }
}
