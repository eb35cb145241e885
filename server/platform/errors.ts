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

/**
 * An issue from a schema check (zod, directly or through Fastify's validation): messages that are issue codes
 * pass through, the rest map to the generic codes every language has, with their bounds as params.
 */
export function schemaIssue(
  path: string,
  keyword: string,
  message: string | undefined,
  params: Record<string, unknown>,
): Issue {
  return { path, code: issueCode(keyword, message), params: issueParams(params) };
}

function issueCode(keyword: string, message: string | undefined): string {
  if (message?.startsWith('issue.')) return message;
  // zod reports a missing value as a type error "… received undefined" (its issues do not carry the input).
  if (keyword === 'invalid_type')
    return !message || message.endsWith('received undefined') ? 'issue.required' : 'issue.invalid_type';
  if (keyword === 'invalid_value') return 'issue.enum';
  const known = ['too_small', 'too_big', 'invalid_format', 'unrecognized_keys'];
  return known.includes(keyword) ? `issue.${keyword}` : 'issue.invalid';
}

function issueParams(params: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const k of ['minimum', 'maximum', 'format']) {
    const v = params[k];
    if (typeof v === 'number' || typeof v === 'string') out[k] = v;
    if (typeof v === 'bigint') out[k] = v.toString();
  }
  if (Array.isArray(params.values)) out.options = params.values.map(String).join(', ');
  if (Array.isArray(params.keys)) out.keys = params.keys.map(String).join(', ');
  return out;
}
