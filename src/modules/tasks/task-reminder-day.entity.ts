import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Task } from './task.entity';

/**
 * The day from which the daily reminder scan reads a task, in a narrow table of its own (issue #15):
 * the scan moves hundreds of thousands of tasks to their next day, and on the wide tasks row each
 * move wrote every index of tasks (the text search's GIN index and its function included). Here it
 * writes a row of three columns and two small indexes.
 *
 * A row exists only while a reminder can go out: the task is in the agency's hands with a due date.
 * Triggers on tasks (task-reminder-days.ts, migration TaskReminderDays) set the writers' floor — a
 * new task, and a change of its status, effective due date, assignment day or program — so every
 * writer (the app, the importer, the seed, the bench loader, raw SQL) keeps it in step; the scan
 * then stores each judged task's exact next point (TaskReminderDates.settle).
 */
@Entity('task_reminder_days')
// The scan's range: the tasks whose day has come, with their ids from the index.
@Index('IDX_task_reminder_days_day', ['day', 'taskId'])
export class TaskReminderDay {
  @PrimaryColumn({ type: 'integer' })
  taskId!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'taskId' })
  task?: Task;

  /** The next reminder day: the writers' floor (reminderFloor), then the scan's exact next point. */
  @Column({ type: 'date' })
  day!: string;

  /**
   * The task's effective due date when the day was set: the scan's settle stores a day only while it
   * is still the due date the scan read (a writer's new date wins), without reading tasks.
   */
  @Column({ type: 'date' })
  effectiveDueDate!: string;
}
