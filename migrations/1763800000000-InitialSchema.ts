import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';
import { datetimeTypeFor } from '../src/core/database/column-types';

/**
 * The whole domain schema, written with the QueryRunner API so the same migration runs on
 * SQLite and PostgreSQL (test/integration/migrations.int-spec.ts checks both match the entities).
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  public async up(q: QueryRunner): Promise<void> {
    const ts = datetimeTypeFor(q.connection.options.type);
    const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
    // The same defaults TypeORM gives @CreateDateColumn on each engine, so the schema matches the entities.
    const now = q.connection.options.type === 'postgres' ? 'now()' : "datetime('now')";
    const created: TableColumnOptions = { name: 'createdAt', type: ts, default: now };
    const updated: TableColumnOptions = { name: 'updatedAt', type: ts, default: now };
    const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
    const int = (name: string, nullable = false, def?: number): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable, ...(def !== undefined ? { default: def } : {}) });
    const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
    const date = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'date', isNullable: nullable });
    const isPg = q.connection.options.type === 'postgres';
    const bool = (name: string, def: boolean): TableColumnOptions => ({ name, type: 'boolean', default: isPg ? String(def) : Number(def) });
    const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' = 'RESTRICT', onUpdate = 'NO ACTION') =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete, onUpdate });
    // Join tables of @ManyToMany: TypeORM's own index names and CASCADE on both ends.
    const joinTable = (name: string, a: [string, string], b: [string, string]) =>
      new Table({
        name,
        columns: [
          { name: a[0], type: 'integer', isPrimary: true },
          { name: b[0], type: 'integer', isPrimary: true },
        ],
        indices: [new TableIndex({ columnNames: [a[0]] }), new TableIndex({ columnNames: [b[0]] })],
        foreignKeys: [fk(a[0], a[1], 'CASCADE', 'CASCADE'), fk(b[0], b[1], 'CASCADE', 'CASCADE')],
      });

    await q.createTable(
      new Table({
        name: 'agencies',
        columns: [
          id, str('code', 32), str('name', 255), str('kind', 16), text('aliases'), text('emails'), bool('active', true),
          date('validFrom', true), date('validTo', true), int('successorId', true),
          { name: 'searchText', type: 'varchar', length: '2000', default: "''" }, str('calendarToken', 64, true), created, updated,
        ],
        indices: [
          new TableIndex({ name: 'UQ_agencies_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'UQ_agencies_calendar_token', columnNames: ['calendarToken'], isUnique: true }),
        ],
        foreignKeys: [fk('successorId', 'agencies', 'SET NULL')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          id, str('email', 255), str('fullName', 255), str('role', 16), int('agencyId', true), str('passwordHash', 100),
          bool('active', true), bool('remindersOptOut', false), int('tokenVersion', false, 0),
          { name: 'lastLoginAt', type: ts, isNullable: true }, created, updated,
        ],
        indices: [
          new TableIndex({ name: 'UQ_users_email', columnNames: ['email'], isUnique: true }),
          new TableIndex({ name: 'IDX_users_agency', columnNames: ['agencyId'] }),
        ],
        foreignKeys: [fk('agencyId', 'agencies')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'programs',
        columns: [id, str('code', 64), str('title', 500), int('year'), str('period', 16), str('issuingDocument', 255, true), date('issuedAt', true), text('reminderPolicy', true), created, updated],
        indices: [
          new TableIndex({ name: 'UQ_programs_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'IDX_programs_year', columnNames: ['year'] }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'tasks',
        columns: [
          id, int('programId', true), str('code', 64, true), str('title', 2000), text('description', true), str('kind', 16),
          str('sourceDocument', 500, true), str('outputForm', 100, true), str('submitTo', 100, true), str('leaderInCharge', 255, true),
          int('leadAgencyId'), date('assignedAt'), date('dueDate', true), date('effectiveDueDate', true), str('dueText', 255, true),
          str('origin', 16), str('status', 16), int('progress', false, 0), date('completedAt', true), str('resultDocument', 500, true),
          text('note', true), { name: 'searchText', type: 'text', default: "''" }, int('createdById', true), int('version'), created, updated,
        ],
        indices: [
          new TableIndex({ name: 'IDX_tasks_lead_status_due', columnNames: ['leadAgencyId', 'status', 'effectiveDueDate'] }),
          new TableIndex({ name: 'IDX_tasks_program_due', columnNames: ['programId', 'effectiveDueDate'] }),
          new TableIndex({ name: 'UQ_tasks_program_code', columnNames: ['programId', 'code'], isUnique: true }),
          new TableIndex({ name: 'IDX_tasks_status_due', columnNames: ['status', 'effectiveDueDate'] }),
          new TableIndex({ name: 'IDX_tasks_due', columnNames: ['effectiveDueDate'] }),
          new TableIndex({ name: 'IDX_tasks_updated', columnNames: ['updatedAt'] }),
        ],
        foreignKeys: [fk('programId', 'programs'), fk('leadAgencyId', 'agencies')],
      }),
    );

    await q.createTable(joinTable('task_coordinating_agencies', ['taskId', 'tasks'], ['agencyId', 'agencies']));

    await q.createTable(
      new Table({
        name: 'task_history',
        columns: [
          id, int('taskId'), int('userId', true), str('userName', 255, true), { name: 'at', type: ts, default: now },
          str('action', 16), str('field', 64, true), text('fromValue', true), text('toValue', true), text('comment', true),
        ],
        indices: [new TableIndex({ name: 'IDX_task_history_task_at', columnNames: ['taskId', 'at'] })],
        foreignKeys: [fk('taskId', 'tasks', 'CASCADE')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'task_requests',
        columns: [
          id, int('taskId'), str('type', 16), text('reason'), date('proposedDueDate', true), str('status', 16), int('requestedById'),
          int('decidedById', true), { name: 'decidedAt', type: ts, isNullable: true }, text('decisionComment', true), created, updated,
        ],
        indices: [
          new TableIndex({ name: 'IDX_task_requests_status_created', columnNames: ['status', 'createdAt'] }),
          new TableIndex({ name: 'IDX_task_requests_task', columnNames: ['taskId'] }),
        ],
        foreignKeys: [fk('taskId', 'tasks', 'CASCADE')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'holidays',
        columns: [{ name: 'date', type: 'date', isPrimary: true }, str('name', 255), str('kind', 16)],
      }),
    );

    await q.createTable(
      new Table({
        name: 'mail_messages',
        columns: [
          id, str('kind', 32), text('to'), text('cc'), { name: 'recipientsText', type: 'text', default: "''" }, str('subject', 500),
          text('html'), text('text'), text('attachments'), str('status', 16), int('attempts', false, 0), text('lastError', true),
          str('messageId', 255, true), int('agencyId', true), { name: 'sentAt', type: ts, isNullable: true }, created, updated,
        ],
        indices: [
          new TableIndex({ name: 'IDX_mail_messages_status_created', columnNames: ['status', 'createdAt'] }),
          new TableIndex({ name: 'IDX_mail_messages_kind_created', columnNames: ['kind', 'createdAt'] }),
          new TableIndex({ name: 'IDX_mail_messages_agency', columnNames: ['agencyId'] }),
        ],
      }),
    );

    await q.createTable(joinTable('mail_message_tasks', ['mailMessageId', 'mail_messages'], ['taskId', 'tasks']));

    await q.createTable(
      new Table({
        name: 'reminder_log',
        columns: [id, int('taskId'), int('agencyId'), date('effectiveDueDate'), int('offsetDays'), date('scanDate'), int('mailMessageId', true), created],
        indices: [
          new TableIndex({ name: 'UQ_reminder_log_point', columnNames: ['taskId', 'effectiveDueDate', 'offsetDays'], isUnique: true }),
          new TableIndex({ name: 'IDX_reminder_log_scan', columnNames: ['scanDate', 'agencyId'] }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'reminder_letters',
        columns: [id, int('agencyId'), date('scanDate'), str('path', 500), int('size'), text('taskIds'), int('mailMessageId', true), created],
        indices: [new TableIndex({ name: 'IDX_reminder_letters_agency_date', columnNames: ['agencyId', 'scanDate'] })],
      }),
    );

    await q.createTable(
      new Table({
        name: 'report_runs',
        columns: [
          id, str('status', 16), date('fromDate'), date('toDate'), date('asOf'), str('periodName', 16, true), str('window', 16, true),
          int('programId', true), int('agencyId', true), text('formats'), str('reportNumber', 64, true), date('reportDate', true),
          text('snapshot', true), text('files'), text('error', true), bool('scheduled', false), int('requestedById', true),
          { name: 'startedAt', type: ts, isNullable: true }, { name: 'finishedAt', type: ts, isNullable: true }, created, updated,
        ],
        indices: [new TableIndex({ name: 'IDX_report_runs_created', columnNames: ['createdAt'] })],
      }),
    );

    await q.createTable(
      new Table({
        name: 'import_runs',
        columns: [
          id, str('status', 16), int('programId'), str('fileName', 255), str('format', 8), str('path', 500), { name: 'dryRun', type: 'boolean' },
          int('defaultLeadAgencyId', true), int('processed', false, 0), int('total', false, 0), text('result', true), text('error', true),
          int('requestedById', true), { name: 'finishedAt', type: ts, isNullable: true }, created, updated,
        ],
        indices: [new TableIndex({ name: 'IDX_import_runs_created', columnNames: ['createdAt'] })],
      }),
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'import_runs', 'report_runs', 'reminder_letters', 'reminder_log', 'mail_message_tasks', 'mail_messages', 'holidays',
      'task_requests', 'task_history', 'task_coordinating_agencies', 'tasks', 'programs', 'users', 'agencies',
    ]) {
      await q.dropTable(table, true);
    }
  }
}
