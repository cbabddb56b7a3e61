import { formatVietnameseDate, LocalDate } from 'src/core/time/local-date';
import { Agency } from './agency.entity';

/**
 * Whether an agency may be given a task assigned on a day — one rule for the importer and for
 * POST/PATCH /api/tasks: it exists on that day (validFrom ≤ day ≤ validTo) and was not deactivated
 * without a date. So a past year can be entered with the agencies of that year, and an agency merged
 * before the day is refused with its successor named.
 */
export type AgencyDates = Pick<Agency, 'id' | 'code' | 'name' | 'active' | 'validFrom' | 'validTo' | 'successorId'>;

export function isAvailableOn(a: AgencyDates, date: LocalDate): boolean {
  if (a.validFrom && date < a.validFrom) return false;
  if (a.validTo && date > a.validTo) return false;
  return a.active || a.validTo !== null;
}

const label = (a: Pick<AgencyDates, 'name' | 'code'>) => `${a.name} (${a.code})`;

/**
 * Why `a` cannot take a task assigned on `date`, naming what to use instead (its successor on that
 * day, or the agencies it replaced); null when it can. `byId` finds successors; `all`, when given,
 * the predecessors of an agency that did not exist yet.
 */
export function unavailability(
  a: AgencyDates,
  date: LocalDate,
  byId: (id: number) => AgencyDates | undefined,
  all: AgencyDates[] = [],
): { message: string; instead: AgencyDates[] } | null {
  if (isAvailableOn(a, date)) return null;
  if (a.validFrom && date < a.validFrom) {
    const instead = all.filter((p) => p.successorId === a.id && isAvailableOn(p, date));
    return {
      message:
        `${a.name} chỉ hoạt động từ ngày ${formatVietnameseDate(a.validFrom)}, sau ngày giao nhiệm vụ ${formatVietnameseDate(date)}` +
        (instead.length ? `; vào ngày đó là: ${instead.map(label).join(', ')}` : ''),
      instead,
    };
  }
  let successor: AgencyDates | null = null;
  const seen = new Set<number>();
  let cur: AgencyDates | undefined = a;
  while (cur?.successorId && !seen.has(cur.id)) {
    seen.add(cur.id);
    cur = byId(cur.successorId);
    if (cur && isAvailableOn(cur, date)) {
      successor = cur;
      break;
    }
  }
  const since = a.validTo ? ` từ sau ngày ${formatVietnameseDate(a.validTo)}` : '';
  return {
    message: `${a.name} đã ngừng hoạt động${since}` + (successor ? `; cơ quan kế thừa: ${label(successor)}` : ''),
    instead: successor ? [successor] : [],
  };
}
