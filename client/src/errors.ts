import type { ErrorCode } from '@circle/shared';
import { defineMessages } from 'react-intl';
import type { IntlShape, MessageDescriptor } from 'react-intl';

/** Errors a call can end with: a server code, or a local transport problem. */
export type CallErrorCode = ErrorCode | 'TIMEOUT' | 'DISCONNECTED';

export class CallError extends Error {
  constructor(readonly code: CallErrorCode) {
    super(code);
    this.name = 'CallError'; // i18n-exempt: the class's name, for stack traces
  }
}

/** The server sends a code; these are its words, one per code. */
const MESSAGES: Record<CallErrorCode, MessageDescriptor> = defineMessages({
  BAD_REQUEST: {
    id: 'app.errors.BAD_REQUEST',
    defaultMessage: 'That request was not accepted. Please check what you entered.',
  },
  PROTOCOL_MISMATCH: {
    id: 'app.errors.PROTOCOL_MISMATCH',
    defaultMessage: 'This page is out of date. Please reload it.',
  },
  INVALID_TOKEN: {
    id: 'app.errors.INVALID_TOKEN',
    defaultMessage: 'This invitation link is not valid. Ask the group for a new one.',
  },
  NOT_JOINED: { id: 'app.errors.NOT_JOINED', defaultMessage: 'You are not in the room yet. Reconnecting…' },
  NOT_ADMITTED: { id: 'app.errors.NOT_ADMITTED', defaultMessage: 'A facilitator has not let you in yet.' },
  FORBIDDEN: { id: 'app.errors.FORBIDDEN', defaultMessage: 'Only a facilitator can do that.' },
  EXCLUDED: {
    id: 'app.errors.EXCLUDED',
    defaultMessage:
      'A facilitator has removed you from this group. You cannot join its meetings unless a facilitator lets you back in.',
  },
  NOT_FOUND: { id: 'app.errors.NOT_FOUND', defaultMessage: 'That person is no longer here.' },
  CONFLICT: {
    id: 'app.errors.CONFLICT',
    defaultMessage: 'That is not possible right now. The room may have just changed.',
  },
  ROOM_FULL: { id: 'app.errors.ROOM_FULL', defaultMessage: 'The room is full.' },
  LIMIT: { id: 'app.errors.LIMIT', defaultMessage: 'That is more than this can hold.' },
  RATE_LIMITED: {
    id: 'app.errors.RATE_LIMITED',
    defaultMessage: 'Too many actions at once. Please wait a moment.',
  },
  UNAVAILABLE: {
    id: 'app.errors.UNAVAILABLE',
    defaultMessage: 'Audio and video are not available on this server right now.',
  },
  INTERNAL: {
    id: 'app.errors.INTERNAL',
    defaultMessage: 'Something went wrong on the server. Please try again.',
  },
  STALE: {
    id: 'app.errors.STALE',
    defaultMessage: 'The word already moved. Nothing was changed.',
    description: '"The word": the right to speak, passed around the circle',
  },
  TIMEOUT: {
    id: 'app.errors.TIMEOUT',
    defaultMessage: 'The server did not answer in time. Please try again.',
  },
  DISCONNECTED: { id: 'app.errors.DISCONNECTED', defaultMessage: 'You are offline. Reconnecting…' },
});

export function errorCodeOf(err: unknown): CallErrorCode {
  return err instanceof CallError ? err.code : 'INTERNAL';
}

/** What an error code says to the person, in their language. */
export function describeCode(intl: IntlShape, code: CallErrorCode): string {
  return intl.formatMessage(MESSAGES[code]);
}

/** What a failed call says to the person, in their language. */
export function describeError(intl: IntlShape, err: unknown): string {
  return describeCode(intl, errorCodeOf(err));
}
