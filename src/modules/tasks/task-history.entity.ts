import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';
import { Task } from './task.entity';

export enum TaskHistoryAction {
  Create = 'create',
  Update = 'update',
  Import = 'import',
  Request = 'request',
  Approve = 'approve',
  Reject = 'reject',
  Merge = 'merge',
  /** A file attached (field 'file', toValue its name). */
  Attach = 'attach',
}

/** Append-only: one row per changed field (or per event when no field changed). */
@Entity('task_history')
@Index('IDX_task_history_task_at', ['taskId', 'at'])
export class TaskHistory {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  taskId!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'taskId' })
  task?: Task;

  /** Null for the system (imports by CLI, merges, scheduled jobs). */
  @Column({ type: 'integer', nullable: true })
  userId!: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userName!: string | null;

  @CreateDateColumn({ type: DATETIME })
  at!: Date;

  @Column({ type: 'varchar', length: 16 })
  action!: TaskHistoryAction;

  @Column({ type: 'varchar', length: 64, nullable: true })
  field!: string | null;

  @Column({ type: 'text', nullable: true })
  fromValue!: string | null;

  @Column({ type: 'text', nullable: true })
  toValue!: string | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;
}
