import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many tasks each program has (programId 0: the tasks of no program), so that a program's list,
 * or the whole list, answers its exact `total` without counting 200,000 index entries on every page
 * (issue #15, PostgreSQL row 2: 22 ms of a 30 ms request).
 *
 * Written only by the database: triggers on tasks keep it in step with every writer, in the same
 * transaction (task-program-counts.ts, migration TaskProgramCounts). Application code never writes it.
 */
@Entity('task_program_counts')
export class TaskProgramCount {
  /** The program's id; 0 for tasks outside any program (not a foreign key). */
  @PrimaryColumn({ type: 'integer' })
  programId!: number;

  @Column({ type: 'integer' })
  tasks!: number;
}
