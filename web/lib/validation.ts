import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { Issue } from '../../contracts/errors';
import type { Lang } from '../../contracts/messages';
import { readNumber } from '../../contracts/number-input';
import { ApiError } from './api';

/** Zod's issues as the server would word them (contracts/messages.ts codes), so both read the same. */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i): Issue => {
    const path = i.path.map(String).join('.');
    const raw = i as unknown as Record<string, unknown>;
    // An empty required field reads "required", whatever rule it then fails.
    if (raw.input === '') return { path, code: 'issue.required' };
    if (i.message.startsWith('issue.')) return { path, code: i.message };
    switch (i.code) {
      case 'invalid_type':
        return { path, code: raw.input === undefined ? 'issue.required' : 'issue.invalid_type' };
      case 'too_small':
        return Number(raw.minimum) === 1 && raw.origin === 'string'
          ? { path, code: 'issue.required' }
          : { path, code: 'issue.too_small', params: { minimum: Number(raw.minimum) } };
      case 'too_big':
        return { path, code: 'issue.too_big', params: { maximum: Number(raw.maximum) } };
      case 'invalid_format':
        return { path, code: 'issue.invalid_format' };
      case 'invalid_value':
        return {
          path,
          code: 'issue.enum',
          params: { options: ((raw.values as unknown[]) ?? []).join(', ') },
        };
      default:
        return { path, code: 'issue.invalid' };
    }
  });
}

/** The first message per form field, translated. */
export function issuesToFields(t: TFunction, issues: Issue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path?.split('.')[0];
    if (field && !out[field]) out[field] = t(issue.code, { ns: 'msg', ...issue.params });
  }
  return out;
}

export function validate<S extends z.ZodType>(
  t: TFunction,
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: Record<string, string> } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, data: r.data };
  return { ok: false, errors: issuesToFields(t, toIssues(r.error)) };
}

/**
 * A form's number fields read with the one reader of typed numbers (contracts/number-input.ts): each field's
 * value as a plain decimal text (null when blank), and one issue per field it refused, named by the field.
 */
export function readNumberFields<K extends string>(
  lang: Lang,
  fields: Record<K, { text: string; decimals: number }>,
): { values: Record<K, string | null>; issues: Issue[] } {
  const values = {} as Record<K, string | null>;
  const issues: Issue[] = [];
  for (const [key, f] of Object.entries(fields) as [K, { text: string; decimals: number }][]) {
    values[key] = null;
    if (f.text.trim() === '') continue;
    const r = readNumber(f.text, lang, { decimals: f.decimals });
    if (r.ok) values[key] = r.value;
    else issues.push({ path: key, code: r.code, params: r.params });
  }
  return { values, issues };
}

/** The same, for a mutation: the values, or a `validation.failed` error with an issue per refused field. */
export function readNumbersOrThrow<K extends string>(
  lang: Lang,
  fields: Record<K, { text: string; decimals: number }>,
): Record<K, string | null> {
  const { values, issues } = readNumberFields(lang, fields);
  if (issues.length) throw new ApiError(400, 'validation.failed', issues);
  return values;
}
