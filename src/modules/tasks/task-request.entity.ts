import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';
import { Task } from './task.entity';

export enum TaskRequestType {
  /** Xin gia hạn: a new due date. */
  Extension = 'extension',
  /** Xin rút. */
  Withdrawal = 'withdrawal',
  /** Xin chuyển sang kỳ sau. */
  Deferral = 'deferral',
}

export enum TaskRequestStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
}

@Entity('task_requests')
@Index('IDX_task_requests_status_created', ['status', 'createdAt'])
@Index('IDX_task_requests_task', ['taskId'])
export class TaskRequest {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  taskId!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'taskId' })
  task?: Task;

  @Column({ type: 'varchar', length: 16 })
  type!: TaskRequestType;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'date', nullable: true })
  proposedDueDate!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: TaskRequestStatus;

  @Column({ type: 'integer' })
  requestedById!: number;

  @Column({ type: 'integer', nullable: true })
  decidedById!: number | null;

  @Column({ type: DATETIME, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionComment!: string | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;

  @UpdateDateColumn({ type: DATETIME })
  updatedAt!: Date;
}
