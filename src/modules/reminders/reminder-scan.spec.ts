import { ReminderPolicy } from 'src/modules/programs/program.entity';
import { appliesInScope, batchScanTime, planScan, ScanTaskRow } from './reminder-scan';

const POLICY: ReminderPolicy = {
  beforeDays: [7, 3, 1],
  onDueDate: true,
  overdueEveryDays: 7,
  escalateAfterDays: 14,
  sendTime: '07:30',
  workingDaysOnly: true,
  enabled: true,
};
const AS_OF = '2024-07-15';
let id = 0;
const row = (over: Partial<ScanTaskRow>): ScanTaskRow => ({
  id: ++id,
  code: `A.${id}`,
  title: `Nhiệm vụ ${id}`,
  leadAgencyId: 1,
  programId: null,
  assignedAt: '2024-01-02',
  effectiveDueDate: AS_OF,
  sourceDocument: null,
  leaderInCharge: null,
  ...over,
});

describe(planScan.name, () => {
  it('should group the points of one scan by lead agency', () => {
    const tasks = [
      row({ leadAgencyId: 2, effectiveDueDate: '2024-07-18' }),
      row({ leadAgencyId: 1, effectiveDueDate: '2024-07-01' }),
      row({ leadAgencyId: 2, effectiveDueDate: '2024-07-08' }),
      row({ leadAgencyId: 3, effectiveDueDate: '2024-08-30' }),
    ];
    const sut = planScan({ asOf: AS_OF, tasks, recorded: new Map(), policyFor: () => POLICY });
    expect(sut.map((p) => [p.agencyId, p.reminders.map((r) => r.point.offsetDays)])).toEqual([
      [1, [14]],
      [2, [-3, 7]],
    ]);
    expect(sut[0].reminders[0].point.escalate).toBe(true);
    expect(sut[1].overdue.map((t) => t.effectiveDueDate)).toEqual(['2024-07-08']);
  });

  it('should skip tasks whose latest point is recorded, and tasks out of the run', () => {
    const a = row({ effectiveDueDate: '2024-07-16' });
    const b = row({ effectiveDueDate: '2024-07-16', programId: 9 });
    const sut = planScan({
      asOf: AS_OF,
      tasks: [a, b],
      recorded: new Map([[a.id, -1]]),
      policyFor: (t) => (t.programId === 9 ? null : POLICY),
    });
    expect(sut).toEqual([]);
  });

  it('should list every overdue task of a reminded agency for the letter, not only today’s points', () => {
    const old = row({ effectiveDueDate: '2024-06-01' });
    const fresh = row({ effectiveDueDate: '2024-07-01' });
    const sut = planScan({
      asOf: AS_OF,
      tasks: [old, fresh],
      recorded: new Map([[old.id, 42]]),
      policyFor: () => POLICY,
    });
    expect(sut[0].reminders.map((r) => r.task.id)).toEqual([fresh.id]);
    expect(sut[0].overdue.map((t) => t.id)).toEqual([old.id, fresh.id]);
  });
});

describe(appliesInScope.name, () => {
  it('should apply a policy in a scheduled scan once its send time has come, on working days when it asks', () => {
    const at9 = { ...POLICY, sendTime: '09:00' };
    expect(appliesInScope(at9, { time: '08:59', workingDay: true })).toBe(false);
    expect(appliesInScope(at9, { time: '09:00', workingDay: true })).toBe(true);
    expect(appliesInScope(at9, { time: '09:00', workingDay: false })).toBe(false);
    expect(appliesInScope({ ...at9, workingDaysOnly: false }, { time: '09:00', workingDay: false })).toBe(true);
    expect(appliesInScope({ ...at9, enabled: false }, { time: '23:59', workingDay: true })).toBe(false);
  });

  it('should apply every enabled policy in a manual scan', () => {
    expect(appliesInScope({ ...POLICY, sendTime: '23:59' }, null)).toBe(true);
    expect(appliesInScope({ ...POLICY, enabled: false }, null)).toBe(false);
  });
});

describe(batchScanTime.name, () => {
  it('should take the latest scheduled scan of a batch, and a manual one as every policy', () => {
    expect(batchScanTime(['07:31', '09:02', '08:00'])).toBe('09:02');
    expect(batchScanTime(['07:31', null])).toBeNull();
    expect(batchScanTime([])).toBeNull();
  });
});
