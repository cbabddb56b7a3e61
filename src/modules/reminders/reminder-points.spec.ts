import { addDays } from 'src/core/time/local-date';
import { ReminderPolicy } from 'src/modules/programs/program.entity';
import { TaskStatus } from 'src/modules/tasks/task.enums';
import { duePoint, latestReachedOffset, MAX_REMINDER_LEAD_DAYS, nextPointOn, reminderFloor, seriesOffsets, standingText } from './reminder-points';
import { MAX_BEFORE_DAYS, MAX_OVERDUE_EVERY_DAYS } from './dto/reminder-policy.dto';

const POLICY: ReminderPolicy = {
  beforeDays: [7, 3, 1],
  onDueDate: true,
  overdueEveryDays: 7,
  escalateAfterDays: 14,
  sendTime: '07:30',
  workingDaysOnly: true,
  enabled: true,
};
const DUE = '2024-07-15';
const task = (assignedAt = '2024-01-05') => ({ effectiveDueDate: DUE, assignedAt });

describe(duePoint.name, () => {
  it.each([
    [-8, null],
    [-7, -7],
    [-6, -7],
    [-3, -3],
    [-2, -3],
    [-1, -1],
    [0, 0],
    [1, 0],
    [6, 0],
    [7, 7],
    [13, 7],
    [14, 14],
    [21, 21],
    [100, 98],
  ])('should reach point %p days from the due date → %p', (elapsed, expected) => {
    const sut = duePoint(POLICY, task(), addDays(DUE, elapsed), null);
    expect(sut?.offsetDays ?? null).toBe(expected);
  });

  it('should send each point of the series exactly once when scanned every day', () => {
    const sent: number[] = [];
    let recorded: number | null = null;
    for (let elapsed = -20; elapsed <= 30; elapsed++) {
      const sut = duePoint(POLICY, task(), addDays(DUE, elapsed), recorded);
      if (sut) {
        sent.push(sut.offsetDays);
        expect(sut.date).toBe(addDays(DUE, sut.offsetDays));
        recorded = sut.offsetDays;
      }
    }
    expect(sent).toEqual([-7, -3, -1, 0, 7, 14, 21, 28]);
  });

  it('should send only the latest unrecorded point after downtime and never the dominated ones later', () => {
    const first = duePoint(POLICY, task(), addDays(DUE, 16), null);
    expect(first).toMatchObject({ offsetDays: 14, kind: 'overdue', escalate: true });
    expect(duePoint(POLICY, task(), addDays(DUE, 17), 14)).toBeNull();
    expect(duePoint(POLICY, task(), addDays(DUE, 21), 14)?.offsetDays).toBe(21);
  });

  it('should send nothing for a point at or before the one recorded', () => {
    expect(duePoint(POLICY, task(), addDays(DUE, -3), -3)).toBeNull();
    expect(duePoint(POLICY, task(), addDays(DUE, -3), 0)).toBeNull();
  });

  it('should never send a point that falls before the task was assigned', () => {
    const late = task(addDays(DUE, -2));
    expect(duePoint(POLICY, late, addDays(DUE, -2), null)).toBeNull();
    expect(duePoint(POLICY, late, addDays(DUE, -1), null)?.offsetDays).toBe(-1);
    const afterDue = task(addDays(DUE, 10));
    expect(duePoint(POLICY, afterDue, addDays(DUE, 10), null)).toBeNull();
    expect(duePoint(POLICY, afterDue, addDays(DUE, 14), null)?.offsetDays).toBe(14);
  });

  it('should count a point on the day of assignment', () => {
    expect(duePoint(POLICY, task(addDays(DUE, -3)), addDays(DUE, -3), null)?.offsetDays).toBe(-3);
  });

  it('should classify and escalate from escalateAfterDays overdue', () => {
    expect(duePoint(POLICY, task(), addDays(DUE, -1), null)).toMatchObject({ kind: 'before', escalate: false });
    expect(duePoint(POLICY, task(), DUE, null)).toMatchObject({ kind: 'due', escalate: false });
    expect(duePoint(POLICY, task(), addDays(DUE, 7), null)).toMatchObject({ kind: 'overdue', escalate: false });
    expect(duePoint({ ...POLICY, escalateAfterDays: 10 }, task(), addDays(DUE, 13), null)).toMatchObject({
      offsetDays: 7,
      escalate: false,
    });
    expect(duePoint({ ...POLICY, escalateAfterDays: 10 }, task(), addDays(DUE, 14), null)).toMatchObject({
      offsetDays: 14,
      escalate: true,
    });
  });

  it('should follow the policy: no due-day point, other offsets and intervals, disabled', () => {
    const p = { ...POLICY, beforeDays: [10, 5], onDueDate: false, overdueEveryDays: 5 };
    expect(duePoint(p, task(), DUE, null)?.offsetDays).toBe(-5);
    expect(duePoint(p, task(), addDays(DUE, 5), null)?.offsetDays).toBe(5);
    expect(duePoint(p, task(), addDays(DUE, -10), null)?.offsetDays).toBe(-10);
    expect(duePoint({ ...POLICY, enabled: false }, task(), DUE, null)).toBeNull();
  });
});

