import { VSIC_CLASSES, VSIC_DIVISIONS, VSIC_SECTIONS } from './vsic-data';

export type VsicSection = 'B' | 'C' | 'D' | 'E';
export { VSIC_CLASSES, VSIC_DIVISIONS, VSIC_SECTIONS };

const divisions = new Map(VSIC_DIVISIONS.map((d) => [d.code, d]));
const classes = new Set(VSIC_CLASSES.map((c) => c.code));

/** The section letter that holds a 2-digit division or 4-digit class, or null outside industry (B–E). */
export function vsicSection(code: string): VsicSection | null {
  return divisions.get(code.slice(0, 2))?.section ?? null;
}

/**
 * An industrial VSIC 2018 class: four digits in a known division of sections B–E, and in the class list
 * when one is shipped (see vsic-data.ts for what the list holds).
 */
export function isIndustrialVsicClass(code: string): boolean {
  if (!/^\d{4}$/.test(code) || !divisions.has(code.slice(0, 2))) return false;
  return classes.size === 0 || classes.has(code);
}

/** `B`, `08` or `0810`: a section, division or class filter value. */
export function isVsicFilter(code: string): boolean {
  return /^[BCDE]$/.test(code) || divisions.has(code) || isIndustrialVsicClass(code);
}

export function vsicMatches(classCode: string, filter: string): boolean {
  if (/^[A-Z]$/.test(filter)) return vsicSection(classCode) === filter;
  return classCode.startsWith(filter);
}
