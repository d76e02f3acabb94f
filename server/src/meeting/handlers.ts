import type { MeetingSettings } from '@circle/shared';
import { DEFAULT_LISTING, LIMITS, openClock, pauseClock, pauseFormat, resumeClock } from '@circle/shared';
import { AppError } from '../errors.js';
import type { GroupRecord } from '../groups/service.js';
import { defineDomain } from '../domain.js';
import type { HandlerTable } from '../socket/context.js';
import { meetingRoutes } from './http.js';
import { ensureMeeting } from './record.js';

const settingsOf = ({ settings: s }: GroupRecord): MeetingSettings => ({
  kind: s.kind,
  sessions: s.sessions,
  meetingMinutes: s.meetingMinutes,
  openingWords: s.openingWords,
  closingWords: s.closingWords,
  supportContacts: s.supportContacts,
  schedule: s.schedule,
  retentionDays: s.retentionDays,
  observerLimit: s.observerLimit ?? LIMITS.observersDefault,
  // Groups from before listeners existed have none.
  listeners: s.listeners ?? 0,
  // Groups made before groups had a language met in English.
  language: s.language ?? 'en',
  lobby: s.lobby,
  // Groups from before the public list existed are not on it.
  listed: s.listed ?? false,
  listing: s.listing ?? DEFAULT_LISTING,
  // Groups from before end-to-end encryption existed are not encrypted until a facilitator turns it on.
  e2ee: s.e2ee ?? false,
  e2eeFallback: s.e2eeFallback ?? 'no-media',
});

type MeetingDeps = Parameters<typeof meetingRoutes>[0];

/** The meeting's lifecycle (open, pause, lock, settings, close) and its data over HTTP (absences, attendance). */
export const meetingDomain = (deps: MeetingDeps) =>
  defineDomain({
    name: 'meeting',
    handlers: meetingHandlers(deps),
    attach: (room) => deps.meetings.attach(room),
    routes: meetingRoutes(deps),
  });

const meetingHandlers = ({ meetings, groups }: MeetingDeps) =>
  ({
    /** The opening words go to everyone with the next snapshot; the meeting clock starts. */
    'meeting:open': async ({ room }) => {
      await room.change(async (c) => {
        const m = ensureMeeting(c.rec);
        if (m.phase === 'open') throw new AppError('CONFLICT');
        m.phase = 'open';
        m.clock = openClock(m.clock, c.now);
        await meetings.prune(room.id, room.group.settings.retentionDays, c.now);
      });
      return null;
    },

    /** Pausing freezes the turn clocks and the meeting clock together, in one change. */
    'meeting:pause': async ({ room }, p) => {
      await room.change((c) => {
        const m = ensureMeeting(c.rec);
        c.floor({ type: p.on ? 'pause' : 'resume' });
        m.clock = p.on ? pauseClock(m.clock, c.now) : resumeClock(m.clock, c.now);
        // The format part's own clock stands still with the meeting's.
        if (c.rec.format) c.rec.format = pauseFormat(c.rec.format, p.on, c.now);
      });
      return null;
    },

    'meeting:lock': async ({ room }, p) => {
      await room.change((c) => {
        ensureMeeting(c.rec).locked = p.on;
      });
      return null;
    },

    /** In the room's turn, so two facilitators editing at once apply one after the other. */
    'meeting:settings': async ({ room }, p) => {
      if (Object.keys(p).length === 0) return settingsOf(room.group);
      return room.change(async () => {
        room.group = await groups.update(room.group, p);
        return settingsOf(room.group);
      });
    },

    'meeting:close': async ({ room }) => (await meetings.close(room), null),

    'meeting:deleteGroup': async ({ room }) => (await meetings.deleteGroup(room), null),
  }) satisfies HandlerTable;
