import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';

export enum TaskFilePurpose {
  /** The result document (văn bản kết quả) and its annexes. */
  Result = 'result',
  /** Evidence attached to a request (extension, withdrawal, deferral). */
  Evidence = 'evidence',
}

/** A file attached to a task, stored under DATA_DIR/files/tasks/<taskId>/. */
@Entity('task_files')
@Index('IDX_task_files_task', ['taskId'])
export class TaskFile {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  taskId!: number;

  /** Set for evidence of a request. */
  @Column({ type: 'integer', nullable: true })
  requestId!: number | null;

  @Column({ type: 'varchar', length: 16 })
  purpose!: TaskFilePurpose;

  /** The name as uploaded (checked: no path, no control characters). */
  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  /** Relative to DATA_DIR/files; a name the server chose. */
  @Column({ type: 'varchar', length: 255 })
  path!: string;

  /** Sniffed from the content. */
  @Column({ type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'integer', nullable: true })
  uploadedById!: number | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;
}
