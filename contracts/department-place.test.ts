import { describe, expect, it } from 'vitest';
import { departmentPlace } from './format';

describe('departmentPlace', () => {
  it('drops the level from the province name, in either language', () => {
    expect(departmentPlace({ name: 'Tỉnh Lạng Sơn', nameEn: null }, 'vi')).toBe('Lạng Sơn');
    expect(departmentPlace({ name: 'Tỉnh Lạng Sơn', nameEn: null }, 'en')).toBe('Lạng Sơn');
    expect(departmentPlace({ name: 'Thành phố Hà Nội', nameEn: 'Ha Noi City' }, 'vi')).toBe('Hà Nội');
    expect(departmentPlace({ name: 'Thành phố Hà Nội', nameEn: 'Ha Noi City' }, 'en')).toBe('Ha Noi');
    expect(departmentPlace({ name: 'Tỉnh Thử', nameEn: 'Thu Province' }, 'en')).toBe('Thu');
    expect(departmentPlace({ name: 'Lạng Sơn', nameEn: null }, 'vi')).toBe('Lạng Sơn');
  });
});
