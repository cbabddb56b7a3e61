import { LocalDate } from 'src/core/time/local-date';
import { taskSearchText } from './task-search';
import { TaskKind, TaskOrigin, TaskStatus } from './task.enums';

/** A task to create: what POST /api/tasks takes, plus the state an importer may bring along. */
export interface NewTaskInput {
  title: string;
  kind: TaskKind;
  leadAgencyId: number;
  coordinatingAgencyIds?: number[] | null;
  dueDate: LocalDate | null;
  /** Default: today in TZ_APP. */
  assignedAt?: LocalDate;
  origin: TaskOrigin;
  programId?: number | null;
  code?: string | null;
  description?: string | null;
  dueText?: string | null;
  sourceDocument?: string | null;
  outputForm?: string | null;
  submitTo?: string | null;
  leaderInCharge?: string | null;
  /** Default new. A done task needs completedAt (and, for a proposal, resultDocument). */
  status?: TaskStatus;
  progress?: number;
  completedAt?: LocalDate | null;
  /** Submitted or done: the day it was submitted (done: default completedAt). */
  submittedAt?: LocalDate | null;
  resultDocument?: string | null;
  note?: string | null;
}

/** What buildTaskRow takes: a NewTaskInput whose program, code and assignment day are settled, and its author. */
export type NewTaskFields = Omit<NewTaskInput, 'coordinatingAgencyIds' | 'programId' | 'code' | 'assignedAt'> & {
  programId: number | null;
  code: string | null;
  assignedAt: LocalDate;
  createdById?: number | null;
};

/** The columns of a new tasks row (the database fills id, version and the timestamps unless the writer does). */
export interface NewTaskRow {
  programId: number | null;
  code: string | null;
  title: string;
  description: string | null;
  kind: TaskKind;
  sourceDocument: string | null;
  outputForm: string | null;
  submitTo: string | null;
  leaderInCharge: string | null;
  leadAgencyId: number;
  assignedAt: LocalDate;
  dueDate: LocalDate | null;
  effectiveDueDate: LocalDate | null;
  dueText: string | null;
  origin: TaskOrigin;
  status: TaskStatus;
  progress: number;
  completedAt: LocalDate | null;
  submittedAt: LocalDate | null;
  resultDocument: string | null;
  note: string | null;
  searchText: string;
  createdById: number | null;
}

/**
 * The submission date a task keeps in its status: a submitted one its own, a done one its own or
 * else its completion date (it was issued without passing through submitted), any other none.
 */
export function submittedAtOf(status: TaskStatus, submittedAt: LocalDate | null, completedAt: LocalDate | null): LocalDate | null {
  if (status === TaskStatus.Submitted) return submittedAt;
  if (status === TaskStatus.Done) return submittedAt ?? completedAt;
  return null;
}

/**
 * Every new tasks row is built here (TasksService.createMany, TaskImportWriter, the demo seed, the
 * bench loader): the effective due date through the working calendar (weekends and holidays), the
 * done-state columns (progress 100 and a completion date only when done, the submission date) and
 * the folded search text (the day the reminder scan starts reading it is the database's: task-reminder-days.ts), so no writer can forget one of them.
 */
export function buildTaskRow(input: NewTaskFields, calendar: { effectiveDueDate(due: LocalDate | null): LocalDate | null }): NewTaskRow {
  const status = input.status ?? TaskStatus.New;
  const completedAt = status === TaskStatus.Done ? (input.completedAt ?? null) : null;
  const effectiveDueDate = calendar.effectiveDueDate(input.dueDate);
  const fields = {
    programId: input.programId,
    code: input.code,
    title: input.title,
    description: input.description ?? null,
    kind: input.kind,
    sourceDocument: input.sourceDocument ?? null,
    outputForm: input.outputForm ?? null,
    submitTo: input.submitTo ?? null,
    leaderInCharge: input.leaderInCharge ?? null,
    leadAgencyId: input.leadAgencyId,
    assignedAt: input.assignedAt,
    dueDate: input.dueDate,
    effectiveDueDate,
    dueText: input.dueText ?? null,
    origin: input.origin,
    status,
    progress: status === TaskStatus.Done ? 100 : (input.progress ?? 0),
    completedAt,
    submittedAt: submittedAtOf(status, input.submittedAt ?? null, input.completedAt ?? null),
    resultDocument: input.resultDocument ?? null,
    note: input.note ?? null,
    createdById: input.createdById ?? null,
  };
  return { ...fields, searchText: taskSearchText(fields) };
}
