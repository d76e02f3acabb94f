import { AbsenceNoticeSchema } from '@circle/shared';
import { Router, type Request } from 'express';
import { groupKey, type GroupRecord, type Groups } from '../groups/service.js';
import type { Identities } from '../identity/service.js';
import type { DeclarationAcceptance, AttendanceEvent, RoomRecord } from '../room/records.js';
import type { Store } from '../store/index.js';
import { addAbsence } from './absences.js';
import { attendanceCsv, attendanceRows } from './attendance.js';
import { attendanceKey, type Meetings } from './service.js';

/**
 * Meeting data over plain HTTP: the absence notice a member sends before a meeting (no room to join yet),
 * and the attendance export. Both authorise with an invitation token as a bearer token, so it never
 * appears in an address or a server log.
 */
export function meetingRoutes(deps: {
  groups: Groups;
  identities: Identities;
  store: Store;
  meetings: Meetings;
  now: () => number;
  /** Tells the facilitators of a meeting in progress that a notice arrived. */
  onAbsence: (groupId: string) => void;
}): Router {
  const router = Router();

  async function bearerInvite(req: Request) {
    const token = /^Bearer (.{1,512})$/.exec(req.get('authorization') ?? '')?.[1];
    return token ? deps.groups.resolveInvite(token) : null;
  }

  async function facilitatorGroup(req: Request): Promise<GroupRecord | null> {
    const invite = await bearerInvite(req);
    return invite?.role === 'facilitator' ? invite.group : null;
  }

  /**
   * A facilitator whose link was replaced while they were inside still holds the old one. They may export
   * the meetings they facilitated: the old link (signed for this group's facilitators) and their identity
   * (X-Circle-Identity, from their browser) together prove it. The old link alone, which is what leaked,
   * opens nothing; nor does it with anyone's identity but a facilitator's of that very meeting.
   */
  async function formerFacilitatorGroup(req: Request, meetingId: string): Promise<GroupRecord | null> {
    const token = /^Bearer (.{1,512})$/.exec(req.get('authorization') ?? '')?.[1];
    const identity = req.get('x-circle-identity');
    if (!token || !identity || identity.length > 512) return null;
    const signed = await deps.groups.resolveSigned(token);
    if (signed?.role !== 'facilitator') return null;
    const pid = await deps.identities.resolve(signed.group.id, identity);
    if (!pid) return null;
    const events = await deps.store.read<AttendanceEvent>(attendanceKey(signed.group.id, meetingId));
    return events.some((e) => e.pid === pid && e.role === 'facilitator') ? signed.group : null;
  }

  router.post('/api/absence', async (req, res) => {
    const invite = await bearerInvite(req);
    if (!invite) return void res.status(404).json({ error: 'INVALID_TOKEN' });
    // The public list's Join link is published to anyone: it lets a stranger wait in the lobby, nothing more.
    const fromList = deps.groups.isListingToken(req.get('authorization')?.slice('Bearer '.length) ?? '');
    if (invite.role !== 'member' || fromList) return void res.status(403).json({ error: 'FORBIDDEN' });
    const parsed = AbsenceNoticeSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: 'BAD_REQUEST' });
    if (!(await addAbsence(deps.store, invite.group.id, parsed.data, deps.now())))
      return void res.status(409).json({ error: 'CONFLICT' });
    deps.onAbsence(invite.group.id);
    res.status(201).json({ ok: true });
  });

  router.get('/api/meetings', async (req, res) => {
    const group = await facilitatorGroup(req);
    if (!group) return void res.status(403).json({ error: 'FORBIDDEN' });
    const live = await deps.store.get<RoomRecord>(`${groupKey(group.id)}room`);
    res.set('cache-control', 'no-store').json({
      current: live?.meetingId ?? null,
      past: await deps.meetings.past(group.id),
    });
  });

  router.get('/api/meetings/:meetingId/attendance.csv', async (req, res) => {
    const { meetingId } = req.params;
    const group = (await facilitatorGroup(req)) ?? (await formerFacilitatorGroup(req, meetingId));
    if (!group) return void res.status(403).json({ error: 'FORBIDDEN' });
    // The meeting in progress is read from its record: what is acknowledged is already stored there.
    const stored = await deps.store.get<RoomRecord>(`${groupKey(group.id)}room`);
    const live = stored?.meetingId === meetingId ? stored : null;
    const known = live || (await deps.meetings.past(group.id)).some((m) => m.meetingId === meetingId);
    if (!known) return void res.status(404).json({ error: 'NOT_FOUND' });
    const events = await deps.store.read<AttendanceEvent>(attendanceKey(group.id, meetingId));
    const declarations = (
      await deps.store.read<DeclarationAcceptance>(`${groupKey(group.id)}declarations`)
    ).filter((d) => d.meetingId === meetingId);
    const csv = attendanceCsv(attendanceRows(events, declarations, live));
    const day = new Date(events[0]?.at ?? deps.now()).toISOString().slice(0, 10);
    res
      .status(200)
      .set({
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="attendance-${day}.csv"`,
        'cache-control': 'no-store',
      })
      .send(csv);
  });

  return router;
}
