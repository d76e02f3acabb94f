import type { Role } from '@circle/shared';
import type { AttendanceEvent, DeclarationAcceptance, Participation, RoomRecord } from '../room/records.js';
import { meetingOf } from './record.js';

export type { Participation } from '../room/records.js';

export interface AttendanceRow {
  pid: string;
  name: string;
  role: Role;
  joinedAt: number;
  leftAt: number | null;
  declarationVersion: number | null;
  part: Participation;
}

const none = (): Participation => ({ shared: false, passed: false, observed: false, steppedOut: false });

/** Read from the live record: turns and stepping out are kept there for the whole meeting. */
export function participation(rec: Readonly<RoomRecord>, pid: string, role: Role): Participation {
  const turns = rec.floor.turns[pid];
  return {
    shared: (turns?.spoke ?? 0) > 0,
    passed: (turns?.passed ?? 0) > 0,
    observed: role === 'observer',
    steppedOut: meetingOf(rec).steppedOut.includes(pid),
  };
}

const merge = (a: Participation, b: Participation | undefined): Participation =>
  b
    ? {
        shared: a.shared || b.shared,
        passed: a.passed || b.passed,
        observed: a.observed || b.observed,
        steppedOut: a.steppedOut || b.steppedOut,
      }
    : a;

/**
 * One row per person: the first arrival, the last departure (none while still here), the declaration they
 * accepted and how they took part. `live` is the meeting's record while it is still going on.
 */
export function attendanceRows(
  events: AttendanceEvent[],
  declarations: DeclarationAcceptance[],
  live: Readonly<RoomRecord> | null,
): AttendanceRow[] {
  const rows = new Map<string, AttendanceRow>();
  for (const e of events) {
    let row = rows.get(e.pid);
    if (!row) {
      row = {
        pid: e.pid,
        name: e.name,
        role: e.role,
        joinedAt: e.at,
        leftAt: null,
        declarationVersion: null,
        part: none(),
      };
      rows.set(e.pid, row);
    }
    row.name = e.name;
    row.leftAt = e.type === 'left' ? e.at : null;
    row.part = merge(row.part, e.part);
    if (e.role === 'observer') row.part.observed = true;
  }
  for (const d of declarations) {
    const row = rows.get(d.pid);
    if (row) row.declarationVersion = Math.max(row.declarationVersion ?? 0, d.version);
  }
  if (live) {
    for (const row of rows.values()) {
      row.part = merge(row.part, participation(live, row.pid, row.role));
      if (live.participants[row.pid]) row.leftAt = null;
    }
  }
  return [...rows.values()];
}

export function tookPart(p: Participation): string {
  const ways = [
    p.shared && 'shared',
    p.passed && 'passed',
    p.observed && 'observed',
    p.steppedOut && 'stepped out',
  ].filter(Boolean);
  return ways.length ? ways.join('; ') : 'listened';
}

/** A spreadsheet must not run a name as a formula: cells starting like one are prefixed with a quote. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const time = (at: number | null) => (at === null ? '' : new Date(at).toISOString());

export function attendanceCsv(rows: AttendanceRow[]): string {
  const header = ['Name', 'Role', 'Joined', 'Left', 'Declaration accepted', 'Took part'];
  const lines = rows.map((r) =>
    [
      r.name,
      r.role,
      time(r.joinedAt),
      time(r.leftAt),
      r.declarationVersion === null ? 'no' : `yes (version ${r.declarationVersion})`,
      tookPart(r.part),
    ]
      .map(cell)
      .join(','),
  );
  return [header.map(cell).join(','), ...lines].join('\r\n') + '\r\n';
}
