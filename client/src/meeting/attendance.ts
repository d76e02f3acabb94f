import { CallError } from '../errors';

/**
 * Downloads a meeting's attendance as CSV. The facilitator's invitation token authorises the request as a
 * bearer token (never in the address); the file is handed to the browser from memory. The identity this
 * browser holds goes along: once a facilitator replaced that link, it still proves this person facilitated
 * the meeting, so the export keeps working for the facilitators who were inside.
 */
export async function downloadAttendance(
  facilitatorToken: string,
  identity: string | null,
  meetingId: string,
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/attendance.csv`, {
      headers: {
        authorization: `Bearer ${facilitatorToken}`,
        ...(identity ? { 'x-circle-identity': identity } : {}),
      },
    });
  } catch {
    throw new CallError('DISCONNECTED');
  }
  if (!res.ok) throw new CallError(res.status === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'attendance.csv';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
