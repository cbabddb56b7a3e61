import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';

export enum ReportRunStatus {
  Queued = 'queued',
  Running = 'running',
  Done = 'done',
  Failed = 'failed',
}

export interface ReportFileRef {
  format: 'xlsx' | 'docx' | 'json';
  /** Path relative to DATA_DIR/files. */
  path: string;
  size: number;
}

/** A built report: a snapshot of its window, as-of date, figures and task list (the API polls it). */
@Entity('report_runs')
@Index('IDX_report_runs_created', ['createdAt'])
export class ReportRun {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: ReportRunStatus;

  @Column({ type: 'date' })
  fromDate!: string;

  @Column({ type: 'date' })
  toDate!: string;

  @Column({ type: 'date' })
  asOf!: string;

  /** Named period ("2024-Q2") and window (calendar | cutoff) when built from one. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  periodName!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  window!: string | null;

  @Column({ type: 'integer', nullable: true })
  programId!: number | null;

  @Column({ type: 'integer', nullable: true })
  agencyId!: number | null;

  @Column({ type: 'simple-json' })
  formats!: string[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  reportNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  reportDate!: string | null;

  /** The appendix figures and lists as built (JSON of the /api/reports/appendix shape). */
  @Column({ type: 'simple-json', nullable: true })
  snapshot!: unknown;

  @Column({ type: 'simple-json' })
  files!: ReportFileRef[];

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'boolean', default: false })
  scheduled!: boolean;

  @Column({ type: 'integer', nullable: true })
  requestedById!: number | null;

  @Column({ type: DATETIME, nullable: true })
  startedAt!: Date | null;

  @Column({ type: DATETIME, nullable: true })
  finishedAt!: Date | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;

  @UpdateDateColumn({ type: DATETIME })
  updatedAt!: Date;
}
