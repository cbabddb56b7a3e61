import { TimelinessFilter } from './dto/list-tasks.query.dto';
import { involvingCondition, timelinessCondition } from './task-query';

describe(timelinessCondition.name, () => {
  it('should bind the day judged and the end of the due-soon window (7 days by default)', () => {
    const sut = timelinessCondition('t', TimelinessFilter.DueSoon, '2024-12-28');
    expect(sut.params).toEqual({
      tlAsOf: '2024-12-28',
      tlSoon: '2025-01-04',
      tlDone: 'done',
      tlOpen: ['new', 'in_progress', 'submitted'],
    });
    expect(sut.sql).toContain('t.effectiveDueDate >= :tlAsOf AND t.effectiveDueDate <= :tlSoon');
  });

  it('should count a task done after the day judged as open on that day', () => {
    const sut = timelinessCondition('t', TimelinessFilter.Overdue, '2024-07-10');
    expect(sut.sql).toContain('t.completedAt > :tlAsOf');
    expect(sut.sql).toContain('t.effectiveDueDate < :tlAsOf');
  });

  it('should judge done tasks against their completion date, on time without a due date', () => {
    expect(timelinessCondition('t', TimelinessFilter.OnTime, '2024-07-10', 3).sql).toContain(
      't.effectiveDueDate IS NULL OR t.completedAt <= t.effectiveDueDate',
    );
    expect(timelinessCondition('t', TimelinessFilter.Late, '2024-07-10').sql).toContain(
      't.effectiveDueDate IS NOT NULL AND t.completedAt > t.effectiveDueDate',
    );
  });

  it('should never put a value into the SQL text', () => {
    for (const which of Object.values(TimelinessFilter)) {
      expect(timelinessCondition('t', which, '2024-07-10').sql).not.toMatch(/2024|done'|'new/);
    }
  });
});

describe(involvingCondition.name, () => {
  it('should look the agency up as lead and as coordinating agency through bound parameters', () => {
    for (const engine of ['sqlite', 'postgres'] as const) {
      const sut = involvingCondition('t', 'agency', 42, engine);
      expect(sut.params).toEqual({ agency: 42 });
      expect(sut.sql).not.toContain('42');
      expect(sut.sql).toMatch(/leadAgencyId"? = :agency/);
      expect(sut.sql).toMatch(/FROM "task_coordinating_agencies" .*"agencyId" = :agency/);
    }
  });

  it('should give SQLite an OR with a subquery and PostgreSQL an OR with an array of the coordinated ids', () => {
    expect(involvingCondition('t', 'a', 1, 'sqlite').sql).toMatch(
      /^\(t\.leadAgencyId = :a OR t\.id IN \(SELECT .*\)\)$/,
    );
    expect(involvingCondition('t', 'a', 1, 'postgres').sql).toMatch(
      /^\(t\.leadAgencyId = :a OR t\.id = ANY\(ARRAY\(SELECT .*\)\)\)$/,
    );
  });
});
