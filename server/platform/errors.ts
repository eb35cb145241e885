import { ERROR_STATUS, type ErrorCode, type Issue } from '../../contracts/errors';

export type { ErrorCode, Issue };

/** The one error type of the application: a stable code (with its HTTP status) and details for the client. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details: { issues?: Issue[]; [k: string]: unknown } = {},
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('auth.forbidden');
export const invalid = (issues: Issue[]) => new AppError('validation.failed', { issues });
