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

/**
 * File-system errors by name: Node's (`code: 'ENOSPC'`) and those PGlite's WASM file system throws, which are
 * not Error objects but `{ name: 'ErrnoError', errno }` with Emscripten's numbers (printed they are
 * "[object Object]").
 */
const EMSCRIPTEN_ERRNO: Record<number, string> = {
  2: 'EACCES',
  19: 'EDQUOT',
  20: 'EEXIST',
  29: 'EIO',
  31: 'EISDIR',
  44: 'ENOENT',
  51: 'ENOSPC',
  54: 'ENOTDIR',
  63: 'EPERM',
  69: 'EROFS',
};

export function errnoOf(e: unknown): string | null {
  if (!e || typeof e !== 'object') return null;
  const { code, name, errno } = e as { code?: unknown; name?: unknown; errno?: unknown };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  if (name === 'ErrnoError' && typeof errno === 'number') return EMSCRIPTEN_ERRNO[errno] ?? `errno ${errno}`;
  return null;
}

export const ERRNO_TEXT: Record<string, string> = {
  ENOSPC: 'đĩa đầy / the disk is full',
  EDQUOT: 'hết hạn mức đĩa / disk quota exceeded',
  EACCES: 'không có quyền ghi / permission denied',
  EPERM: 'không được phép / operation not permitted',
  EROFS: 'ổ đĩa chỉ đọc / read-only file system',
  ENOTDIR:
    'một phần của đường dẫn là tệp chứ không phải thư mục / part of the path is a file, not a directory',
  EEXIST: 'đường dẫn là tệp chứ không phải thư mục / the path is a file, not a directory',
  EISDIR: 'gặp thư mục ở chỗ cần tệp / a directory where a file was expected',
  EIO: 'lỗi đọc ghi đĩa / input/output error',
};

/** Any thrown value as one readable line: an Error's message, a file-system error by name, else its JSON. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  const errno = errnoOf(e);
  if (errno) return `${ERRNO_TEXT[errno] ?? errno} (${errno})`;
  if (e && typeof e === 'object') {
    const m = (e as { message?: unknown }).message;
    if (typeof m === 'string' && m) return m;
    try {
      return JSON.stringify(e);
    } catch {
      return String(e);
    }
  }
  return String(e);
}
