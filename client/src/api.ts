import { ERROR_CODES } from '@circle/shared';
import type {
  BuddyInvitation,
  BuddyPost,
  CreateGroupResult,
  DeviceCodeExchangeResult,
  ErrorCode,
  GroupSettingsInput,
  InviteInfo,
  JournalEntry,
  JournalPost,
} from '@circle/shared';
import { CallError } from './errors';
import { storage } from './storage';

function asErrorCode(value: unknown): ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(value) ? (value as ErrorCode) : 'INTERNAL';
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  } catch {
    throw new CallError('DISCONNECTED');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const code = body && typeof body === 'object' && 'error' in body ? body.error : undefined;
    throw new CallError(asErrorCode(code ?? (res.status === 404 ? 'NOT_FOUND' : undefined)));
  }
  return body as T;
}

/** What the home page needs from the server: whether creating a group asks for the operator's password. */
export interface ServerConfig {
  groupCreation: { passwordRequired: boolean };
}

export function getServerConfig(): Promise<ServerConfig> {
  return request<ServerConfig>('/api/config');
}

/** The creation password (when the server asks for one) travels in the body, beside the settings. */
export function createGroup(input: GroupSettingsInput, adminPassword?: string): Promise<CreateGroupResult> {
  return request<CreateGroupResult>('/api/groups', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(adminPassword === undefined ? input : { ...input, adminPassword }),
  });
}

/** Tokens go in a body or a header, never in an address (servers and proxies log addresses). */
const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/**
 * The group an invitation token names. Tokens are `<key id>.<payload>.<signature>` with the payload in
 * clear (base64url JSON, `g` the group; see server/src/tokens.ts): reading it proves nothing, it only tells
 * which identity this browser holds for that group. Null for anything else.
 */
function groupOfToken(token: string): string | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const group = claims && typeof claims === 'object' && 'g' in claims ? claims.g : null;
    return typeof group === 'string' ? group : null;
  } catch {
    return null;
  }
}

/**
 * Looks an invitation up. The identity this browser holds for that group goes along: if a facilitator
 * replaced the link while this person was inside (a reloaded page), it still opens for them.
 */
export function getInvite(token: string): Promise<InviteInfo> {
  const group = groupOfToken(token);
  const identity = group ? storage.getIdentity(group) : null;
  return request<InviteInfo>('/api/invite', postJson(identity ? { token, identity } : { token }));
}

/** Tells the facilitators, from the member link, that this person will not come to the next meeting. */
export async function sendAbsence(token: string, notice: { name: string; note: string }): Promise<void> {
  // i18n-exempt: an HTTP header
  await request<{ ok: true }>('/api/absence', postJson(notice, { Authorization: `Bearer ${token}` }));
}

/** An entry in one's own journal from the closing screen (the room's connection has ended). */
export function writeJournal(token: string, post: JournalPost): Promise<JournalEntry> {
  // i18n-exempt: an HTTP header
  return request<JournalEntry>('/api/journal', postJson(post, { Authorization: `Bearer ${token}` }));
}

/** A buddy invitation made from the member link's page (no meeting to be in): bound to this identity. */
export function createBuddyInvite(token: string, post: BuddyPost): Promise<BuddyInvitation> {
  // i18n-exempt: an HTTP header
  return request<BuddyInvitation>('/api/buddy', postJson(post, { Authorization: `Bearer ${token}` }));
}

/** Exchanges a one-time code read off another device for that person's identity in this group. */
export function redeemDeviceCode(token: string, code: string): Promise<DeviceCodeExchangeResult> {
  return request<DeviceCodeExchangeResult>('/api/device', postJson({ token, code }));
}

/** Links such as `/join#<token>` as a full address to share. */
export function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}
