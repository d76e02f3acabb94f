import type { ErrorCode } from '@circle/shared';

/** Errors a call can end with: a server code, or a local transport problem. */
export type CallErrorCode = ErrorCode | 'TIMEOUT' | 'DISCONNECTED';

export class CallError extends Error {
  constructor(readonly code: CallErrorCode) {
    super(code);
    this.name = 'CallError';
  }
}

const MESSAGES: Record<CallErrorCode, string> = {
  BAD_REQUEST: 'That request was not accepted. Please check what you entered.',
  PROTOCOL_MISMATCH: 'This page is out of date. Please reload it.',
  INVALID_TOKEN: 'This invitation link is not valid. Ask the group for a new one.',
  NOT_JOINED: 'You are not in the room yet. Reconnecting…',
  NOT_ADMITTED: 'A facilitator has not let you in yet.',
  FORBIDDEN: 'Only a facilitator can do that.',
  EXCLUDED:
    'A facilitator has removed you from this group. You cannot join its meetings unless a facilitator lets you back in.',
  NOT_FOUND: 'That person is no longer here.',
  CONFLICT: 'That is not possible right now. The room may have just changed.',
  ROOM_FULL: 'The room is full.',
  LIMIT: 'That is more than this can hold.',
  RATE_LIMITED: 'Too many actions at once. Please wait a moment.',
  UNAVAILABLE: 'Audio and video are not available on this server right now.',
  INTERNAL: 'Something went wrong on the server. Please try again.',
  STALE: 'The word already moved. Nothing was changed.',
  TIMEOUT: 'The server did not answer in time. Please try again.',
  DISCONNECTED: 'You are offline. Reconnecting…',
};

export function errorCodeOf(err: unknown): CallErrorCode {
  return err instanceof CallError ? err.code : 'INTERNAL';
}

export function describeError(err: unknown): string {
  return MESSAGES[errorCodeOf(err)];
}
