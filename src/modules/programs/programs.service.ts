import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, In, IsNull, Not, Repository } from 'typeorm';
import { isUniqueViolation } from 'src/core/database/db-errors';
import { Page, pageWindow } from 'src/core/http/pagination';
import { CreateProgramDto } from './dto/create-program.dto';
import { ListProgramsQuery } from './dto/list-programs.query';
import { UpdateProgramDto } from './dto/update-program.dto';
import { Program } from './program.entity';
import { ProgramPeriod } from './program.enums';
import { assertPeriodNumber } from './program-window';

/** Chương trình công tác. The office and the admin write programs; everyone reads them. */
@Injectable()
export class ProgramsService {
  constructor(@InjectRepository(Program) private readonly repo: Repository<Program>) {}

  async list(query: ListProgramsQuery): Promise<Page<Program>> {
    const { page, limit, skip, take } = pageWindow(query);
    const where: FindOptionsWhere<Program> = {};
    if (query.year !== undefined) where.year = query.year;
    if (query.period !== undefined) where.period = query.period;
    const [items, total] = await this.repo.findAndCount({ where, order: { year: 'DESC', code: 'ASC', id: 'ASC' }, skip, take });
    return { items, total, page, limit };
  }

  findById(id: number, manager?: EntityManager): Promise<Program | null> {
    return (manager ? manager.getRepository(Program) : this.repo).findOneBy({ id });
  }

  async get(id: number, manager?: EntityManager): Promise<Program> {
    const program = await this.findById(id, manager);
    if (!program) throw new NotFoundException('Không tìm thấy chương trình công tác');
    return program;
  }

  async create(dto: CreateProgramDto): Promise<Program> {
    const periodNumber = dto.periodNumber ?? null;
    assertPeriodNumber(dto.period, periodNumber);
    await this.checkCodeFree(dto.code);
    return this.save(
      this.repo.create({
        code: dto.code,
        title: dto.title,
        year: dto.year,
        period: dto.period,
        periodNumber,
        issuingDocument: dto.issuingDocument ?? null,
        issuedAt: dto.issuedAt ?? null,
        reminderPolicy: null,
      }),
    );
  }

  async update(id: number, dto: UpdateProgramDto): Promise<Program> {
    const program = await this.get(id);
    const period = dto.period ?? program.period;
    // Turning a program into a year program drops its number unless one is sent (which is then refused).
    const periodNumber =
      dto.periodNumber !== undefined ? dto.periodNumber : period === ProgramPeriod.Year ? null : program.periodNumber;
    assertPeriodNumber(period, periodNumber);
    program.periodNumber = periodNumber;
    if (dto.code !== undefined && dto.code !== program.code) {
      await this.checkCodeFree(dto.code);
      program.code = dto.code;
    }
    if (dto.title !== undefined) program.title = dto.title;
    if (dto.year !== undefined) program.year = dto.year;
    if (dto.period !== undefined) program.period = dto.period;
    if (dto.issuingDocument !== undefined) program.issuingDocument = dto.issuingDocument;
    if (dto.issuedAt !== undefined) program.issuedAt = dto.issuedAt;
    return this.save(program);
  }

  findByCode(code: string): Promise<Program | null> {
    return this.repo.findOneBy({ code });
  }

  /** Which of these ids are programs (in the caller's transaction when given). */
  async existingIds(ids: Iterable<number>, manager?: EntityManager): Promise<Set<number>> {
    const list = [...new Set(ids)];
    if (list.length === 0) return new Set();
    const rows = await (manager ? manager.getRepository(Program) : this.repo).find({ select: { id: true }, where: { id: In(list) } });
    return new Set(rows.map((p) => p.id));
  }

  /** The reminder policies of the programs that override the defaults (one query), by program id. */
  async reminderPolicyOverrides(): Promise<Map<number, Program['reminderPolicy']>> {
    const rows = await this.repo.find({ select: { id: true, reminderPolicy: true }, where: { reminderPolicy: Not(IsNull()) } });
    return new Map(rows.map((r) => [r.id, r.reminderPolicy]));
  }

  /** Replaces a program's reminder policy override (that column alone; the reminders module validates it). */
  async setReminderPolicy(id: number, policy: Program['reminderPolicy']): Promise<void> {
    await this.repo.update({ id }, { reminderPolicy: policy });
  }

  private async checkCodeFree(code: string): Promise<void> {
    if (await this.repo.existsBy({ code })) throw this.codeTaken(code);
  }

  private codeTaken(code: string): ConflictException {
    return new ConflictException({
      message: `Mã chương trình ${code} đã được sử dụng`,
      details: [{ field: 'code', message: `code: mã ${code} đã được sử dụng` }],
    });
  }

  private async save(program: Program): Promise<Program> {
    try {
      return await this.repo.save(program);
    } catch (err) {
      if (isUniqueViolation(err)) throw this.codeTaken(program.code);
      throw err;
    }
  }
}