describe(latestReachedOffset.name, () => {
  it('should be null before the first point', () => {
    expect(latestReachedOffset(POLICY, -8)).toBeNull();
    expect(latestReachedOffset({ ...POLICY, beforeDays: [], onDueDate: false }, 3)).toBeNull();
  });
});

describe(seriesOffsets.name, () => {
  it('should list the points of the default series', () => {
    expect(seriesOffsets(POLICY, 21)).toEqual([-7, -3, -1, 0, 7, 14, 21]);
  });
});

describe(standingText.name, () => {
  it('should say how many days are left, today, or how many days overdue', () => {
    expect(standingText(DUE, '2024-07-12')).toBe('còn 3 ngày');
    expect(standingText(DUE, DUE)).toBe('đến hạn hôm nay');
    expect(standingText(DUE, '2024-07-22')).toBe('quá hạn 7 ngày');
  });
});

/** A small deterministic generator (mulberry32): the same cases on every run. */
function rng(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function randomPolicy(r: (n: number) => number): ReminderPolicy {
  return {
    beforeDays: [...new Set(Array.from({ length: r(4) }, () => 1 + r(MAX_BEFORE_DAYS)))].sort((a, b) => b - a),
    onDueDate: r(2) === 0,
    overdueEveryDays: r(5) === 0 ? 0 : 1 + r(MAX_OVERDUE_EVERY_DAYS),
    escalateAfterDays: 1 + r(30),
    sendTime: '07:30',
    workingDaysOnly: false,
    enabled: r(10) !== 0,
  };
}

describe(nextPointOn.name, () => {
  it('should name the first day on which duePoint sends a point, on 2,000 generated tasks, policies and recorded points', () => {
    const r = rng(20261206);
    for (let i = 0; i < 2000; i++) {
      const policy = randomPolicy(r);
      const t = { effectiveDueDate: addDays(DUE, r(200) - 100), assignedAt: addDays(DUE, r(300) - 200) };
      const recorded = r(3) === 0 ? null : r(120) - MAX_BEFORE_DAYS;
      const next = nextPointOn(policy, t, recorded);
      // duePoint is null every day before `next` and non-null every day from it (the scan's index range).
      // Every day around `next`, and days drawn over the whole range of the series.
      const around = next === null ? [] : [-2, -1, 0, 1, 2].map((d) => addDays(next, d));
      const drawn = Array.from({ length: 30 }, () => addDays(t.effectiveDueDate, r(220) - MAX_BEFORE_DAYS - 10));
      for (const asOf of [...around, ...drawn]) {
        const sent = duePoint(policy, t, asOf, recorded) !== null;
        const expected = next !== null && asOf >= next;
        if (sent !== expected)
          throw new Error(`case ${i}: ${JSON.stringify({ policy, t, recorded, next, asOf, sent })}`);
      }
    }
  });

  it('should move to the point after the one just recorded, and past the last one to null', () => {
    expect(nextPointOn(POLICY, task(), null)).toBe(addDays(DUE, -7));
    expect(nextPointOn(POLICY, task(), -7)).toBe(addDays(DUE, -3));
    expect(nextPointOn(POLICY, task(), 0)).toBe(addDays(DUE, 7));
    expect(nextPointOn(POLICY, task(), 14)).toBe(addDays(DUE, 21));
    expect(nextPointOn({ ...POLICY, overdueEveryDays: 0 }, task(), 0)).toBeNull();
    expect(nextPointOn({ ...POLICY, enabled: false }, task(), null)).toBeNull();
    // Assigned after the due date: the first point on or after the assignment day.
    expect(nextPointOn(POLICY, task(addDays(DUE, 10)), null)).toBe(addDays(DUE, 14));
  });
});

describe(reminderFloor.name, () => {
  it('should be on or before the first point of any policy, and null outside the agency\'s hands or without a due date', () => {
    const r = rng(17);
    for (let i = 0; i < 2000; i++) {
      const policy = { ...randomPolicy(r), enabled: true };
      const t = { status: TaskStatus.InProgress, effectiveDueDate: addDays(DUE, r(200) - 100), assignedAt: addDays(DUE, r(300) - 200) };
      const first = nextPointOn(policy, t, null);
      const floor = reminderFloor(t)!;
      if (first !== null && floor > first) throw new Error(`case ${i}: floor ${floor} after ${first}`);
      expect(floor >= t.assignedAt).toBe(true);
    }
    expect(reminderFloor({ status: TaskStatus.New, effectiveDueDate: DUE, assignedAt: '2024-01-01' })).toBe(addDays(DUE, -MAX_REMINDER_LEAD_DAYS));
    for (const status of [TaskStatus.Submitted, TaskStatus.Done, TaskStatus.Withdrawn, TaskStatus.Deferred])
      expect(reminderFloor({ status, effectiveDueDate: DUE, assignedAt: '2024-01-01' })).toBeNull();
    expect(reminderFloor({ status: TaskStatus.New, effectiveDueDate: null, assignedAt: '2024-01-01' })).toBeNull();
  });
});
