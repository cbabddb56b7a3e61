import { HttpStatus } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from 'src/core/http/domain-error';
import { LocalDate } from 'src/core/time/local-date';
import { AgencyState } from 'src/modules/agencies/agencies.service';
import { unavailability } from 'src/modules/agencies/agency-availability';
import { NewTaskInput } from './task-row';
import { FieldProblem } from './task-transitions';
import { Task } from './task.entity';

/**
 * The checks a new task and a change share (POST, PATCH, bulk, requests' approval): agencies that
 * may take the task, a free (program, code), and how field problems become one error.
 */

/** Field problems as one 400 (or `status`): a single problem's message stands alone, several are listed. */
export function invalid(problems: FieldProblem[], status: HttpStatus = HttpStatus.BAD_REQUEST): DomainError {
  const message = problems.length === 1 ? problems[0].message.replace(/^[\w.[\]]+: /, '') : 'Dữ liệu không hợp lệ';
  return new DomainError(message.charAt(0).toUpperCase() + message.slice(1), status, problems);
}

/**
 * The lead and coordinating agencies exist, differ, and those newly assigned (`mustBeActive`) exist
 * on the task's assignment date — the importer's rule (agency-availability.ts): a task of a past
 * year may name that year's agencies; an agency merged before the date is refused, its successor named.
 */
export function agencyProblems(
  leadAgencyId: number,
  coordinating: number[],
  agencies: Map<number, AgencyState>,
  mustBeActive: number[],
  assignedAt: LocalDate,
): FieldProblem[] {
  const why = (a: AgencyState) => unavailability(a, assignedAt, (id) => agencies.get(id))?.message ?? null;
  const problems: FieldProblem[] = [];
  const lead = agencies.get(leadAgencyId);
  if (!lead) {
    problems.push({
      field: 'leadAgencyId',
      message: `leadAgencyId: không tìm thấy cơ quan, đơn vị có mã định danh ${leadAgencyId}`,
    });
  } else if (mustBeActive.includes(leadAgencyId) && why(lead)) {
    problems.push({ field: 'leadAgencyId', message: `leadAgencyId: ${why(lead)}` });
  }
  const missing = coordinating.filter((id) => !agencies.has(id));
  if (missing.length) {
    problems.push({
      field: 'coordinatingAgencyIds',
      message: `coordinatingAgencyIds: không tìm thấy cơ quan, đơn vị có mã định danh ${missing.join(', ')}`,
    });
  }
  const closed = coordinating.filter((id) => agencies.has(id) && mustBeActive.includes(id) && why(agencies.get(id)!));
  if (closed.length) {
    problems.push({
      field: 'coordinatingAgencyIds',
      message: `coordinatingAgencyIds: ${closed.map((id) => why(agencies.get(id)!)).join('; ')}`,
    });
  }
  if (coordinating.includes(leadAgencyId)) {
    problems.push({
      field: 'coordinatingAgencyIds',
      message: 'coordinatingAgencyIds: cơ quan chủ trì không được đồng thời là cơ quan phối hợp',
    });
  }
  return problems;
}

/** (programId, code) is unique; say so as a 409 before the index does (`exceptTaskId`: the task being changed). */
export async function checkCodesFree(
  m: EntityManager,
  inputs: NewTaskInput[],
  prefix: (i: number) => string,
  exceptTaskId?: number,
): Promise<void> {
  const seen = new Map<string, number>();
  for (const [i, t] of inputs.entries()) {
    if (!t.programId || !t.code) continue;
    const key = `${t.programId}|${t.code}`;
    const clash = seen.has(key)
      ? true
      : await m
          .createQueryBuilder(Task, 't')
          .where('t.programId = :programId AND t.code = :code', { programId: t.programId, code: t.code })
          .andWhere(exceptTaskId ? 't.id <> :exceptTaskId' : '1=1', { exceptTaskId })
          .getExists();
    if (clash) {
      throw new DomainError(`Mã nhiệm vụ "${t.code}" đã tồn tại trong chương trình`, HttpStatus.CONFLICT, [
        {
          field: `${prefix(i)}code`,
          message: `${prefix(i)}code: mã "${t.code}" đã được dùng cho nhiệm vụ khác của chương trình`,
        },
      ]);
    }
    seen.set(key, i);
  }
}
