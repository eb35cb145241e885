/**
 * Vietnamese tax code (mã số thuế, MST) validation.
 *
 * Forms accepted:
 *  - 10 digits `N1..N10` (enterprise / organisation code). N10 is a check digit.
 *  - 13 digits written `NNNNNNNNNN-NNN` (dependent unit: branch, representative
 *    office, ...). The first 10 digits are the parent's code and must carry a
 *    valid check digit; the 3-digit suffix is an ordinal 001–999 (000 rejected).
 *  Input is checked as given: no trimming, no spaces, the hyphen is required in
 *  the 13-digit form.
 *
 * Check digit (modulo 11):
 *   S = 31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 + 13·N6 + 7·N7 + 5·N8 + 3·N9
 *   N10 = 10 − (S mod 11)
 *   S mod 11 = 0 gives 10, which is not a digit: no valid code exists for that
 *   9-digit prefix. (S mod 11 = 10 gives N10 = 0.)
 *
 * Sources: the Tax Department does not publish this algorithm in the text of
 * Circular 105/2020/TT-BTC. The same weights and formula show up in several
 * unrelated public implementations, found with the code search tool. One is a
 * Python module (`src/core/tax_id.py`) that reports 0 failures on 109 real
 * supplier/customer codes. Others are the npm package `@llein/vn-tax-id-validator`
 * (README) and a Python `validate_vn_taxcode`. Two implementations use a
 * different formula, `(11 − r) % 11`. Real codes reject that formula (e.g.
 * Vinamilk would need 10), so it is not used here.
 *
 * Verified against real published codes. Each one appears next to its
 * company's name in several unrelated public repositories, and each passes:
 *   0300588569 Vinamilk (CTCP Sữa Việt Nam)        S mod 11 = 1  → 9
 *   0101248141 FPT Corporation                      S mod 11 = 9  → 1
 *   0100109106 Viettel                              S mod 11 = 4  → 6
 *   0100230800 Techcombank                          S mod 11 = 10 → 0
 *   0300762150 Unilever Việt Nam                    S mod 11 = 10 → 0
 *   0100150619 BIDV, 0100283873 MB Bank, 0900189284 Hòa Phát (seen in corpus)
 *   Branch forms seen in corpus: 0100109106-501, 0300762150-005.
 *
 * Unverified: the 13-digit rule only checks the format (suffix 001–999). The
 * suffix is not checksummed, and no source says that it is. A valid checksum
 * does not mean the code is registered or active. The first two digits (old
 * province code) are not checked. 12-digit CCCD personal codes (used since
 * 2025) are not accepted here.
 */

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** Check digit for a 9-digit prefix, or null when the prefix is malformed or has no valid check digit. */
export function taxCodeCheckDigit(first9: string): number | null {
  if (!/^\d{9}$/.test(first9)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i]! * (first9.charCodeAt(i) - 48);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/** Full 10-digit code for a 9-digit prefix, or null when no check digit exists. */
export function makeTaxCode(prefix: string): string | null {
  const d = taxCodeCheckDigit(prefix);
  return d === null ? null : prefix + String(d);
}

/** True for a well-formed 10-digit code or `NNNNNNNNNN-NNN` dependent-unit code with a correct check digit. */
export function isValidTaxCode(s: string): boolean {
  if (typeof s !== 'string') return false;
  const m = /^(\d{10})(?:-(\d{3}))?$/.exec(s);
  if (!m) return false;
  if (m[2] !== undefined && m[2] === '000') return false;
  const base = m[1]!;
  const d = taxCodeCheckDigit(base.slice(0, 9));
  return d !== null && d === base.charCodeAt(9) - 48;
}

/**
 * True for a code that is valid once a leading zero is put back: what Excel leaves of a tax code typed into a
 * Number column (codes of Hà Nội and other provinces start with 0). Imports say so instead of "invalid".
 */
export function lostLeadingZero(s: string): boolean {
  return /^\d{9}(-\d{3})?$/.test(s) && isValidTaxCode(`0${s}`);
}
