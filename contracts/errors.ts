/** The closed set of error codes, each with its HTTP status. Messages live in messages.ts, by code. */
export const ERROR_STATUS = {
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.locked': 423,
  'auth.disabled': 403,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.wrong_password': 400,
  'auth.rate_limited': 429,
  'validation.failed': 400,
  'request.malformed': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  not_found: 404,
  'conflict.duplicate': 409,
  'conflict.stale': 409,
  'import.invalid_file': 400,
  'import.invalid_rows': 422,
  'import.not_utf8': 400,
  'user.email_taken': 409,
  'user.enterprise_required': 400,
  'user.cannot_disable_self': 400,
  'enterprise.tax_code_taken': 409,
  'area.unknown': 400,
  'area.none': 409,
  'area.out_of_scope': 403,
  'backup.invalid': 400,
  'period.invalid_transition': 409,
  'period.reason_required': 400,
  'extension.invalid_transition': 409,
  'extension.document_required': 409,
  'extension.note_required': 400,
  'extension.no_cap_rule': 409,
  'extension.cap_exceeded': 422,
  'extension.above_requested': 422,
  'extension.disbursement_exceeds_approved': 422,
  'extension.not_disbursable': 409,
  'extension.settlement_above_approved': 422,
  'extension.settlement_above_disbursed': 422,
  'extension.not_editable': 409,
  'extension.call_not_open': 409,
  'extension.baseline_frozen': 409,
  'extension.baseline_required': 409,
  'extension.unknown_activity_group': 400,
  'extension.document_too_large': 413,
  'extension.document_quota_bytes': 413,
  'extension.document_quota_files': 413,
  'server.busy': 503,
  'db.unavailable': 503,

  'server.not_ready': 503,
  'server.public_queue_full': 429,
  'statistics.too_many_observations': 413,
  'report.issued': 409,
  'report.no_data': 422,
  /** The server has no Chromium to print DOCX/PDF reports with (an installation problem). */
  'report.chromium_missing': 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field or row problem: where (path or row + column), what (a message code) and the values it quotes. */
export interface Issue {
  path?: string;
  row?: number;
  column?: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: { issues?: Issue[]; [k: string]: unknown };
    requestId: string;
  };
}
