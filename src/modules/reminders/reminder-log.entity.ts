import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';

/**
 * One reminder point of one task, recorded in the transaction that creates its digest.
 * The unique key (task, effective due date, offset) is what makes a point go out at most once,
 * however many scans or workers run; a new due date starts a new series.
 */
@Entity('reminder_log')
@Index('UQ_reminder_log_point', ['taskId', 'effectiveDueDate', 'offsetDays'], { unique: true })
@Index('IDX_reminder_log_scan', ['scanDate', 'agencyId'])
@Index('IDX_reminder_log_mail', ['mailMessageId', 'agencyId', 'scanDate'])
export class ReminderLog {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  taskId!: number;

  @Column({ type: 'integer' })
  agencyId!: number;

  @Column({ type: 'date' })
  effectiveDueDate!: string;

  /** Days relative to the effective due date: −7, −3, −1 before, 0 on the day, 7, 14 … after. */
  @Column({ type: 'integer' })
  offsetDays!: number;

  @Column({ type: 'date' })
  scanDate!: string;

  /** The digest that carried the point; NULL from the scan until its BuildReminderDigest job writes it. */
  @Column({ type: 'integer', nullable: true })
  mailMessageId!: number | null;

  /**
   * The local time (HH:mm) of the scheduled scan that recorded the point: its digest job lists in the
   * công văn the overdue tasks of the policies whose send time had come by then, as that scan judged
   * (appliesInScope). NULL: a manual scan, every enabled policy.
   */
  @Column({ type: 'varchar', length: 5, nullable: true })
  scanTime!: string | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;
}
