import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';
import { ProgramPeriod } from './program.enums';

/** Policy of the reminder scan for a program's tasks; null fields fall back to config/reminders.json. */
export interface ReminderPolicy {
  beforeDays: number[];
  onDueDate: boolean;
  overdueEveryDays: number;
  escalateAfterDays: number;
  sendTime: string;
  workingDaysOnly: boolean;
  enabled: boolean;
}

/** Chương trình công tác (năm, 6 tháng, quý, tháng). */
@Entity('programs')
export class Program {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_programs_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Index('IDX_programs_year')
  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 16 })
  period!: ProgramPeriod;

  /** Which half (1–2), quarter (1–4) or month (1–12) of `year`; null for a year program. See program-window.ts. */
  @Column({ type: 'integer', nullable: true })
  periodNumber!: number | null;

  /** Số, ký hiệu of the issuing document, e.g. "45/CTr-UBND". */
  @Column({ type: 'varchar', length: 255, nullable: true })
  issuingDocument!: string | null;

  @Column({ type: 'date', nullable: true })
  issuedAt!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  reminderPolicy!: Partial<ReminderPolicy> | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;

  @UpdateDateColumn({ type: DATETIME })
  updatedAt!: Date;
}
