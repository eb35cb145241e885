import type { TFunction } from 'i18next';
import type { Issue } from '../../contracts/errors';
import { ApiError } from './api';

/** One sentence for any thrown thing, translated by its code with the tables of contracts/messages.ts. */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'network') return t('common.network');
    // "Invalid data" alone names nothing: say what each issue is.
    if (err.code === 'validation.failed' && err.issues.length)
      return `${t(err.code, { ns: 'msg' })} ${err.issues.map((i) => issueText(t, i)).join(' ')}`;
    return t(err.code, {
      ns: 'msg',
      ...err.params,
      defaultValue: t('internal', { ns: 'msg', ...err.params }),
    });
  }
  return t('internal', { ns: 'msg', requestId: '–' });
}

export function issueText(t: TFunction, issue: Issue): string {
  return t(issue.code, { ns: 'msg', ...issue.params, defaultValue: t('issue.invalid', { ns: 'msg' }) });
}

/** Field-level messages keyed by the issue path's first segment (the form field's name). */
export function fieldErrors(t: TFunction, err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const issue of err.issues) {
    // By its field, and by its whole path for rows of a list (`budgets.1.amountVnd`).
    const field = issue.path?.split('.')[0];
    if (field && !out[field]) out[field] = issueText(t, issue);
    if (issue.path && !out[issue.path]) out[issue.path] = issueText(t, issue);
  }
  return out;
}
