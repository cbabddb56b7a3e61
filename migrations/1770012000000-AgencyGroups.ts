import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { datetimeTypeFor } from '../src/core/database/column-types';

/**
 * Agency groups become data the office edits (issue #12), seeded with the groups that
 * config/agency-groups.json held; import runs may belong to no program (a document imported on its own).
 */
export const DEFAULT_AGENCY_GROUPS: {
  name: string;
  aliases: string[];
  memberKind: string | null;
  memberCodes: string[] | null;
}[] = [
  {
    name: 'UBND các huyện, thị xã, thành phố',
    aliases: [
      'Ủy ban nhân dân các huyện, thị xã, thành phố',
      'UBND cấp huyện',
      'UBND các huyện, thị, thành phố',
      'Chủ tịch UBND các huyện, thị xã, thành phố',
      'các huyện, thị xã, thành phố',
      'các địa phương',
      'UBND các huyện, thành phố',
      'UBND các huyện, thành, thị',
      'Chủ tịch UBND các huyện, thành phố',
      'UBND các huyện, thị xã, thành phố trực thuộc tỉnh',
    ],
    memberKind: 'district',
    memberCodes: null,
  },
  {
    name: 'Các sở, ban, ngành',
    aliases: [
      'các sở, ban, ngành tỉnh',
      'các sở, ngành',
      'các sở, ngành tỉnh',
      'Thủ trưởng các sở, ban, ngành',
      'các sở, ban, ngành, đơn vị',
      'các cơ quan chuyên môn thuộc UBND tỉnh',
      'Giám đốc các sở',
      'Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh',
      'các sở, ban, ngành (tỉnh)',
      'các sở, ban, ngành thuộc tỉnh',
    ],
    memberKind: 'department',
    memberCodes: null,
  },
  {
    name: 'Các Bộ, ngành Trung ương',
    aliases: ['các Bộ, ngành liên quan', 'các Bộ, ngành', 'Bộ, ngành Trung ương'],
    memberKind: 'central',
    memberCodes: null,
  },
  {
    name: 'Các cơ quan, đơn vị, địa phương liên quan',
    aliases: [
      'các cơ quan, đơn vị, địa phương',
      'các cơ quan, đơn vị liên quan',
      'các cơ quan, đơn vị',
      'các cơ quan liên quan',
      'các đơn vị liên quan',
      'các cơ quan, địa phương liên quan',
    ],
    memberKind: null,
    memberCodes: [],
  },
];

export class AgencyGroups1770012000000 implements MigrationInterface {
  name = 'AgencyGroups1770012000000';

  async up(q: QueryRunner): Promise<void> {
    const ts = datetimeTypeFor(q.connection.options.type);
    const now = q.connection.options.type === 'postgres' ? 'now()' : "datetime('now')";
    await q.createTable(
      new Table({
        name: 'agency_groups',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'aliases', type: 'text' },
          { name: 'memberKind', type: 'varchar', length: '16', isNullable: true },
          { name: 'memberCodes', type: 'text', isNullable: true },
          { name: 'createdAt', type: ts, default: now },
          { name: 'updatedAt', type: ts, default: now },
        ],
        indices: [new TableIndex({ name: 'UQ_agency_groups_name', columnNames: ['name'], isUnique: true })],
      }),
    );
    // Raw SQL, not the entity: the JSON columns are written as the migration knows them (simple-json text).
    const p = (i: number) => (q.connection.options.type === 'postgres' ? `$${i}` : '?');
    for (const g of DEFAULT_AGENCY_GROUPS) {
      await q.query(
        `INSERT INTO agency_groups ("name", "aliases", "memberKind", "memberCodes") VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})`,
        [g.name, JSON.stringify(g.aliases), g.memberKind, g.memberCodes === null ? null : JSON.stringify(g.memberCodes)],
      );
    }
    await q.changeColumn(
      'import_runs',
      'programId',
      new TableColumn({ name: 'programId', type: 'integer', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM import_runs WHERE "programId" IS NULL');
    await q.changeColumn('import_runs', 'programId', new TableColumn({ name: 'programId', type: 'integer' }));
    await q.dropTable('agency_groups');
  }
}
