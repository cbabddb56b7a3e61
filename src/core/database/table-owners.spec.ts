import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { SCHEMA_ENTITIES } from 'src/app/schema';
import TABLE_OWNERS from './table-owners.json';

const ROOT = join(__dirname, '..', '..', '..');
const OWNERS = Object.entries(TABLE_OWNERS).filter(([m]) => m !== '$comment') as [string, { entities: string[]; tables: string[] }][];
const MESSAGE = /does not own this table/;

interface LintMessage {
  ruleId: string | null;
  message: string;
  line: number;
}

/** The project's eslint.config.mjs on source strings, through the ESLint class (test/utils/lint-text.mjs). */
function lint(cases: { code: string; filePath: string }[]): Promise<LintMessage[][]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'test/utils/lint-text.mjs')], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as LintMessage[][]) : reject(new Error(`lint-text exited ${code}: ${err}`))));
    child.stdin.end(JSON.stringify(cases));
  });
}

const ownershipLines = (messages: LintMessage[]) => messages.filter((m) => m.ruleId === 'no-restricted-syntax' && MESSAGE.test(m.message)).map((m) => m.line);

describe('table owners', () => {
  it('should give every entity of the schema exactly one owner, the module whose directory holds it, with its table', () => {
    const owners = new Map<string, string>();
    for (const [module, { entities }] of OWNERS) {
      for (const name of entities) {
        expect(owners.get(name)).toBeUndefined();
        owners.set(name, module);
      }
    }
    expect([...owners.keys()].sort()).toEqual(SCHEMA_ENTITIES.map((e) => e.name).sort());

    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.entity.ts') ? [join(dir, d.name)] : []));
    const entityFiles = files(join(ROOT, 'src/modules'));
    for (const entity of SCHEMA_ENTITIES) {
      const module = owners.get(entity.name)!;
      const table = getMetadataArgsStorage().tables.find((t) => t.target === entity)?.name;
      expect({ entity: entity.name, table: OWNERS.find(([m]) => m === module)![1].tables.includes(table!) }).toEqual({ entity: entity.name, table: true });
      // The class is declared in a file under its owner's directory.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- each entity file, to find where a class is declared
      const declaring = entityFiles.filter((f) => (require(f) as Record<string, unknown>)[entity.name] === entity);
      expect(declaring.map((f) => relative(join(ROOT, 'src/modules'), f).split('/')[0])).toEqual([module]);
    }
  });

  it('should have each module own and register exactly its entities (its *_ENTITIES list), and core none', () => {
    for (const [module, { entities }] of OWNERS) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- each module file, for the list it exports
      const exported = require(join(ROOT, 'src/modules', module, `${module}.module.ts`)) as Record<string, unknown>;
      const list = exported[`${module.toUpperCase().replace(/-/g, '_')}_ENTITIES`] as { name: string }[];
      expect({ module, entities: list.map((e) => e.name).sort() }).toEqual({ module, entities: [...entities].sort() });
    }
    const coreFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? coreFiles(join(dir, d.name)) : /(?<!\.spec)\.ts$/.test(d.name) ? [join(dir, d.name)] : []));
    const importsOfModules = coreFiles(join(ROOT, 'src/core')).filter((f) => /from '(src\/modules|\.\.\/(\.\.\/)*modules)\//.test(readFileSync(f, 'utf8')));
    expect(importsOfModules).toEqual([]);
  });

  it('should fail a module that injects, registers, types or queries another module’s entity, and its join table in SQL', async () => {
    const [inject, register, query, sql] = await lint([
      {
        filePath: 'src/modules/reports/lint-probe.service.ts',
        code: [
          "import { InjectRepository } from '@nestjs/typeorm';",
          "import { Repository } from 'typeorm';",
          "import { Task } from 'src/modules/tasks/task.entity';",
          "import { ReportRun } from './report-run.entity';",
          'export class Probe {',
          '  constructor(',
          '    @InjectRepository(ReportRun) private readonly runs: Repository<ReportRun>,',
          '    @InjectRepository(Task) private readonly tasks: Repository<Task>,',
          '  ) {}',
          '}',
        ].join('\n'),
      },
      {
        filePath: 'src/modules/reminders/reminders-probe.module.ts',
        code: [
          "import { TypeOrmModule } from '@nestjs/typeorm';",
          "import { Agency } from 'src/modules/agencies/agency.entity';",
          "import { ReminderLog } from './reminder-log.entity';",
          "import { TASKS_ENTITIES } from 'src/modules/tasks/tasks.module';",
          'export const imports = [TypeOrmModule.forFeature([ReminderLog, Agency])];',
          'export const more = [TypeOrmModule.forFeature(TASKS_ENTITIES)];',
        ].join('\n'),
      },
      {
        filePath: 'src/modules/imports/lint-probe.ts',
        code: [
          "import { DataSource, EntityManager } from 'typeorm';",
          "import { Program } from 'src/modules/programs/program.entity';",
          "import { Task } from 'src/modules/tasks/task.entity';",
          "import { User } from 'src/modules/users/user.entity';",
          "import { insertRows } from 'src/core/database/insert-rows';",
          'export async function probe(ds: DataSource, m: EntityManager) {',
          '  await ds.getRepository(Program).findOneBy({ code: "x" });',
          '  await m.find(Task, { where: { id: 1 } });',
          "  await m.createQueryBuilder(User, 'u').getMany();",
          "  await m.createQueryBuilder().select('x').from('import_runs', 'r').innerJoin(Task, 't', 't.id = r.id').getRawMany();",
          '  await insertRows(m, Task, []);',
          '}',
        ].join('\n'),
      },
      {
        filePath: 'src/modules/calendar-feed/lint-probe.ts',
        code: 'export const sql = `t.id IN (SELECT "tca"."taskId" FROM "task_coordinating_agencies" "tca")`;\n',
      },
    ]);
    expect(ownershipLines(inject)).toEqual([8, 8]);
    expect(ownershipLines(register)).toEqual([5, 6]);
    expect(ownershipLines(query)).toEqual([7, 8, 9, 10, 11]);
    expect(ownershipLines(sql)).toEqual([1]);
  });

  it('should let the owner use its own tables, and others join them through the owner’s relations', async () => {
    const [owner, relationJoin, spec] = await lint([
      {
        filePath: 'src/modules/tasks/lint-probe.ts',
        code: [
          "import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';",
          "import { EntityManager, Repository } from 'typeorm';",
          "import { Task } from './task.entity';",
          "import { TaskHistory } from './task-history.entity';",
          'export const imports = [TypeOrmModule.forFeature([Task, TaskHistory])];',
          'export class Probe {',
          '  constructor(@InjectRepository(Task) private readonly tasks: Repository<Task>) {}',
          '  run(m: EntityManager) {',
          '    return m.find(Task, {}).then(() => m.insert(TaskHistory, []));',
          '  }',
          '}',
          'export const sql = `SELECT "tca"."taskId" FROM "task_coordinating_agencies" "tca"`;',
        ].join('\n'),
      },
      {
        filePath: 'src/modules/reports/lint-probe.ts',
        code: [
          "import type { Task } from 'src/modules/tasks/task.entity';",
          "import { SelectQueryBuilder } from 'typeorm';",
          "export const named = (qb: SelectQueryBuilder<Task>) => qb.leftJoin('t.leadAgency', 'la').addSelect(['la.name']);",
        ].join('\n'),
      },
      {
        filePath: 'src/modules/reports/lint-probe.spec.ts',
        code: "import { getRepositoryToken } from '@nestjs/typeorm';\nimport { Task } from 'src/modules/tasks/task.entity';\nexport const token = getRepositoryToken(Task);\n",
      },
    ]);
    expect(ownershipLines(owner)).toEqual([]);
    expect(ownershipLines(relationJoin)).toEqual([]);
    expect(ownershipLines(spec)).toEqual([]);
  });
});
