import type { IntlShape } from 'react-intl';
import { CallError } from '../errors';
import { localiseAttendance } from './attendanceCsv';
import { viewerTimeZone } from './format';

/**
 * Downloads a meeting's attendance as CSV, its header and times in the facilitator's language and time zone.
 * The facilitator's invitation token authorises the request as a bearer token (never in the address); the
 * file is handed to the browser from memory. The identity this browser holds goes along: once a facilitator
 * replaced that link, it still proves this person facilitated the meeting, so the export keeps working for
 * the facilitators who were inside.
 */
export async function downloadAttendance(
  intl: IntlShape,
  facilitatorToken: string,
  identity: string | null,
  meetingId: string,
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/attendance.csv`, {
      headers: {
        authorization: `Bearer ${facilitatorToken}`, // i18n-exempt: an HTTP header
        ...(identity ? { 'x-circle-identity': identity } : {}),
      },
    });
  } catch {
    throw new CallError('DISCONNECTED');
  }
  if (!res.ok) throw new CallError(res.status === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'attendance.csv';
  const csv = localiseAttendance(intl, await res.text(), viewerTimeZone());
  // A byte-order mark, so spreadsheet programs read the words in every alphabet as UTF-8.
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
