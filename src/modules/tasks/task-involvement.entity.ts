import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { doneOnADay, IDX_INVOLVEMENTS_DONE, IDX_INVOLVEMENTS_OPEN, openOnEveryDay } from './task-involvements';
import { TaskStatus } from './task.enums';

/**
 * One row per agency a task involves — its lead agency (lead = 1) and each coordinating agency
 * (lead = 0) — with the task's state columns copied beside it: an agency's lists and tab counts
 * ("my tasks", overdue, due soon) read one index range of this table instead of the lead rows OR the
 * coordinated ids probed one by one (issue #15: ~35,000 probes a request at a million tasks).
 *
 * Written only by the database: triggers on tasks and task_coordinating_agencies keep it in step with
 * every writer (task-involvements.ts, migration TaskInvolvements). Application code never writes it.
 */
@Entity('task_involvements')
// The lists' range: an agency's tasks in due-date order, the state columns read from the index alone.
@Index('IDX_task_involvements_due', ['agencyId', 'effectiveDueDate', 'taskId', 'status', 'completedAt'])
// Counts of open work: the rows open on every day, and the done ones by completion date (task-involvements.ts).
@Index(IDX_INVOLVEMENTS_OPEN, ['agencyId', 'effectiveDueDate', 'taskId', 'status', 'completedAt'], { where: openOnEveryDay() })
@Index(IDX_INVOLVEMENTS_DONE, ['agencyId', 'completedAt', 'effectiveDueDate', 'taskId', 'status'], { where: doneOnADay() })
// The triggers' lookup when a task changes.
@Index('IDX_task_involvements_task', ['taskId'])
export class TaskInvolvement {
  @PrimaryColumn({ type: 'integer' })
  agencyId!: number;

  @PrimaryColumn({ type: 'integer' })
  taskId!: number;

  /** 1: the lead agency; 0: a coordinating one. An integer on both engines (the triggers write it). */
  @PrimaryColumn({ type: 'integer' })
  lead!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: TaskStatus;

  @Column({ type: 'date', nullable: true })
  effectiveDueDate!: string | null;

  @Column({ type: 'date', nullable: true })
  completedAt!: string | null;
}
