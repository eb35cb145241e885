/** Accounts: users, roles and their data scopes, sessions. */
export { userNames } from './accounts.repository';
export { accountsRoutes } from './accounts.routes';
export {
  createUser,
  findUserIdByEmail,
  hashPassword,
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  resolveSession,
  setPassword,
  updateUser,
} from './accounts.service';
export { scopeOf } from './scope';
