import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Which half, quarter or month a program covers (issue #12), so imports without an issue date assign
 * tasks at the start of the program's window. Year programs keep null. Existing half/quarter/month
 * programs get 1: their window then starts on 1 January, which is exactly the assignment date imports
 * used for them before this column existed, so no earlier behaviour changes; the office corrects the
 * number in the program form.
 */
export class ProgramPeriodNumber1770012500000 implements MigrationInterface {
  name = 'ProgramPeriodNumber1770012500000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('programs', new TableColumn({ name: 'periodNumber', type: 'integer', isNullable: true }));
    await q.query(`UPDATE programs SET "periodNumber" = 1 WHERE period <> 'year'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('programs', 'periodNumber');
  }
}
