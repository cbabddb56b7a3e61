import { UserRole } from './user-role.enum';

/** What authenticating a request needs of a user (JwtAuthGuard): no hash, no timestamps. */
export interface ActiveUser {
  id: number;
  email: string;
  fullName: string;
  role: UserRole;
  agencyId: number | null;
  tokenVersion: number;
}
