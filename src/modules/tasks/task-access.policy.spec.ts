import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { AuthUser } from 'src/modules/auth/auth.decorators';
import { Agency } from 'src/modules/agencies/agency.entity';
import { UserRole } from 'src/modules/users/user-role.enum';
import { actorOf, assertCanChange, canRead, canSeeRequests, isLeadAgencyUser, isOffice } from './task-access.policy';

const user = (role: UserRole, agencyId: number | null = null): AuthUser =>
  ({ id: 7, email: 'a@b.vn', fullName: 'Nguyễn Văn A', role, agencyId });
// Led by agency 1, coordinated by agency 2.
const task = { leadAgencyId: 1, coordinatingAgencies: [{ id: 2 } as Agency] };

describe('task access policy', () => {
  it('should let the office, admin and leaders read every task', () => {
    for (const role of [UserRole.Office, UserRole.Admin, UserRole.Leader]) expect(canRead(task, user(role))).toBe(true);
  });

  it('should let an agency read the tasks it leads or coordinates, and no other', () => {
    expect(canRead(task, user(UserRole.Agency, 1))).toBe(true);
    expect(canRead(task, user(UserRole.Agency, 2))).toBe(true);
    expect(canRead(task, user(UserRole.Agency, 3))).toBe(false);
    expect(canRead(task, user(UserRole.Agency, null))).toBe(false);
    expect(canRead({ leadAgencyId: 1 }, user(UserRole.Agency, 2))).toBe(false);
  });

  it('should let the office and admin change any task and the lead agency its own: coordinating 403, unrelated 404', () => {
    expect(() => assertCanChange(task, user(UserRole.Office))).not.toThrow();
    expect(() => assertCanChange(task, user(UserRole.Admin))).not.toThrow();
    expect(() => assertCanChange(task, user(UserRole.Agency, 1))).not.toThrow();
    expect(() => assertCanChange(task, user(UserRole.Agency, 2))).toThrow(ForbiddenException);
    expect(() => assertCanChange(task, user(UserRole.Agency, 3))).toThrow(NotFoundException);
  });

  it('should show requests to everyone but agencies that do not lead the task', () => {
    expect(canSeeRequests(task, user(UserRole.Leader))).toBe(true);
    expect(canSeeRequests(task, user(UserRole.Agency, 1))).toBe(true);
    expect(canSeeRequests(task, user(UserRole.Agency, 2))).toBe(false);
    expect(isLeadAgencyUser(task, user(UserRole.Office))).toBe(false);
    expect(isLeadAgencyUser(task, user(UserRole.Agency, 1))).toBe(true);
  });

  it('should call only the office and admin the office, and record the user as the actor', () => {
    expect([UserRole.Office, UserRole.Admin, UserRole.Leader, UserRole.Agency].map((r) => isOffice(user(r)))).toEqual([true, true, false, false]);
    expect(actorOf(user(UserRole.Office))).toEqual({ id: 7, name: 'Nguyễn Văn A' });
  });
});
