import { describe, expect, it } from 'vitest';
import { isValidTaxCode, makeTaxCode, taxCodeCheckDigit } from './tax-code';

// Real, publicly published codes (see header of tax-code.ts for provenance).
const REAL = [
  '0300588569', // Vinamilk
  '0101248141', // FPT
  '0100109106', // Viettel
  '0100230800', // Techcombank (S mod 11 = 10 → check digit 0)
  '0300762150', // Unilever Việt Nam (S mod 11 = 10 → check digit 0)
  '0100150619', // BIDV
  '0100283873', // MB Bank
  '0900189284', // Hòa Phát
];

describe('isValidTaxCode', () => {
  it.each(REAL)('accepts real code %s', (code) => {
    expect(isValidTaxCode(code)).toBe(true);
  });

  it('accepts dependent-unit codes', () => {
    expect(isValidTaxCode('0100109106-501')).toBe(true);
    expect(isValidTaxCode('0300762150-005')).toBe(true);
    expect(isValidTaxCode('0300588569-001')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidTaxCode('0300588568')).toBe(false);
    expect(isValidTaxCode('0100109107')).toBe(false);
    expect(isValidTaxCode('0100230801')).toBe(false);
  });

  it('rejects a single-digit typo in the body', () => {
    expect(isValidTaxCode('0300588579')).toBe(false);
    expect(isValidTaxCode('0310588569')).toBe(false);
  });

  it('rejects dependent-unit codes with a bad parent or bad suffix', () => {
    expect(isValidTaxCode('0100109107-501')).toBe(false);
    expect(isValidTaxCode('0100109106-000')).toBe(false);
    expect(isValidTaxCode('0100109106-01')).toBe(false);
    expect(isValidTaxCode('0100109106-0011')).toBe(false);
    expect(isValidTaxCode('0100109106501')).toBe(false);
  });

  it('rejects malformed input', () => {
    for (const s of [
      '',
      '030058856',
      '03005885690',
      '03005885a9',
      ' 0300588569',
      '0300588569 ',
      '0300-588569',
    ]) {
      expect(isValidTaxCode(s)).toBe(false);
    }
  });
});

describe('taxCodeCheckDigit', () => {
  it('computes the 10th digit of real codes', () => {
    for (const code of REAL) expect(taxCodeCheckDigit(code.slice(0, 9))).toBe(Number(code[9]));
  });

  it('returns null when S mod 11 = 0 (no valid check digit)', () => {
    expect(taxCodeCheckDigit('000000000')).toBeNull(); // S = 0
    expect(taxCodeCheckDigit('100000008')).toBeNull(); // S = 31 + 3·8 = 55 = 5·11
    expect(taxCodeCheckDigit('010000000')).toBe(3); // S = 29 → 29 mod 11 = 7 → 3
  });

  it('returns null for malformed prefixes', () => {
    expect(taxCodeCheckDigit('12345678')).toBeNull();
    expect(taxCodeCheckDigit('1234567890')).toBeNull();
    expect(taxCodeCheckDigit('12345678x')).toBeNull();
  });
});

describe('makeTaxCode', () => {
  it('rebuilds real codes from their prefix', () => {
    for (const code of REAL) expect(makeTaxCode(code.slice(0, 9))).toBe(code);
  });

  it('returns null when no check digit exists', () => {
    expect(makeTaxCode('000000000')).toBeNull();
    expect(makeTaxCode('100000008')).toBeNull();
  });

  it('produces codes that validate, and about 1 in 11 prefixes has none', () => {
    let none = 0;
    for (let i = 0; i < 1100; i++) {
      const prefix = String(100000000 + i * 7919).padStart(9, '0');
      const code = makeTaxCode(prefix);
      if (code === null) none++;
      else expect(isValidTaxCode(code)).toBe(true);
    }
    expect(none).toBeGreaterThan(50);
    expect(none).toBeLessThan(150);
  });
});
