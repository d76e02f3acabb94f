/*
 * Buddy invitations' constants, apart from their zod schemas: the join page loads them, and a constant taken
 * from a module that builds schemas brings zod into the first page a phone loads.
 */

/** How long a buddy invitation can be used. */
export const BUDDY_INVITE_TTL_MS = 7 * 24 * 60 * 60_000;
/** Open (unused, unexpired) buddy invitations one person may hold at once. */
export const BUDDY_INVITES_MAX = 3;

/**
 * Whom a newcomer's "first meeting" is shown to: the facilitators (so they can be welcomed), or everyone
 * in the circle (a second, separate yes). Absent: nobody.
 */
export const FIRST_MEETING_AUDIENCES = ['facilitators', 'everyone'] as const;
export type FirstMeetingAudience = (typeof FIRST_MEETING_AUDIENCES)[number];
