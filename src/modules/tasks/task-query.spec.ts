import { TimelinessFilter } from './dto/list-tasks.query.dto';
import { assignedByCondition, involvingCondition, leaderCondition, notDoneBeforeCondition, submittedCondition, timelinessCondition } from './task-query';

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

  it('should count a task without a due date as not overdue, never as overdue (Phụ lục II "trong hạn")', () => {
    expect(timelinessCondition('t', TimelinessFilter.NotOverdue, '2024-07-10').sql).toContain('t.effectiveDueDate IS NULL OR t.effectiveDueDate >= :tlAsOf');
    expect(timelinessCondition('t', TimelinessFilter.Overdue, '2024-07-10').sql).not.toContain('IS NULL OR t.effectiveDueDate');
  });

  it('should split done and not done by the completion date, leaving withdrawn and deferred out of both', () => {
    const done = timelinessCondition('t', TimelinessFilter.Done, '2024-07-10').sql;
    const notDone = timelinessCondition('t', TimelinessFilter.NotDone, '2024-07-10').sql;
    expect(done).toBe('((t.status = :tlDone AND t.completedAt IS NOT NULL AND t.completedAt <= :tlAsOf))');
    expect(notDone).toContain('t.status IN (:...tlOpen)');
    expect(notDone).toContain('t.completedAt IS NULL OR t.completedAt > :tlAsOf');
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

describe('the Phụ lục window as list filters', () => {
  it('should keep tasks assigned by the end and not done before the start, through bound parameters', () => {
    expect(assignedByCondition('t', '2024-06-30')).toEqual({ sql: 't.assignedAt <= :abDay', params: { abDay: '2024-06-30' } });
    const sut = notDoneBeforeCondition('t', '2024-01-01');
    expect(sut.sql).toBe('(t.status <> :ndbDone OR t.completedAt IS NULL OR t.completedAt >= :ndbDay)');
    expect(sut.params).toEqual({ ndbDone: 'done', ndbDay: '2024-01-01' });
  });

  it('should count a proposal as submitted by its submission date, a done one without it by its completion date', () => {
    const sut = submittedCondition('t', '2024-06-30');
    expect(sut.sql).toContain('t.submittedAt IS NULL OR t.submittedAt <= :subAsOf');
    expect(sut.sql).toContain('COALESCE(t.submittedAt, t.completedAt) <= :subAsOf');
    expect(sut.params).toEqual({ subSubmitted: 'submitted', subDone: 'done', subAsOf: '2024-06-30' });
  });

  it('should match a leader by "contains", with LIKE wildcards in the name taken literally', () => {
    const sut = leaderCondition('t', '  Phó Chủ tịch 100%_A ');
    expect(sut.sql).toBe("t.leaderInCharge LIKE :leader ESCAPE '\\'");
    expect(sut.params.leader).toBe('%Phó Chủ tịch 100\\%\\_A%');
  });
});
