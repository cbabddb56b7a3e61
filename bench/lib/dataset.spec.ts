import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { loadHolidayCalendar } from 'src/modules/calendar/holidays.config';
import { dayOfWeek } from 'src/core/time/local-date';
import { WorkingCalendar } from 'src/modules/calendar/working-calendar';
import { TaskStatus } from 'src/modules/tasks/task.enums';
import { benchAgencies, DEFAULT_SPEC, dueTextFor, referenceDay, TaskGenerator } from './dataset';

const calendar = new WorkingCalendar(loadHolidayCalendar().days);
const sut = new TaskGenerator({ ...DEFAULT_SPEC, tasks: 20_000 }, calendar);
const sample = [...sut.tasks()];

describe(TaskGenerator.name, () => {
  it('should give the same task for the same seed and index, whatever else was generated', () => {
    const again = new TaskGenerator({ ...DEFAULT_SPEC, tasks: 20_000 }, calendar);
    expect(again.task(12_345)).toEqual(sample[12_345]);
    expect([...again.tasks(100, 103)]).toEqual(sample.slice(100, 103));
  });

  it('should give other tasks for another seed', () => {
    const other = new TaskGenerator({ ...DEFAULT_SPEC, seed: 7, tasks: 100 }, calendar);
    const same = [...other.tasks()].filter(
      (t, i) => t.title === sample[i].title && t.leadAgencyId === sample[i].leadAgencyId,
    );
    expect(same.length).toBeLessThan(20);
  });

  it('should number tasks from 1 and keep program codes unique within a program', () => {
    expect(sample.map((t) => t.id)).toEqual(sample.map((_, i) => i + 1));
    const keys = sample.filter((t) => t.programId !== null).map((t) => `${t.programId}/${t.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('should put 40 % of the tasks in the five programs and 20 % in the year program', () => {
    const inYear = sample.filter((t) => t.programId === 1).length / sample.length;
    const inPrograms = sample.filter((t) => t.programId !== null).length / sample.length;
    expect(inYear).toBeCloseTo(0.2, 2);
    expect(inPrograms).toBeCloseTo(0.4, 2);
  });

  it('should keep every task consistent with the domain rules', () => {
    const problems = sample.flatMap((t) => {
      const p: string[] = [];
      if (t.assignedAt > sut.today) p.push('assigned after the reference day');
      if (t.dueDate !== null && t.dueDate < t.assignedAt) p.push('due before assigned');
      if (t.effectiveDueDate !== calendar.effectiveDueDate(t.dueDate)) p.push('effective due date');
      if (t.dueDate === null && t.dueText !== 'Thường xuyên') p.push('recurring without its phrase');
      if (t.coordinatingAgencyIds.includes(t.leadAgencyId)) p.push('lead also coordinates');
      if (new Set(t.coordinatingAgencyIds).size !== t.coordinatingAgencyIds.length) p.push('coordinating twice');
      const done = t.status === TaskStatus.Done;
      if (done !== (t.completedAt !== null)) p.push('completedAt without done, or done without it');
      if (done && (t.completedAt! > sut.today || t.progress !== 100)) p.push('done in the future or below 100 %');
      return p.map((m) => `task ${t.id}: ${m}`);
    });
    expect(problems).toEqual([]);
  });

  it('should mix statuses as a province-year does: mostly done when past due, an overdue tail, a few withdrawn or deferred', () => {
    const pastDue = sample.filter((t) => t.effectiveDueDate !== null && t.effectiveDueDate < sut.today);
    const share = (s: TaskStatus) => pastDue.filter((t) => t.status === s).length / pastDue.length;
    expect(share(TaskStatus.Done)).toBeGreaterThan(0.7);
    expect(share(TaskStatus.Done)).toBeLessThan(0.85);
    const overdueOpen = share(TaskStatus.New) + share(TaskStatus.InProgress);
    expect(overdueOpen).toBeGreaterThan(0.08);
    expect(overdueOpen).toBeLessThan(0.2);
    expect(share(TaskStatus.Withdrawn) + share(TaskStatus.Deferred)).toBeGreaterThan(0.03);
    const late = pastDue.filter((t) => t.status === TaskStatus.Done && t.completedAt! > t.effectiveDueDate!).length;
    expect(late / pastDue.length).toBeGreaterThan(0.05);
    const coordinated = sample.filter((t) => t.coordinatingAgencyIds.length > 0).length / sample.length;
    expect(coordinated).toBeGreaterThan(0.3);
    expect(coordinated).toBeLessThan(0.4);
  });

  it('should let every agency lead tasks, departments more often than the others', () => {
    const led = new Map<number, number>();
    for (const t of sample) led.set(t.leadAgencyId, (led.get(t.leadAgencyId) ?? 0) + 1);
    expect(led.size).toBe(DEFAULT_SPEC.agencies);
    const byKind = (kind: AgencyKind) => {
      const ids = sut.agencies.filter((a) => a.kind === kind).map((a) => a.id);
      return ids.reduce((s, id) => s + (led.get(id) ?? 0), 0) / ids.length;
    };
    expect(byKind(AgencyKind.Department)).toBeGreaterThan(byKind(AgencyKind.Other) * 2);
  });

  it('should write "chuyển đổi số" in a few percent of the titles, for the search scenario', () => {
    const hits = sample.filter((t) => t.title.includes('chuyển đổi số')).length / sample.length;
    expect(hits).toBeGreaterThan(0.02);
    expect(hits).toBeLessThan(0.07);
  });
});

describe(benchAgencies.name, () => {
  it('should give unique codes and an address to each of the 60 agencies', () => {
    const agencies = benchAgencies(60);
    expect(agencies).toHaveLength(60);
    expect(new Set(agencies.map((a) => a.code)).size).toBe(60);
    expect(agencies.every((a) => a.emails.length > 0)).toBe(true);
  });
});

describe(dueTextFor.name, () => {
  it('should write quarter and month ends as the programs do, other days as dates', () => {
    expect(dueTextFor('2026-06-30')).toBe('Quý II/2026');
    expect(dueTextFor('2026-05-31')).toBe('tháng 5/2026');
    expect(dueTextFor('2026-05-20')).toBe('20/05/2026');
  });
});

describe(referenceDay.name, () => {
  it('should be a Monday, so that the busy-day scan follows a weekend', () => {
    expect(dayOfWeek(referenceDay(DEFAULT_SPEC))).toBe(1);
  });
});
