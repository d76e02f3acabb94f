import { defineMessages } from 'react-intl';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import { ROLE_LABELS } from '../labels';

/**
 * The attendance export in the facilitator's language and time zone. The server writes one plain form
 * (ISO times in UTC, English words of a closed set); this re-words its header row and cells here, in the
 * browser, so the server never needs the reader's language and the names in it never leave the page.
 */
const m = defineMessages({
  name: { id: 'meeting.attendanceCsv.name', defaultMessage: 'Name' },
  role: { id: 'meeting.attendanceCsv.role', defaultMessage: 'Role' },
  joined: { id: 'meeting.attendanceCsv.joined', defaultMessage: 'Joined ({zone})' },
  left: { id: 'meeting.attendanceCsv.left', defaultMessage: 'Left ({zone})' },
  declaration: {
    id: 'meeting.attendanceCsv.declaration',
    defaultMessage: 'Declaration accepted',
    description: 'Column: whether the person accepted the confidentiality declaration',
  },
  tookPart: { id: 'meeting.attendanceCsv.tookPart', defaultMessage: 'Took part' },
  yes: { id: 'meeting.attendanceCsv.yes', defaultMessage: 'yes (version {version})' },
  no: { id: 'meeting.attendanceCsv.no', defaultMessage: 'no' },
});

const WAYS: Record<string, MessageDescriptor> = defineMessages({
  shared: { id: 'meeting.attendanceCsv.shared', defaultMessage: 'shared' },
  passed: {
    id: 'meeting.attendanceCsv.passed',
    defaultMessage: 'passed',
    description: 'Passed: let their turn to speak go by',
  },
  observed: { id: 'meeting.attendanceCsv.observed', defaultMessage: 'observed' },
  'stepped out': { id: 'meeting.attendanceCsv.steppedOut', defaultMessage: 'stepped out' },
  listened: { id: 'meeting.attendanceCsv.listened', defaultMessage: 'listened' },
});

/** Reads the server's CSV: every cell quoted, `""` for a quote, CRLF between rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\r\n')) {
    if (!line) continue;
    const cells = [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((c) => c[1]!.replace(/""/g, '"'));
    rows.push(cells);
  }
  return rows;
}

// Cells are written back as they came (a name the server quoted against formulas stays quoted).
const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;

export function localiseAttendance(intl: IntlShape, csv: string, timeZone: string): string {
  const [, ...rows] = parseCsv(csv);
  const zone = timeZone.replace(/_/g, ' ');
  const time = (iso: string | undefined) =>
    iso
      ? intl.formatDate(iso, {
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          timeZone,
        })
      : '';
  const header = [
    intl.formatMessage(m.name),
    intl.formatMessage(m.role),
    intl.formatMessage(m.joined, { zone }),
    intl.formatMessage(m.left, { zone }),
    intl.formatMessage(m.declaration),
    intl.formatMessage(m.tookPart),
  ];
  const lines = rows.map(([name = '', role = '', joined, left, declared = '', part = '']) => {
    const version = /\d+/.exec(declared)?.[0];
    const roleLabel = ROLE_LABELS[role as keyof typeof ROLE_LABELS];
    return [
      name,
      roleLabel ? intl.formatMessage(roleLabel) : role,
      time(joined),
      time(left),
      version ? intl.formatMessage(m.yes, { version }) : intl.formatMessage(m.no),
      intl.formatList(
        part.split('; ').map((way) => (WAYS[way] ? intl.formatMessage(WAYS[way]) : way)),
        { type: 'conjunction' },
      ),
    ];
  });
  return [header, ...lines].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
