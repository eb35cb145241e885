import { z } from 'zod';
import { requiredText } from './common';
import { ROLES } from './roles';

export const userDto = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  areaCode: z.string().nullable(),
  enterpriseIds: z.array(z.uuid()),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userDto>;

const email = z.email({ message: 'issue.email' }).trim().toLowerCase().max(254);

export const createUserBody = z.object({
  email,
  name: requiredText(200),
  role: z.enum(ROLES),
  password: z.string().min(10, { message: 'issue.password_weak' }).max(200),
  areaCode: z.string().max(20).nullable().optional(),
  enterpriseIds: z.array(z.uuid()).max(50).optional(),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({
    name: requiredText(200),
    role: z.enum(ROLES),
    areaCode: z.string().max(20).nullable(),
    enterpriseIds: z.array(z.uuid()).max(50),
    disabled: z.boolean(),
  })
  .partial();

export const setPasswordBody = z.object({
  password: z.string().min(10, { message: 'issue.password_weak' }).max(200),
});

export const userListQuery = z.object({
  q: z.string().max(100).optional(),
  role: z.enum(ROLES).optional(),
});
