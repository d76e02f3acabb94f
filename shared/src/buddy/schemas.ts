import { z } from 'zod';
import { empty, token } from '../schemaParts.js';
import { FIRST_MEETING_AUDIENCES } from './limits.js';

/**
 * Come with a buddy: a member invites someone they accompany to their first meeting. The invitation is a
 * one-time link bound to the member and the group; the newcomer waits in the lobby with (or for) them, one
 * admission lets the pair in, and they sit side by side.
 */

// The constants the join page uses live in a module without zod (see limits.ts).
export {
  BUDDY_INVITE_TTL_MS,
  BUDDY_INVITES_MAX,
  FIRST_MEETING_AUDIENCES,
  type FirstMeetingAudience,
} from './limits.js';

export const firstMeetingSchema = z.enum(FIRST_MEETING_AUDIENCES);

/**
 * A buddy invitation made outside a meeting (the member link's page, the closing screen), over HTTP: the
 * member link rides in the Authorization header, the identity this browser holds in the body.
 */
export const buddyPostSchema = z.object({ identity: token }).strict();
export type BuddyPost = z.input<typeof buddyPostSchema>;

export const buddyEventSchemas = {
  'buddy:invite': empty,
  'buddy:overview': empty,
} as const;

/** A newcomer and the member who brought them (both pids). */
export interface BuddyPair {
  companion: string;
  newcomer: string;
}

/** The person one came with (or brought), as each of the two sees the other. */
export interface BuddyCompanion {
  pid: string;
  name: string;
  /** True while they wait in the lobby; false once they are inside. */
  waiting: boolean;
  /** Whether the viewer is the newcomer (true) or the member who brought them (false). */
  iAmNewcomer: boolean;
}

/**
 * What one viewer may know: facilitators every pair and every newcomer who asked to be welcomed; anyone
 * else only their own pair and the newcomers who said yes to everyone.
 */
export interface BuddyOverview {
  pairs: BuddyPair[];
  firstMeeting: string[];
  companion: BuddyCompanion | null;
}

export interface BuddyInvitation {
  /** `/join#<token>`: the token rides in the fragment, never sent to a server. */
  link: string;
  expiresAt: number;
  /** Open invitations of this person, this one included. */
  open: number;
}

export interface BuddyEventResults {
  'buddy:invite': BuddyInvitation;
  'buddy:overview': BuddyOverview;
}

export interface BuddyServerEvents {
  /** Facilitators only: every pair and every newcomer to welcome (their own channel). */
  'buddy:facilitators': (overview: Omit<BuddyOverview, 'companion'>) => void;
  /** Everyone in the room: newcomers who agreed to be shown to all as at their first meeting. */
  'buddy:welcomed': (pids: string[]) => void;
  /** To each of a pair: where the other one is (waiting, inside), or null once they have gone. */
  'buddy:companion': (companion: BuddyCompanion | null) => void;
}
