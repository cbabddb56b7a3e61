import { DocumentTemplatesService } from 'src/modules/document-templates/document-templates.service';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { getDataSourceToken, getRepositoryToken } from '@nestjs/typeorm';
import { AgenciesService } from 'src/modules/agencies/agencies.service';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { MailService } from 'src/modules/mail/mail.service';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { TaskDeadlinesQuery } from 'src/modules/tasks/queries/task-deadlines.query';
import { UsersService } from 'src/modules/users/users.service';
import { ReminderLetter } from './reminder-letter.entity';
import { ReminderLog } from './reminder-log.entity';
import { ReminderState } from './reminder-state.entity';
import { DurableRuns } from 'src/core/queue/durable-runs';
import { TaskReminderDates } from 'src/modules/tasks/task-reminder-dates';
import { ReminderPolicyService } from './reminder-policy.service';
import { RemindersService } from './reminders.service';

describe(RemindersService.name, () => {
  let sut: RemindersService;
  let calendar: CalendarService;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [
        RemindersService,
        CalendarService,
        { provide: getDataSourceToken(), useValue: {} },
        ...[ReminderLog, ReminderLetter, ReminderState, Holiday].map((e) => ({
          provide: getRepositoryToken(e),
          useValue: { find: () => Promise.resolve([]) },
        })),
        { provide: TaskDeadlinesQuery, useValue: {} },
        { provide: TaskReminderDates, useValue: {} },
        { provide: DurableRuns, useValue: {} },
        { provide: AgenciesService, useValue: {} },
        { provide: ReminderPolicyService, useValue: {} },
        { provide: MailService, useValue: {} },
        { provide: UsersService, useValue: {} },
        { provide: NotificationsService, useValue: {} },
        { provide: DocumentTemplatesService, useValue: { register: () => undefined } },
        {
          provide: ConfigService,
          useValue: { get: (key: string) => (key === 'app.tz' ? 'Asia/Ho_Chi_Minh' : undefined) },
        },
      ],
    }).compile();
    sut = moduleRef.get(RemindersService);
    calendar = moduleRef.get(CalendarService);
  });

  // 2024-07-14 17:30 UTC is 2024-07-15 00:30 in Hà Nội / TP HCM, and still 13:30 on the 14th in New York.
  const instant = new Date('2024-07-14T17:30:00Z');

  it('should compute the scan day in TZ_APP', () => {
    expect(calendar.today(instant)).toBe('2024-07-15');
    expect(sut.scanDay({ now: instant })).toBe('2024-07-15');
  });

  // Jest gives each test file a copy of process.env, so setting TZ there does not reach V8: the
  // process zones are tested in child processes started with TZ set, running this same code.
  it.each(['UTC', 'America/New_York', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati'])(
    'should pick the same local day in a process started with TZ=%s',
    (tz) => {
      const out = runWithTz(
        tz,
        `const { RemindersService } = require('src/modules/reminders/reminders.service');
         const { CalendarService } = require('src/modules/calendar/calendar.service');
         const config = { get: (k) => (k === 'app.tz' ? 'Asia/Ho_Chi_Minh' : undefined) };
         const calendar = new CalendarService({}, config);
         const sut = new RemindersService({}, {}, {}, {}, {}, calendar, {}, {}, {}, {}, config);
         const instant = new Date('2024-07-14T17:30:00Z');
         console.log(JSON.stringify({ localHour: instant.getHours(), today: calendar.today(instant), scanDay: sut.scanDay({ now: instant }),
           before: sut.scanDay({ now: new Date('2024-07-14T16:59:59Z') }), after: sut.scanDay({ now: new Date('2024-07-14T17:00:00Z') }) }));`,
      );
      const expectedHour = { UTC: 17, 'America/New_York': 13, 'Asia/Ho_Chi_Minh': 0, 'Pacific/Kiritimati': 7 }[tz];
      expect(out).toEqual({
        localHour: expectedHour,
        today: '2024-07-15',
        scanDay: '2024-07-15',
        before: '2024-07-14',
        after: '2024-07-15',
      });
    },
  );

  it('should take an explicit day as it is', () => {
    expect(sut.scanDay({ asOf: '2024-02-29', now: instant })).toBe('2024-02-29');
  });
});

const ROOT = join(__dirname, '..', '..', '..');

/** Runs `body` (CommonJS, `src/…` imports of the TypeScript sources) in `node` with TZ=tz; returns its JSON output. */
function runWithTz(tz: string, body: string): unknown {
  const hook = `
    const { readFileSync } = require('node:fs');
    const { transformSync } = require('@swc/core');
    require('tsconfig-paths').register({ baseUrl: ${JSON.stringify(ROOT)}, paths: { 'src/*': ['src/*'] } });
    require.extensions['.ts'] = (module, filename) => {
      const { code } = transformSync(readFileSync(filename, 'utf8'), {
        filename,
        jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
        module: { type: 'commonjs' },
      });
      module._compile(code, filename);
    };
    require('reflect-metadata');
  `;
  const out = execFileSync(process.execPath, ['-e', hook + body], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TZ: tz },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}
