import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';
import { Agency } from 'src/modules/agencies/agency.entity';
import { Program } from 'src/modules/programs/program.entity';
import { TaskKind, TaskOrigin, TaskStatus } from './task.enums';

/**
 * Nhiệm vụ: an item of a program, or a stand-alone assignment.
 * effectiveDueDate (dueDate after the weekend/holiday rule) is stored so that listing,
 * reminders and reports filter and sort on an indexed column.
 */
@Entity('tasks')
// IDX_tasks_lead_status_due (with completedAt) and IDX_tasks_report come from migration TaskQueryIndexes:
// the agency lists' timeliness filters and the appendix aggregates read these indexes alone.
@Index('IDX_tasks_lead_status_due', ['leadAgencyId', 'status', 'effectiveDueDate', 'completedAt'])
// With the id (migration ProgramDueIndexWithId): PostgreSQL reads a program's deep pages from the index alone.
@Index('IDX_tasks_program_due', ['programId', 'effectiveDueDate', 'id'])
@Index('UQ_tasks_program_code', ['programId', 'code'], { unique: true })
@Index('IDX_tasks_status_due', ['status', 'effectiveDueDate'])
@Index('IDX_tasks_due', ['effectiveDueDate'])
// IDX_tasks_report: as migration ReportIndexByAgency reorders it (kind, lead agency first, with submittedAt).
@Index('IDX_tasks_report', ['kind', 'leadAgencyId', 'status', 'effectiveDueDate', 'completedAt', 'assignedAt', 'origin', 'submittedAt'])
@Index('IDX_tasks_updated', ['updatedAt'])
// PostgreSQL's GIN index of the search words (migration TaskSearchIndex; SQLite has an FTS5 table instead).
@Index('IDX_tasks_search', { synchronize: false })
// The coordinated tasks' state by id (migration TaskStateByIdIndex): an agency's lists read it instead of the rows.
@Index('IDX_tasks_id_state', ['id', 'status', 'effectiveDueDate', 'completedAt', 'leadAgencyId'])
export class Task {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', nullable: true })
  programId!: number | null;

  @ManyToOne(() => Program, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programId' })
  program?: Program | null;

  /** Item number within the program ("B.2.3"), or the office's own reference. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  code!: string | null;

  /** Nội dung. */
  @Column({ type: 'varchar', length: 2000 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind!: TaskKind;

  /** Văn bản giao nhiệm vụ, e.g. "Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ". */
  @Column({ type: 'varchar', length: 500, nullable: true })
  sourceDocument!: string | null;

  /** Hình thức văn bản: Quyết định, Tờ trình, Báo cáo, Kế hoạch … */
  @Column({ type: 'varchar', length: 100, nullable: true })
  outputForm!: string | null;

  /** Cấp trình: UBND tỉnh, Chủ tịch UBND tỉnh, HĐND tỉnh, Tỉnh ủy. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  submitTo!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  leaderInCharge!: string | null;

  @Column({ type: 'integer' })
  leadAgencyId!: number;

  @ManyToOne(() => Agency, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leadAgencyId' })
  leadAgency?: Agency;

  @ManyToMany(() => Agency)
  @JoinTable({
    name: 'task_coordinating_agencies',
    joinColumn: { name: 'taskId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'agencyId', referencedColumnName: 'id' },
  })
  coordinatingAgencies?: Agency[];

  @Column({ type: 'date' })
  assignedAt!: string;

  /** Null for recurring tasks (thường xuyên). */
  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'date', nullable: true })
  effectiveDueDate!: string | null;

  /** The deadline as the document wrote it ("Quý II/2024"); cleared when an extension replaces the date. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  dueText!: string | null;

  /** After an approved extension: the due date it replaced … */
  @Column({ type: 'date', nullable: true })
  extendedFromDate!: string | null;

  /** … and that date's phrase in the document ("tháng 11/2024"). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  extendedFromText!: string | null;

  @Column({ type: 'varchar', length: 16 })
  origin!: TaskOrigin;

  @Column({ type: 'varchar', length: 16 })
  status!: TaskStatus;

  @Column({ type: 'integer', default: 0 })
  progress!: number;

  @Column({ type: 'date', nullable: true })
  completedAt!: string | null;

  /** Ngày trình: when the task became submitted (or done, when it skipped submitted); cleared when returned. */
  @Column({ type: 'date', nullable: true })
  submittedAt!: string | null;

  /** Số, ký hiệu, ngày ban hành of the result document. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  resultDocument!: string | null;

  /** The result document, structured: số/ký hiệu ("1234/QĐ-UBND") … */
  @Column({ type: 'varchar', length: 100, nullable: true })
  resultNumber!: string | null;

  /** … ngày ban hành … */
  @Column({ type: 'date', nullable: true })
  resultIssuedAt!: string | null;

  /** … trích yếu … */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  resultSummary!: string | null;

  /** … and cơ quan ban hành. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  resultIssuer!: string | null;

  /** The lead agency's latest progress note. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Code, title, description and source document folded for diacritics-insensitive search. */
  @Column({ type: 'text', default: '' })
  searchText!: string;

  @Column({ type: 'integer', nullable: true })
  createdById!: number | null;

  /** Optimistic lock: PATCH must send the version it read. */
  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;

  @UpdateDateColumn({ type: DATETIME })
  updatedAt!: Date;
}
