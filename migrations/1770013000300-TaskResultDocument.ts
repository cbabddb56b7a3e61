import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The result document's structured fields (issue #13): số/ký hiệu, ngày ban hành, trích yếu, cơ quan
 * ban hành. The free-text resultDocument stays as it was (existing data is kept and still shown).
 */
export class TaskResultDocument1770013000300 implements MigrationInterface {
  name = 'TaskResultDocument1770013000300';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('tasks', [
      new TableColumn({ name: 'resultNumber', type: 'varchar', length: '100', isNullable: true }),
      new TableColumn({ name: 'resultIssuedAt', type: 'date', isNullable: true }),
      new TableColumn({ name: 'resultSummary', type: 'varchar', length: '1000', isNullable: true }),
      new TableColumn({ name: 'resultIssuer', type: 'varchar', length: '255', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['resultIssuer', 'resultSummary', 'resultIssuedAt', 'resultNumber']) await q.dropColumn('tasks', c);
  }
}
