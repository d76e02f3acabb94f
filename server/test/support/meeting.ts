import type { RoomView } from '@circle/shared';

/** Facilitators' HTTP calls authorise with the facilitator invitation token. */
export async function getAs(port: number, path: string, token: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

export async function postJson(port: number, path: string, body: unknown): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** An absence notice from the member link: the token authorises as a bearer token, never in the address. */
export function sendAbsence(port: number, token: string, body: unknown): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/api/absence`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

/** A minimal CSV reader for the attendance export (quoted cells, CRLF lines). */
export function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

export const held = (v: RoomView | null) => v?.floor.holder?.pid ?? null;
