// Expected failures cross the boundary as { ok: false, code, message }; this is their shape.

export type ErrorCode =
  | 'unknown-channel'
  | 'bad-sender'
  | 'invalid-input'
  | 'refused'
  | 'too-large'
  | 'timeout'
  | 'not-found'
  | 'cancelled'
  | 'unsupported'
  | 'internal';

export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/** Thrown by handlers for an expected failure; the wrapper turns it into `{ ok: false }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
