import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, In, Repository } from 'typeorm';
import { isUniqueViolation } from 'src/core/database/db-errors';
import { Page, pageWindow } from 'src/core/http/pagination';
import { AgenciesService } from 'src/modules/agencies/agencies.service';
import { AUTH_CACHE_TTL_MS, ShortLivedCache } from 'src/core/cache/short-lived-cache';
import { ActiveUser } from './active-user';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.dto';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-strength';
import { User } from './user.entity';
import { UserRole } from './user-role.enum';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  private readonly activeUsers = new ShortLivedCache<number, ActiveUser | null>(AUTH_CACHE_TTL_MS);

  constructor(
    @InjectRepository(User) private readonly repo: Repository<User>,
    private readonly agencies: AgenciesService,
  ) {}

  findActiveById(id: number): Promise<User | null> {
    return this.repo.findOneBy({ id, active: true });
  }

  /**
   * The active user `id` as authentication sees it (JwtAuthGuard, on every request), from the
   * process's short-lived cache (core/cache/short-lived-cache.ts); null when there is no such active user.
   */
  authUser(id: number): Promise<ActiveUser | null> {
    if (!Number.isSafeInteger(id) || id < 1) return Promise.resolve(null);
    return this.activeUsers.through(id, async () => {
      const u = await this.repo.findOne({
        select: { id: true, email: true, fullName: true, role: true, agencyId: true, tokenVersion: true },
        where: { id, active: true },
      });
      return u ? { id: u.id, email: u.email, fullName: u.fullName, role: u.role, agencyId: u.agencyId, tokenVersion: u.tokenVersion } : null;
    });
  }

  /** After a change to the user written elsewhere or in a transaction that has now committed. */
  forgetActiveUser(id: number): void {
    this.activeUsers.forget(id);
  }

  /** With the password hash (not selected by default). */
  findByEmailWithHash(email: string): Promise<User | null> {
    return this.repo
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  async touchLogin(id: number): Promise<void> {
    await this.repo.update({ id }, { lastLoginAt: new Date() });
  }

  async list(query: ListUsersQuery): Promise<Page<User>> {
    const { page, limit, skip, take } = pageWindow(query);
    const where: FindOptionsWhere<User> = {};
    if (query.role !== undefined) where.role = query.role;
    if (query.agencyId !== undefined) where.agencyId = query.agencyId;
    if (query.active !== undefined) where.active = query.active;
    const [items, total] = await this.repo.findAndCount({ where, order: { id: 'ASC' }, skip, take });
    return { items, total, page, limit };
  }

  async get(id: number): Promise<User> {
    const user = await this.repo.findOneBy({ id });
    if (!user) throw new NotFoundException('Không tìm thấy người dùng');
    return user;
  }

  /** Active users of these roles (the office, the leaders: a handful), by id. */
  activeByRoles(roles: UserRole[]): Promise<User[]> {
    return roles.length ? this.repo.find({ where: { role: In(roles), active: true }, order: { id: 'ASC' } }) : Promise.resolve([]);
  }

  /** Active agency users of these agencies. */
  activeOfAgencies(agencyIds: number[]): Promise<User[]> {
    const ids = [...new Set(agencyIds)];
    return ids.length ? this.repo.findBy({ agencyId: In(ids), role: UserRole.Agency, active: true }) : Promise.resolve([]);
  }

  /** `manager`: the caller's transaction (on SQLite a read outside it would wait for its commit). */
  findByIds(ids: number[], manager?: EntityManager): Promise<User[]> {
    return ids.length ? (manager ? manager.getRepository(User) : this.repo).findBy({ id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  /** Users of an agency who receive its reminder digests. */
  digestRecipients(agencyId: number): Promise<User[]> {
    return this.repo.findBy({ agencyId, active: true, remindersOptOut: false, role: UserRole.Agency });
  }

  async create(dto: CreateUserDto): Promise<User> {
    const agencyId = await this.checkAgency(dto.role, dto.agencyId ?? null, null);
    const email = dto.email;
    await this.checkPassword(dto.password, email, dto.fullName);
    if (await this.repo.existsBy({ email })) throw this.emailTaken();
    const user = this.repo.create({
      email,
      fullName: dto.fullName,
      role: dto.role,
      agencyId,
      passwordHash: await hashPassword(dto.password),
      active: true,
      remindersOptOut: false,
      tokenVersion: 0,
    });
    return this.save(user);
  }

  /**
   * A new password or deactivation signs the user out everywhere (tokenVersion). Role and agency
   * changes take effect at the next request anyway: the write forgets the user's cached
   * authentication (authUser).
   */
  async update(id: number, dto: UpdateUserDto): Promise<User> {
    const user = await this.get(id);
    if (dto.password !== undefined) await this.checkPassword(dto.password, dto.email ?? user.email, dto.fullName ?? user.fullName);
    const role = dto.role ?? user.role;
    const agencyId = await this.checkAgency(role, dto.agencyId !== undefined ? dto.agencyId : user.agencyId, user.agencyId);
    const active = dto.active ?? user.active;
    if (user.role === UserRole.Admin && user.active && (role !== UserRole.Admin || !active)) await this.checkNotLastAdmin(user.id);
    if (dto.email !== undefined && dto.email !== user.email) {
      if (await this.repo.existsBy({ email: dto.email })) throw this.emailTaken();
      user.email = dto.email;
    }
    if (dto.fullName !== undefined) user.fullName = dto.fullName;
    user.role = role;
    user.agencyId = agencyId;
    if (dto.remindersOptOut !== undefined) user.remindersOptOut = dto.remindersOptOut;
    if (dto.password !== undefined) user.passwordHash = await hashPassword(dto.password);
    if (dto.password !== undefined || (user.active && !active)) user.tokenVersion += 1;
    user.active = active;
    try {
      return await this.save(user);
    } finally {
      this.activeUsers.forget(id);
    }
  }

  /**
   * A user changes their own password: the current one must match (else 400 on currentPassword,
   * nothing changed), the new one passes the same strength rule as every password and differs from
   * the current one. Bumps tokenVersion (every token and session of the user ends) inside the
   * caller's transaction and returns the new version, so the caller can keep its own session.
   */
  async changeOwnPassword(id: number, currentPassword: string, newPassword: string, manager: EntityManager): Promise<User> {
    const repo = manager.getRepository(User);
    const user = await repo.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
    if (!user || !user.active) throw new NotFoundException('Không tìm thấy người dùng');
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new BadRequestException({
        message: 'Mật khẩu hiện tại không đúng',
        details: [{ field: 'currentPassword', message: 'currentPassword: không đúng' }],
      });
    }
    if (newPassword === currentPassword) {
      throw new BadRequestException({
        message: 'Mật khẩu mới phải khác mật khẩu hiện tại',
        details: [{ field: 'newPassword', message: 'newPassword: phải khác mật khẩu hiện tại' }],
      });
    }
    await this.checkPassword(newPassword, user.email, user.fullName, 'newPassword');
    const tokenVersion = user.tokenVersion + 1;
    await repo.update({ id }, { passwordHash: await hashPassword(newPassword), tokenVersion });
    // Again after the commit (AuthService): a read between here and then still saw the old row.
    this.activeUsers.forget(id);
    return { ...user, tokenVersion };
  }

  /** The one strength rule (password-strength.ts), as a 400 on `field`. */
  private async checkPassword(password: string, email: string, fullName: string, field = 'password'): Promise<void> {
    const problem = await passwordProblem(password, { email, fullName });
    if (problem) throw new BadRequestException({ message: 'Mật khẩu chưa đủ mạnh', details: [{ field, message: problem }] });
  }

  /** Creates or updates the admin account from ADMIN_EMAIL / ADMIN_PASSWORD at start. */
  async ensureAdmin(email: string, password: string | null): Promise<void> {
    const existing = await this.findByEmailWithHash(email);
    if (!password) {
      if (!existing) this.logger.warn(`ADMIN_PASSWORD is not set: no admin account ${email} was created`);
      return;
    }
    const passwordHash = await hashPassword(password);
    this.activeUsers.clear();
    if (existing) {
      await this.repo.update({ id: existing.id }, { passwordHash, role: UserRole.Admin, agencyId: null, active: true });
    } else {
      await this.repo.insert({ email, fullName: 'Quản trị hệ thống', role: UserRole.Admin, agencyId: null, passwordHash, active: true });
      this.logger.log(`admin account ${email} created`);
    }
  }

  /**
   * The agency a user of `role` belongs to: required, existing and active for role agency (an
   * agency kept from before — `current` — may have been merged since); null for the other roles.
   */
  private async checkAgency(role: UserRole, agencyId: number | null, current: number | null): Promise<number | null> {
    if (role !== UserRole.Agency) return null;
    if (!agencyId) {
      throw new BadRequestException({ message: 'Dữ liệu không hợp lệ', details: [{ field: 'agencyId', message: 'agencyId: bắt buộc với tài khoản của cơ quan, đơn vị' }] });
    }
    await this.agencies.requireReference(agencyId, 'agencyId', { allowInactive: agencyId === current });
    return agencyId;
  }

  private async checkNotLastAdmin(id: number): Promise<void> {
    const others = await this.repo.countBy({ role: UserRole.Admin, active: true });
    if (others <= 1) {
      throw new BadRequestException(`Không thể bỏ quyền quản trị hoặc khóa tài khoản quản trị cuối cùng (người dùng ${id})`);
    }
  }

  private emailTaken(): ConflictException {
    return new ConflictException({ message: 'Email đã được sử dụng', details: [{ field: 'email', message: 'email: đã được sử dụng' }] });
  }

  private async save(user: User): Promise<User> {
    try {
      return await this.repo.save(user);
    } catch (err) {
      if (isUniqueViolation(err)) throw this.emailTaken();
      throw err;
    }
  }
}
