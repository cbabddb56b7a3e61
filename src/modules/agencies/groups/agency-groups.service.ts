import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { isUniqueViolation } from 'src/core/database/db-errors';
import { Agency } from '../agency.entity';
import { AgencyNames } from '../agency-names';
import { nameKey as key } from '../agency-search';
import { AgencyGroupDef, toGroupDef } from './agency-group-def';
import { AgencyGroup } from './agency-group.entity';
import { CreateAgencyGroupDto, UpdateAgencyGroupDto } from './dto/agency-group.dto';

/**
 * The province's agency groups (agency_groups): office-editable names documents use for several
 * agencies at once. The importer reads them through `definitions()`.
 */
@Injectable()
export class AgencyGroupsService {
  constructor(
    @InjectRepository(AgencyGroup) private readonly repo: Repository<AgencyGroup>,
    @InjectRepository(Agency) private readonly agencies: Repository<Agency>,
    private readonly names: AgencyNames,
  ) {}

  list(): Promise<AgencyGroup[]> {
    return this.repo.find({ order: { id: 'ASC' } });
  }

  /** What the importer's matcher recognises. */
  async definitions(): Promise<AgencyGroupDef[]> {
    return (await this.list()).map(toGroupDef);
  }

  async get(id: number): Promise<AgencyGroup> {
    const g = await this.repo.findOneBy({ id });
    if (!g) throw new NotFoundException('Không tìm thấy nhóm cơ quan');
    return g;
  }

  async create(dto: CreateAgencyGroupDto): Promise<AgencyGroup> {
    const g = this.repo.create({
      name: dto.name,
      aliases: dedupe(dto.aliases ?? []),
      memberKind: dto.memberKind ?? null,
      memberCodes: dto.memberKind ? null : (dto.memberCodes ?? null),
    });
    await this.check(g, []);
    return this.save(g);
  }

  async update(id: number, dto: UpdateAgencyGroupDto): Promise<AgencyGroup> {
    const g = await this.get(id);
    const namesBefore = [g.name, ...g.aliases];
    if (dto.name !== undefined) g.name = dto.name;
    if (dto.aliases !== undefined) g.aliases = dedupe(dto.aliases);
    if (dto.memberKind !== undefined) g.memberKind = dto.memberKind;
    if (dto.memberCodes !== undefined) g.memberCodes = dto.memberCodes;
    if (dto.memberKind) g.memberCodes = null;
    else if (dto.memberCodes && dto.memberKind === undefined) g.memberKind = null;
    await this.check(g, namesBefore);
    return this.save(g);
  }

  async remove(id: number): Promise<void> {
    await this.repo.remove(await this.get(id));
  }

  /**
   * Members given one way, codes that exist, no spelling twice, and names and aliases that no other
   * group or agency uses (`AgencyNames`; `before`: the group's names before this edit).
   */
  private async check(g: AgencyGroup, before: string[]): Promise<void> {
    const problems: { field: string; message: string }[] = [];
    if (!g.memberKind && g.memberCodes === null)
      problems.push({
        field: 'memberKind',
        message: 'memberKind: cần chọn loại cơ quan thành viên hoặc danh sách mã cơ quan thành viên',
      });
    if (g.memberCodes?.length) {
      const found = await this.agencies.find({ select: { code: true }, where: { code: In(g.memberCodes) } });
      const missing = g.memberCodes.filter((c) => !found.some((a) => a.code === c));
      if (missing.length)
        problems.push({ field: 'memberCodes', message: `memberCodes: không có cơ quan mã ${missing.join(', ')}` });
    }
    const names = [g.name, ...g.aliases];
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(key(n))) problems.push({ field: 'aliases', message: `aliases: “${n}” bị lặp lại` });
      seen.add(key(n));
    }
    if (problems.length) throw badRequest(problems);
    await this.names.checkFree({ type: 'group', id: g.id, name: g.name, aliases: g.aliases }, before);
  }

  private async save(g: AgencyGroup): Promise<AgencyGroup> {
    try {
      return await this.repo.save(g);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictException(`Tên nhóm “${g.name}” đã được sử dụng`);
      throw err;
    }
  }
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

function badRequest(details: { field: string; message: string }[]): BadRequestException {
  return new BadRequestException({ message: details.map((d) => d.message.replace(/^\w+: /, '')).join('; '), details });
}
