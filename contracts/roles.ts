/** Roles of product.md, plus the installation's administrator. */
export const ROLES = [
  'admin',
  'leader',
  'officer',
  'extension_officer',
  'statistician',
  'fund_officer',
  'enterprise',
  'bank',
] as const;
export type Role = (typeof ROLES)[number];

/** Department and centre staff: they work on the registry within their area scope. */
export const STAFF_ROLES = [
  'admin',
  'leader',
  'officer',
  'extension_officer',
  'statistician',
  'fund_officer',
] as const satisfies readonly Role[];

export function isStaff(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

/**
 * Who may call a route: `public` (anyone, no login), `authenticated` (any signed-in user) or a list of roles.
 * Declared once per route; the HTTP layer enforces it and the permission test walks every route with it.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];
