import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberText, readNumber } from './number-input';

const qty = { decimals: 6 };
const vnd = { decimals: 0 };

describe('readNumber', () => {
  it('reads each language’s own form', () => {
    expect(readNumber('1.250,5', 'vi', qty)).toEqual({ ok: true, value: '1250.5' });
    expect(readNumber('1,250.5', 'en', qty)).toEqual({ ok: true, value: '1250.5' });
    expect(readNumber('12,5', 'vi', qty)).toEqual({ ok: true, value: '12.5' });
    expect(readNumber('12.5', 'en', qty)).toEqual({ ok: true, value: '12.5' });
    expect(readNumber('1.500.000', 'vi', vnd)).toEqual({ ok: true, value: '1500000' });
    expect(readNumber('1,500,000', 'en', vnd)).toEqual({ ok: true, value: '1500000' });
    expect(readNumber(' 1 250 000 ', 'vi', vnd)).toEqual({ ok: true, value: '1250000' });
    expect(readNumber('2243722532', 'vi', vnd)).toEqual({ ok: true, value: '2243722532' });
    expect(readNumber('0,50', 'vi', qty)).toEqual({ ok: true, value: '0.5' });
    expect(readNumber('1.500.000,00', 'vi', vnd)).toEqual({ ok: true, value: '1500000' });
  });

  it('refuses the other language’s form and says how it was read (12.5 is never 125)', () => {
    expect(readNumber('12.5', 'vi', qty)).toMatchObject({
      ok: false,
      code: 'number.other_language',
      params: { reading: '12,5' },
    });
    expect(readNumber('12,5', 'en', qty)).toMatchObject({ ok: false, params: { reading: '12.5' } });
    expect(readNumber('1,250.5', 'vi', qty)).toMatchObject({ ok: false, params: { reading: '1.250,5' } });
    expect(readNumber('0.500', 'vi', qty)).toMatchObject({ ok: false, params: { reading: '0,5' } });
  });

  it('refuses an English 1,250, which a Vietnamese hand may mean as 1,25', () => {
    expect(readNumber('1,250', 'en', qty)).toMatchObject({
      ok: false,
      code: 'number.ambiguous',
      params: { whole: '1,250', plain: '1250', fraction: '1.25' },
    });
    // The Vietnamese form's dot is always a group sign.
    expect(readNumber('1.250', 'vi', qty)).toEqual({ ok: true, value: '1250' });
  });

  it('refuses money with a fraction of a đồng, too many decimals, and what is not a number', () => {
    expect(readNumber('1.500.000,50', 'vi', vnd)).toMatchObject({ ok: false, code: 'number.not_whole' });
    expect(readNumber('1,1234567', 'vi', qty)).toMatchObject({ code: 'number.too_precise' });
    for (const bad of ['', ' ', '-5', '1e5', 'abc', '1,', '1.2.3,4.5', '1..2', '12 34'])
      expect(readNumber(bad, 'vi', qty).ok, bad).toBe(false);
  });

  it('reads back every number it writes, in both languages (property)', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 999_999 }))
      .map(([i, f]) => (f ? `${i}.${String(f).padStart(6, '0').replace(/0+$/, '')}` : String(i)));
    fc.assert(
      fc.property(decimal, fc.constantFrom('vi' as const, 'en' as const), (v, lang) => {
        const typed = numberText(v, lang);
        const r = readNumber(typed, lang, qty);
        // An English integer of exactly one group is the only form refused as ambiguous.
        if (lang === 'en' && /^[1-9]\d{0,2}\d{3}$/.test(v))
          expect(r).toMatchObject({ code: 'number.ambiguous' });
        else expect(r).toEqual({ ok: true, value: v });
      }),
      { numRuns: 2000 },
    );
  });
});
