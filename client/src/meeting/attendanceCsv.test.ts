import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { localiseAttendance, parseCsv } from './attendanceCsv';

// What the server writes (server/src/meeting/attendance.ts): ISO times in UTC, a closed set of words.
const server =
  [
    '"Name","Role","Joined","Left","Declaration accepted","Took part"',
    '"Ana","member","2026-03-10T18:30:00.000Z","2026-03-10T19:45:10.000Z","yes (version 2)","shared; passed"',
    '"\'=Bob ""B""","observer","2026-03-10T18:31:00.000Z","","no","observed"',
  ].join('\r\n') + '\r\n';

describe('the attendance export in the reader’s language and time zone', () => {
  it('English, Berlin: local times, the zone named in the header, the words kept', () => {
    const rows = parseCsv(
      localiseAttendance(createIntl({ locale: 'en', onError: () => {} }), server, 'Europe/Berlin'),
    );
    expect(rows[0]).toEqual([
      'Name',
      'Role',
      'Joined (Europe/Berlin)',
      'Left (Europe/Berlin)',
      'Declaration accepted',
      'Took part',
    ]);
    expect(rows[1]![0]).toBe('Ana');
    expect(rows[1]![1]).toBe('Member');
    expect(rows[1]![2]).toContain('7:30:00 PM');
    expect(rows[1]![3]).toContain('8:45:10 PM');
    expect(rows[1]![4]).toBe('yes (version 2)');
    expect(rows[1]![5]).toBe('shared and passed');
    // A name the server guarded against formulas stays guarded; no time for someone still here.
    expect(rows[2]!.slice(0, 5)).toEqual(['\'=Bob "B"', 'Observer', expect.any(String), '', 'no']);
  });

  it('Russian, Moscow: the header row and the words in Russian', () => {
    const intl = createIntl({
      locale: 'ru',
      onError: () => {}, // the rest falls back to English here; the catalogs are checked elsewhere
      messages: {
        'meeting.attendanceCsv.name': 'Имя',
        'meeting.attendanceCsv.joined': 'Пришёл(-ла) ({zone})',
        'meeting.attendanceCsv.shared': 'делился(-лась)',
        'meeting.attendanceCsv.passed': 'пропустил(а)',
        'app.labels.role.member': 'Участник',
      },
    });
    const rows = parseCsv(localiseAttendance(intl, server, 'Europe/Moscow'));
    expect(rows[0]![0]).toBe('Имя');
    expect(rows[0]![2]).toBe('Пришёл(-ла) (Europe/Moscow)');
    expect(rows[1]![1]).toBe('Участник');
    expect(rows[1]![2]).toBe('10.03.2026, 21:30:00');
    expect(rows[1]![5]).toBe('делился(-лась) и пропустил(а)');
  });
});
