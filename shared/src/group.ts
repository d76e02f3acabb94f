import { z } from 'zod';
import { LIMITS } from './protocol.js';

export const DEFAULT_DECLARATION =
  'I will keep absolutely confidential everything I see and hear at this meeting: who was here and ' +
  'what anyone said. I will not repeat it, record it or use it outside the group, in any form. ' +
  'This promise has no end date: it holds after the meeting and after I leave the group.';

export const GroupSettingsSchema = z.object({
  name: z.string().trim().min(1).max(LIMITS.groupNameMax),
  kind: z.enum(['open', 'closed']).default('open'),
  capacity: z.number().int().min(2).max(LIMITS.capacityMax).default(12),
  meetingMinutes: z.number().int().min(10).max(240).default(60),
  lobby: z.boolean().default(false),
  declaration: z.string().trim().min(20).max(LIMITS.declarationMax).default(DEFAULT_DECLARATION),
  turnLimitSec: z.number().int().min(10).max(3600).nullable().default(null),
  autoHandover: z.boolean().default(false),
});
export type GroupSettings = z.output<typeof GroupSettingsSchema>;
export type GroupSettingsInput = z.input<typeof GroupSettingsSchema>;

export interface InviteLinks {
  facilitator: string;
  member: string;
  observer: string;
}

export interface CreateGroupResult {
  groupId: string;
  links: InviteLinks;
  /** Groups this size usually split; the create page says so. */
  sizeWarning: boolean;
}

/** What anyone holding a valid invitation may read before joining. */
export interface InviteInfo {
  groupId: string;
  groupName: string;
  role: import('./protocol.js').Role;
  declaration: string;
  declarationVersion: number;
  lobby: boolean;
}
