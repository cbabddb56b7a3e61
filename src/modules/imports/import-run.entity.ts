import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';

export enum ImportRunStatus {
  Queued = 'queued',
  Running = 'running',
  Done = 'done',
  Failed = 'failed',
}

/** An import of a program file; large ones run on the imports queue and report progress here. */
@Entity('import_runs')
@Index('IDX_import_runs_created', ['createdAt'])
export class ImportRun {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: ImportRunStatus;

  /** Null: a document imported on its own, outside any program. */
  @Column({ type: 'integer', nullable: true })
  programId!: number | null;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 8 })
  format!: string;

  /** Path of the uploaded file, relative to DATA_DIR/files. */
  @Column({ type: 'varchar', length: 500 })
  path!: string;

  @Column({ type: 'boolean' })
  dryRun!: boolean;

  @Column({ type: 'integer', nullable: true })
  defaultLeadAgencyId!: number | null;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'integer', default: 0 })
  total!: number;

  @Column({ type: 'simple-json', nullable: true })
  result!: unknown;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'integer', nullable: true })
  requestedById!: number | null;

  @Column({ type: DATETIME, nullable: true })
  finishedAt!: Date | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;

  @UpdateDateColumn({ type: DATETIME })
  updatedAt!: Date;
}
