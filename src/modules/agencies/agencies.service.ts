import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { isUniqueViolation } from 'src/core/database/db-errors';
import { likeContains } from 'src/core/database/like';
import { Page, pageWindow } from 'src/core/http/pagination';
import { foldVietnamese } from 'src/core/text/vietnamese';
import { LocalDate, formatVietnameseDate } from 'src/core/time/local-date';
import { Agency } from './agency.entity';
import { AgencyNames } from './agency-names';
import { AGENCY_SEARCH_TEXT_MAX, agencySearchText } from './agency-search';
import { CreateAgencyDto } from './dto/create-agency.dto';
import { ListAgenciesQuery } from './dto/list-agencies.query';
import { UpdateAgencyDto } from './dto/update-agency.dto';

/** At most this many words of `q` are matched (each must occur). */
const MAX_QUERY_WORDS = 10;

function badRequest(field: string, message: string, summary = 'Dữ liệu không hợp lệ'): BadRequestException {
  return new BadRequestException({ message: summary, details: [{ field, message: `${field}: ${message}` }] });
}

/** An agency as a task refers to it: its name, and whether and until when it may take tasks. */
export type AgencyRef = Pick<Agency, 'id' | 'code' | 'name'>;
export type AgencyState = AgencyRef & Pick<Agency, 'active' | 'validFrom' | 'validTo' | 'successorId'>;

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/**
 * Cơ quan, đơn vị. Agencies are never deleted: a merged one is closed (validTo, successor) and stays
 * for past reports. Methods that a reorganisation runs inside its transaction take the EntityManager.
 */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectRepository(Agency) private readonly repo: Repository<Agency>,
    private readonly names: AgencyNames,
  ) {}

  private repository(manager?: EntityManager): Repository<Agency> {
    return manager ? manager.getRepository(Agency) : this.repo;
  }

  async list(query: ListAgenciesQuery): Promise<Page<Agency>> {
    const { page, limit, skip, take } = pageWindow(query);
    const qb = this.repo.createQueryBuilder('a');
    const words = foldVietnamese(query.q ?? '')
      .split(' ')
      .filter(Boolean)
      .slice(0, MAX_QUERY_WORDS);
    words.forEach((w, i) => qb.andWhere(`a.searchText LIKE :q${i} ESCAPE '\\'`, { [`q${i}`]: likeContains(w) }));
    if (query.kind) qb.andWhere('a.kind = :kind', { kind: query.kind });
    if (query.active !== undefined) qb.andWhere('a.active = :active', { active: query.active });
    const [items, total] = await qb.orderBy('a.code', 'ASC').addOrderBy('a.id', 'ASC').offset(skip).limit(take).getManyAndCount();
    return { items, total, page, limit };
  }

  findById(id: number, manager?: EntityManager): Promise<Agency | null> {
    return this.repository(manager).findOneBy({ id });
  }

  async get(id: number, manager?: EntityManager): Promise<Agency> {
    const agency = await this.findById(id, manager);
    if (!agency) throw new NotFoundException('Không tìm thấy cơ quan, đơn vị');
    return agency;
  }

  /**
   * An agency that a body field (`field`) points at: it must exist (else 400 naming the field) and,
   * unless `allowInactive`, still be active.
   */
  async requireReference(id: number, field: string, opts: { allowInactive?: boolean; manager?: EntityManager } = {}): Promise<Agency> {
    const agency = await this.findById(id, opts.manager);
    if (!agency) throw badRequest(field, `không tìm thấy cơ quan, đơn vị có mã định danh ${id}`);
    if (!opts.allowInactive && !agency.active) throw badRequest(field, `cơ quan, đơn vị ${agency.name} đã ngừng hoạt động`);
    return agency;
  }

  async create(dto: CreateAgencyDto): Promise<Agency> {
    const agency = this.repo.create({
      code: dto.code,
      name: dto.name,
      kind: dto.kind,
      aliases: unique(dto.aliases ?? []),
      emails: unique(dto.emails ?? []),
      active: dto.active ?? true,
      validFrom: dto.validFrom ?? null,
      validTo: dto.validTo ?? null,
      successorId: dto.successorId ?? null,
      calendarToken: null,
    });
    await this.checkConsistency(agency, null);
    await this.checkCodeFree(agency.code);
    await this.names.checkFree({ type: 'agency', name: agency.name, aliases: agency.aliases }, []);
    return this.save(agency);
  }

  async update(id: number, dto: UpdateAgencyDto): Promise<Agency> {
    const agency = await this.get(id);
    const namesBefore = [agency.name, ...agency.aliases];
    if (dto.code !== undefined && dto.code !== agency.code) {
      await this.checkCodeFree(dto.code);
      agency.code = dto.code;
    }
    if (dto.name !== undefined) agency.name = dto.name;
    if (dto.kind !== undefined) agency.kind = dto.kind;
    if (dto.aliases !== undefined) agency.aliases = unique(dto.aliases);
    if (dto.emails !== undefined) agency.emails = unique(dto.emails);
    if (dto.active !== undefined) agency.active = dto.active;
    if (dto.validFrom !== undefined) agency.validFrom = dto.validFrom;
    if (dto.validTo !== undefined) agency.validTo = dto.validTo;
    const successorChanged = dto.successorId !== undefined && dto.successorId !== agency.successorId;
    if (dto.successorId !== undefined) agency.successorId = dto.successorId;
    await this.checkConsistency(agency, successorChanged ? agency.id : undefined);
    await this.names.checkFree({ type: 'agency', id: agency.id, name: agency.name, aliases: agency.aliases }, namesBefore);
    return this.save(agency);
  }

  /**
   * Closes `agency` into `successor` on `lastDay` (validTo = lastDay, inactive, successorId), inside
   * the caller's transaction. Refuses (400) an agency that another merge closed meanwhile.
   */
  async closeInto(agency: Agency, successor: Agency, lastDay: LocalDate, manager: EntityManager): Promise<Agency> {
    const result = await manager
      .createQueryBuilder()
      .update(Agency)
      .set({ active: false, validTo: lastDay, successorId: successor.id })
      .where({ id: agency.id, successorId: IsNull() })
      .execute();
    if (result.affected !== 1) throw new BadRequestException(`Cơ quan, đơn vị ${agency.name} đã được sáp nhập trước đó`);
    return this.get(agency.id, manager);
  }

  /** Every agency, by id (the importer's directory: a few hundred rows). */
  all(): Promise<Agency[]> {
    return this.repo.find({ order: { id: 'ASC' } });
  }

  findByIds(ids: Iterable<number>, manager?: EntityManager): Promise<Agency[]> {
    const list = [...new Set(ids)];
    return list.length ? this.repository(manager).findBy({ id: In(list) }) : Promise.resolve([]);
  }

  findByCode(code: string): Promise<Agency | null> {
    return this.repo.findOneBy({ code });
  }

  /**
   * The agencies and their successors (to name one when an agency was merged), in the caller's
   * transaction: what the tasks module checks a lead or coordinating agency against.
   */
  async findStates(ids: Iterable<number>, manager?: EntityManager): Promise<Map<number, AgencyState>> {
    const out = new Map<number, AgencyState>();
    let list = [...new Set(ids)];
    for (let depth = 0; depth < 5 && list.length > 0; depth++) {
      for (let i = 0; i < list.length; i += 500) {
        const rows = await this.repository(manager).find({
          select: { id: true, code: true, name: true, active: true, validFrom: true, validTo: true, successorId: true },
          where: { id: In(list.slice(i, i + 500)) },
        });
        for (const a of rows) out.set(a.id, a);
      }
      list = [...new Set([...out.values()].map((a) => a.successorId).filter((id): id is number => !!id && !out.has(id)))];
    }
    return out;
  }

  /** The agency whose calendar feed (calendar-feed module) has this secret token. */
  findByCalendarToken(token: string): Promise<Agency | null> {
    return this.repo.findOneBy({ calendarToken: token });
  }

  /** Sets the calendar feed token (that column alone); the previous address stops working. */
  async setCalendarToken(id: number, token: string): Promise<void> {
    await this.repo.update({ id }, { calendarToken: token });
  }

  private async checkCodeFree(code: string): Promise<void> {
    if (await this.repo.existsBy({ code })) throw this.codeTaken(code);
  }

  private codeTaken(code: string): ConflictException {
    return new ConflictException({
      message: `Mã cơ quan, đơn vị ${code} đã được sử dụng`,
      details: [{ field: 'code', message: `code: mã ${code} đã được sử dụng` }],
    });
  }

  private async save(agency: Agency): Promise<Agency> {
    agency.searchText = agencySearchText(agency);
    try {
      return await this.repo.save(agency);
    } catch (err) {
      if (isUniqueViolation(err)) throw this.codeTaken(agency.code);
      throw err;
    }
  }

  /**
   * Dates in order, name and aliases short enough to be searched, and a successor that exists, is
   * not the agency itself and does not lead back to it. `checkSuccessorOf`: the id whose successor
   * changed (null on create), undefined when the successor did not change.
   */
  private async checkConsistency(agency: Agency, checkSuccessorOf: number | null | undefined): Promise<void> {
    if (agency.validFrom && agency.validTo && agency.validTo < agency.validFrom) {
      throw badRequest('validTo', `không được trước ngày bắt đầu hoạt động (${formatVietnameseDate(agency.validFrom)})`);
    }
    if (agencySearchText(agency).length > AGENCY_SEARCH_TEXT_MAX) {
      throw badRequest('aliases', `tên và các tên gọi khác cộng lại không được dài quá ${AGENCY_SEARCH_TEXT_MAX} ký tự`);
    }
    if (checkSuccessorOf === undefined || agency.successorId === null) return;
    if (agency.successorId === checkSuccessorOf) throw badRequest('successorId', 'một cơ quan không thể là cơ quan kế thừa của chính nó');
    await this.requireReference(agency.successorId, 'successorId', { allowInactive: true });
    // Follow the chain of successors: it must not lead back to this agency.
    const seen = new Set<number>();
    for (let id: number | null = agency.successorId; id !== null && !seen.has(id); ) {
      if (id === checkSuccessorOf) throw badRequest('successorId', 'chuỗi cơ quan kế thừa không được quay lại chính cơ quan này');
      seen.add(id);
      id = (await this.repo.findOne({ where: { id }, select: { id: true, successorId: true } }))?.successorId ?? null;
    }
  }
}
