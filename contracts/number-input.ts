import type { Lang } from './messages';

/**
 * The one reader of numbers a person types, in the language's form: Vietnamese `1.250,5` (dot groups
 * thousands, comma is the decimal sign), English `1,250.5`. It never guesses: the other language's form
 * (`12.5` in Vietnamese, `12,5` in English) is refused with how it would read, and so is an English `1,250`,
 * which a Vietnamese hand may mean as 1,25 — each with how to type what was meant. Spaces may group
 * thousands too (`1 250 000`). The result is a plain decimal text (`1250.5`), never a float.
 */
export type NumberReading =
  | { ok: true; value: string }
  | { ok: false; code: NumberIssue; params: Record<string, string | number> };

export type NumberIssue =
  | 'number.invalid'
  | 'number.ambiguous'
  | 'number.other_language'
  | 'number.too_precise'
  | 'number.not_whole';

export interface NumberRules {
  /** Digits allowed after the decimal sign (0: whole numbers only). */
  decimals: number;
}

const SIGNS = { vi: { group: '.', decimal: ',' }, en: { group: ',', decimal: '.' } } as const;
/** Thousands grouped by spaces (the group signs are turned into spaces first): `1 250 000`. */
const GROUPED = /^[1-9]\d{0,2}(?: \d{3})+$/;

/** `1250.5` in the language's own form, grouped unless told not to: `1.250,5` / `1,250.5` (`1250,5`). */
export function numberText(value: string, lang: Lang, opts: { grouped?: boolean } = {}): string {
  const [int = '', frac] = value.split('.');
  const { group, decimal } = SIGNS[lang];
  const grouped = opts.grouped === false ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return frac ? `${grouped}${decimal}${frac}` : grouped;
}

export function readNumber(input: string, lang: Lang, rules: NumberRules): NumberReading {
  return read(input.trim().replace(/[\u00a0\u202f]/g, ' '), lang, rules, true);
}

function read(text: string, lang: Lang, rules: NumberRules, explain: boolean): NumberReading {
  const { group, decimal } = SIGNS[lang];
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const fail = (code: NumberIssue, params: Record<string, string | number> = {}): NumberReading => ({
    ok: false,
    code,
    params: { input: text, ...params },
  });
  /** Not this language's form: say how the other language reads it, when it does. */
  const otherForm = (): NumberReading => {
    const r = explain ? read(text, other, { decimals: 6 }, false) : null;
    return r?.ok
      ? fail('number.other_language', { reading: numberText(r.value, lang), otherLanguage: other })
      : fail('number.invalid');
  };
  if (!/^[\d., ]+$/.test(text) || !/\d/.test(text)) return fail('number.invalid');
  const parts = text.split(decimal);
  if (parts.length > 2) return otherForm();
  const [intText = '', frac = ''] = parts;
  if (parts.length === 2 && frac === '') return fail('number.invalid');
  if (!/^\d*$/.test(frac)) return otherForm();
  // English form, one comma before exactly three digits and no decimal point: a thousands group in English,
  // the decimal sign in the Vietnamese hand most of our users write with. The readings differ a thousandfold,
  // so the person says which. (In the Vietnamese form a dot is always a group sign to that same hand.)
  const single = new RegExp(`^([1-9]\\d{0,2})\\${group}(\\d{3})$`).exec(text);
  if (single && lang === 'en') {
    const [, a, b] = single;
    return fail('number.ambiguous', {
      whole: numberText(`${a}${b}`, lang),
      plain: `${a}${b}`,
      fraction: numberText(`${a}.${b}`.replace(/0+$/, ''), lang),
    });
  }
  const intPart = intText.replaceAll(group, ' ');
  if (!/^\d+$/.test(intPart) && !GROUPED.test(intPart)) return otherForm();
  const digits = intPart.replaceAll(' ', '');
  if (digits.length > 18) return fail('number.invalid');
  const f = frac.replace(/0+$/, '');
  if (f && rules.decimals === 0) return fail('number.not_whole');
  if (f.length > rules.decimals) return fail('number.too_precise', { decimals: rules.decimals });
  const int = digits.replace(/^0+(?=\d)/, '');
  return { ok: true, value: f ? `${int}.${f}` : int };
}
