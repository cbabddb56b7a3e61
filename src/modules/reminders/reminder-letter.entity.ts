import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';

/** A draft công văn đôn đốc (DOCX) generated at escalation, kept for the office to sign. */
@Entity('reminder_letters')
@Index('IDX_reminder_letters_agency_date', ['agencyId', 'scanDate'])
export class ReminderLetter {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  agencyId!: number;

  @Column({ type: 'date' })
  scanDate!: string;

  /** Path relative to DATA_DIR/files. */
  @Column({ type: 'varchar', length: 500 })
  path!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'simple-json' })
  taskIds!: number[];

  @Column({ type: 'integer', nullable: true })
  mailMessageId!: number | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;
}
