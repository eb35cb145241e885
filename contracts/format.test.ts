import { describe, expect, it } from 'vitest';
import { formatDate, formatPercent, formatPeriod, formatQuantity, formatVnd, toDate } from './format';

describe('vi-VN display formats (statistics.md §7)', () => {
  it('writes the article figures the way the article does', () => {
    expect(formatVnd(3_586_000_000_000, 'vi')).toBe('3.586 tỷ đồng');
    expect(formatPercent(14.15, 'vi')).toBe('14,15%');
    expect(formatQuantity(580_000, 'tấn', 'vi')).toBe('580 nghìn tấn');
    expect(formatPeriod('2014-03', 'vi')).toBe('tháng 3/2014');
    expect(formatPeriod('2014-Q2', 'vi')).toBe('quý II/2014');
  });
  it('writes English second', () => {
    expect(formatVnd(3_586_000_000_000, 'en')).toBe('VND 3,586 billion');
    expect(formatPercent(14.15, 'en')).toBe('14.15%');
  });
  it('shows a growth that is not available as a dash, never 0', () => {
    expect(formatPercent(null, 'vi')).toBe('–');
    expect(formatPercent(Number.POSITIVE_INFINITY, 'vi')).toBe('–');
  });
  it('reads PostgreSQL timestamps', () => {
    expect(toDate('2014-03-01 08:00:00.123+00').toISOString()).toBe('2014-03-01T08:00:00.123Z');
    expect(toDate('2014-03-01 15:00:00+07').toISOString()).toBe('2014-03-01T08:00:00.000Z');
  });
  it('reads a bare date as that local day, not as a time-zone offset', () => {
    expect(formatDate('2025-06-30', 'vi')).toBe('30/06/2025');
  });
});
