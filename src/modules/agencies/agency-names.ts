import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Agency } from './agency.entity';
import { nameKey } from './agency-search';
import { AgencyGroup } from './groups/agency-group.entity';

/** What is being saved: an agency or a group (id undefined on create), with its name and aliases. */
export interface NamedRecord {
  type: 'agency' | 'group';
  id?: number;
  name: string;
  aliases: string[];
}

/**
 * The one rule for names of agencies and agency groups: a name or alias, compared as `nameKey` (no
 * case, diacritics or punctuation), means one agency or one group — the importer must not read
 * "Sở TN&MT" both ways. Both services call `checkFree` before they save.
 */
@Injectable()
export class AgencyNames {
  constructor(
    @InjectRepository(Agency) private readonly agencies: Repository<Agency>,
    @InjectRepository(AgencyGroup) private readonly groups: Repository<AgencyGroup>,
  ) {}

  /**
   * 409 naming the agency or group that already uses one of `record`'s names. Only names new to the
   * record (not in `before`, its names before this edit) are checked, so an old overlap does not block
   * other edits; an agency merged into this agency may share its names (the successor takes over the
   * old spellings).
   */
  async checkFree(record: NamedRecord, before: string[]): Promise<void> {
    const old = new Set(before.map(nameKey));
    const fresh = new Map<string, string>();
    for (const n of [record.name, ...record.aliases]) {
      const k = nameKey(n);
      if (k && !old.has(k) && !fresh.has(k)) fresh.set(k, n);
    }
    if (!fresh.size) return;
    const own = (type: NamedRecord['type'], id: number) => record.type === type && record.id === id;

    const agencies = await this.agencies.find({ select: { id: true, code: true, name: true, aliases: true, successorId: true } });
    for (const a of agencies) {
      if (own('agency', a.id) || (record.type === 'agency' && record.id !== undefined && a.successorId === record.id)) continue;
      const mine = this.clash(fresh, a);
      if (mine !== undefined) throw this.conflict(record, mine, `đã được dùng cho ${a.name} (${a.code})`);
    }
    for (const g of await this.groups.find({ select: { id: true, name: true, aliases: true } })) {
      if (own('group', g.id)) continue;
      const mine = this.clash(fresh, g);
      if (mine !== undefined) throw this.conflict(record, mine, `đã thuộc nhóm “${g.name}”`);
    }
  }

  /** The spelling of ours that `other` also uses, if any. */
  private clash(fresh: Map<string, string>, other: { name: string; aliases: string[] | null }): string | undefined {
    for (const n of [other.name, ...(other.aliases ?? [])]) {
      const mine = fresh.get(nameKey(n));
      if (mine !== undefined) return mine;
    }
    return undefined;
  }

  private conflict(record: NamedRecord, mine: string, owner: string): ConflictException {
    const field = nameKey(mine) === nameKey(record.name) ? 'name' : 'aliases';
    return new ConflictException({ message: `Tên “${mine}” ${owner}`, details: [{ field, message: `${field}: “${mine}” ${owner}` }] });
  }
}
