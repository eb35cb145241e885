import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { readNumberFields, readNumbersOrThrow } from './validation';

/** What a call throws; a call that does not throw fails the test. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('number fields of a form', () => {
  it('reads each field in the language’s form and names the field it refuses', () => {
    const r = readNumberFields('vi', {
      charterCapitalVnd: { text: '1.500.000', decimals: 0 },
      employees: { text: '', decimals: 0 },
      'products.0': { text: '12.5', decimals: 6 },
    });
    expect(r.values).toEqual({ charterCapitalVnd: '1500000', employees: null, 'products.0': null });
    expect(r.issues).toEqual([
      {
        path: 'products.0',
        code: 'number.other_language',
        params: { input: '12.5', reading: '12,5', otherLanguage: 'en' },
      },
    ]);
  });

  it('throws a validation error a form shows field by field', () => {
    expect(() => readNumbersOrThrow('en', { amountVnd: { text: '1,250', decimals: 0 } })).toThrow(ApiError);
    expect(
      thrown(() => readNumbersOrThrow('vi', { amountVnd: { text: '1.500.000,50', decimals: 0 } })),
    ).toMatchObject({
      code: 'validation.failed',
      issues: [{ path: 'amountVnd', code: 'number.not_whole' }],
    });
    expect(readNumbersOrThrow('en', { amountVnd: { text: '1,500,000', decimals: 0 } })).toEqual({
      amountVnd: '1500000',
    });
  });
});
