import type { ErrorCode } from '@circle/shared';

/** A refusal the client may see: only the code travels, never a message. */
export class AppError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

export const refuse = (code: ErrorCode): never => {
  throw new AppError(code);
};
