/**
 * The benchmark's data: one province-year of tasks, generated deterministically from a seed.
 *
 * Every task is a pure function of (seed, index), so the same options give the same rows on
 * SQLite and PostgreSQL, in any batch size, and a million tasks are generated one at a time
 * without holding them in memory. The mix follows the seed reports: most of the year's past-due
 * tasks done (mostly on time), a tail of overdue open ones, a few withdrawn or deferred, recurring
 * tasks without a due date, and a third of the tasks coordinated by other agencies.
 */
import { AgencyKind } from 'src/modules/agencies/agency.enums';
import {
  addDays,
  diffDays,
  formatVietnameseDate,
  lastDayOfMonth,
  LocalDate,
  makeLocalDate,
} from 'src/core/time/local-date';
import { WorkingCalendar } from 'src/modules/calendar/working-calendar';
import { ProgramPeriod } from 'src/modules/programs/program.enums';
import { TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { AGENCIES } from '../../seeds/data/agencies.data';
import { Rng } from '../../seeds/data/demo-tasks.data';

export interface DatasetSpec {
  tasks: number;
  agencies: number;
  year: number;
  seed: number;
}

export const DEFAULT_SPEC: DatasetSpec = { tasks: 100_000, agencies: 60, year: 2026, seed: 20_261_203 };

/** The day the data is "as of": statuses are drawn relative to it (a Monday in October). */
export function referenceDay(spec: Pick<DatasetSpec, 'year'>): LocalDate {
  return makeLocalDate(spec.year, 10, 19);
}

export interface BenchAgency {
  id: number;
  code: string;
  name: string;
  kind: AgencyKind;
  aliases: string[];
  emails: string[];
}

export interface BenchProgram {
  id: number;
  code: string;
  title: string;
  year: number;
  period: ProgramPeriod;
  periodNumber: number | null;
  issuingDocument: string;
  issuedAt: LocalDate;
}

export interface BenchTask {
  id: number;
  programId: number | null;
  code: string | null;
  title: string;
  kind: TaskKind;
  sourceDocument: string;
  outputForm: string | null;
  submitTo: string | null;
  leaderInCharge: string;
  leadAgencyId: number;
  coordinatingAgencyIds: number[];
  assignedAt: LocalDate;
  dueDate: LocalDate | null;
  effectiveDueDate: LocalDate | null;
  dueText: string;
  origin: TaskOrigin;
  status: TaskStatus;
  progress: number;
  completedAt: LocalDate | null;
  resultDocument: string | null;
  note: string | null;
}

// Communes and wards: after 2025 the local level below the province (names as the 2025 lists give them).
const COMMUNES = [
  'phường Đồng Xoài',
  'phường Bình Phước',
  'phường Phước Long',
  'phường Bình Long',
  'phường Chơn Thành',
  'xã Đồng Phú',
  'xã Bù Đăng',
  'xã Lộc Ninh',
  'xã Hớn Quản',
  'xã Bù Gia Mập',
  'xã Phú Riềng',
  'xã Bù Đốp',
  'xã Tân Lợi',
  'xã Thiện Hưng',
  'xã Đak Ơ',
  'xã Lộc Thành',
  'xã Minh Hưng',
  'xã Nha Bích',
  'xã Tân Tiến',
];

/** The seed's active agencies first, then communes until `count` (ids 1…count). */
export function benchAgencies(count: number): BenchAgency[] {
  const active = AGENCIES.filter((a) => !a.validTo);
  const out: BenchAgency[] = active.slice(0, count).map((a, i) => ({
    id: i + 1,
    code: a.code,
    name: a.name,
    kind: a.kind,
    aliases: a.aliases,
    emails: a.emails.length ? a.emails : [`vanthu.${a.code.toLowerCase()}@nhiemvu.example`],
  }));
  for (let i = 0; out.length < count; i++) {
    const place =
      COMMUNES[i % COMMUNES.length] + (i >= COMMUNES.length ? ` ${Math.floor(i / COMMUNES.length) + 1}` : '');
    const code = `UBND-X${String(i + 1).padStart(2, '0')}`;
    out.push({
      id: out.length + 1,
      code,
      name: `UBND ${place}`,
      kind: AgencyKind.District,
      aliases: [],
      emails: [`vanthu.${code.toLowerCase()}@nhiemvu.example`],
    });
  }
  return out;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

/** The year's program and its four quarterly programs (ids 1…5). */
export function benchPrograms(spec: Pick<DatasetSpec, 'year'>): BenchProgram[] {
  const y = spec.year;
  const year: BenchProgram = {
    id: 1,
    code: `CTCT-${y}`,
    title: `Chương trình công tác năm ${y} của UBND tỉnh`,
    year: y,
    period: ProgramPeriod.Year,
    periodNumber: null,
    issuingDocument: `Quyết định số 45/QĐ-UBND ngày 08/01/${y} của UBND tỉnh`,
    issuedAt: makeLocalDate(y, 1, 8),
  };
  const quarters = [1, 2, 3, 4].map((q) => ({
    id: q + 1,
    code: `CTCT-${y}-Q${q}`,
    title: `Chương trình công tác quý ${ROMAN[q - 1]} năm ${y} của UBND tỉnh`,
    year: y,
    period: ProgramPeriod.Quarter,
    periodNumber: q,
    issuingDocument: `Quyết định số ${100 + q * 250}/QĐ-UBND của UBND tỉnh`,
    issuedAt: quarterStart(y, q),
  }));
  return [year, ...quarters];
}

function quarterStart(year: number, q: number): LocalDate {
  return makeLocalDate(year, q * 3 - 2, 2);
}

const VERBS = [
  'Xây dựng Kế hoạch triển khai',
  'Tổ chức thực hiện',
  'Tham mưu UBND tỉnh ban hành',
  'Rà soát, đánh giá',
  'Báo cáo kết quả thực hiện',
  'Đẩy mạnh',
  'Kiểm tra, đôn đốc việc thực hiện',
  'Hoàn thiện hồ sơ',
  'Tổng kết, đánh giá',
  'Triển khai các giải pháp',
];
// "chuyển đổi số" is one of 24 topics: the search scenario looks for it without diacritics.
const TOPICS = [
  'chuyển đổi số trong cơ quan nhà nước',
  'cải cách hành chính',
  'giải ngân vốn đầu tư công',
  'thu ngân sách nhà nước',
  'phòng, chống dịch bệnh trên cây trồng, vật nuôi',
  'xây dựng nông thôn mới',
  'phát triển du lịch',
  'quản lý đất đai và tài nguyên khoáng sản',
  'bảo vệ môi trường',
  'phòng cháy, chữa cháy rừng mùa khô',
  'an toàn giao thông',
  'giảm nghèo bền vững',
  'bảo hiểm xã hội, bảo hiểm y tế',
  'chất lượng giáo dục phổ thông',
  'y tế cơ sở',
  'thu hút đầu tư vào các khu công nghiệp',
  'quy hoạch tỉnh',
  'sắp xếp tổ chức bộ máy',
  'phòng, chống tham nhũng, lãng phí',
  'xử lý nợ đọng thuế',
  'hỗ trợ doanh nghiệp nhỏ và vừa',
  'an ninh trật tự',
  'văn hóa, thể thao cơ sở',
  'quản lý thị trường',
];
const SCOPES = [
  'trên địa bàn tỉnh',
  'năm {y}',
  'giai đoạn 2026 – 2030',
  'theo chỉ đạo của Chính phủ',
  'tại các xã, phường',
  '6 tháng cuối năm {y}',
];
const SOURCES = [
  'Nghị quyết số 01/NQ-CP ngày 08/01/{y} của Chính phủ',
  'Nghị quyết số 02/NQ-CP ngày 08/01/{y} của Chính phủ',
  'Kết luận số 12-KL/TU ngày 15/01/{y} của Ban Thường vụ Tỉnh ủy',
  'Thông báo số 35/TB-UBND ngày 20/02/{y} của UBND tỉnh',
  'Công văn số 1180/UBND-TH ngày 12/4/{y} của UBND tỉnh',
  'Nghị quyết số 15/NQ-HĐND ngày 10/7/{y} của HĐND tỉnh',
  'Chỉ thị số 05/CT-TTg ngày 03/3/{y} của Thủ tướng Chính phủ',
];
const OUTPUT_FORMS = ['Quyết định', 'Tờ trình', 'Báo cáo', 'Kế hoạch', 'Nghị quyết'];
const SUBMIT_TO = ['UBND tỉnh', 'Chủ tịch UBND tỉnh', 'HĐND tỉnh', 'Tỉnh ủy'];
const LEADERS = [
  'Chủ tịch UBND tỉnh',
  'Phó Chủ tịch Thường trực UBND tỉnh Đặng Quốc Bảo',
  'Phó Chủ tịch UBND tỉnh Lê Hoàng Việt',
  'Phó Chủ tịch UBND tỉnh Nguyễn Thị Bích Ngọc',
];
const NOTES = [
  'Đang xin ý kiến các sở, ngành',
  'Đã hoàn thành dự thảo, đang lấy ý kiến góp ý',
  'Đang tổng hợp số liệu',
  'Chờ ý kiến của Bộ, ngành trung ương',
];

/**
 * Where task `index` belongs, by `index % 20`: 0–3 the year's program, 4–7 the quarter programs
 * (one each), 8–19 stand-alone assignments. `ordinal` numbers the program's items.
 */
function placement(index: number): { programId: number | null; ordinal: number } {
  const slot = index % 20;
  const round = Math.floor(index / 20);
  if (slot < 4) return { programId: 1, ordinal: round * 4 + slot };
  if (slot < 8) return { programId: slot - 2, ordinal: round };
  return { programId: null, ordinal: round * 12 + slot - 8 };
}

/** Departments lead three times as often as others; districts and communes twice. */
function leadWeights(agencies: BenchAgency[]): number[] {
  const cumulative: number[] = [];
  let sum = 0;
  for (const a of agencies) {
    sum += a.kind === AgencyKind.Department ? 3 : a.kind === AgencyKind.District ? 2 : 1;
    cumulative.push(sum);
  }
  return cumulative;
}

function pickWeighted(cumulative: number[], r: number): number {
  const target = r * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The deadline phrase a program would write for a date: quarter and month ends as words. */
export function dueTextFor(due: LocalDate): string {
  const [y, m, d] = due.split('-').map(Number);
  if (d === Number(lastDayOfMonth(y, m).slice(8))) {
    if (m % 3 === 0) return `Quý ${ROMAN[m / 3 - 1]}/${y}`;
    return `tháng ${m}/${y}`;
  }
  return formatVietnameseDate(due);
}

export class TaskGenerator {
  readonly agencies: BenchAgency[];
  readonly programs: BenchProgram[];
  readonly today: LocalDate;
  private readonly weights: number[];

  constructor(
    readonly spec: DatasetSpec,
    readonly calendar: WorkingCalendar,
  ) {
    this.agencies = benchAgencies(spec.agencies);
    this.programs = benchPrograms(spec);
    this.today = referenceDay(spec);
    this.weights = leadWeights(this.agencies);
  }

  /** Task number `index` (0-based; its id is index + 1). */
  task(index: number): BenchTask {
    const y = this.spec.year;
    const r = new Rng((this.spec.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const { programId, ordinal } = placement(index);
    const program = programId ? this.programs[programId - 1] : null;
    const lead = this.agencies[pickWeighted(this.weights, r.float())];
    const coordinating = new Set<number>();
    const wanted = r.chance(0.35) ? r.int(1, 3) : 0;
    while (coordinating.size < wanted) {
      const a = this.agencies[r.int(0, this.agencies.length - 1)];
      if (a.id !== lead.id) coordinating.add(a.id);
    }
    const kind = r.chance(program ? 0.4 : 0.1) ? TaskKind.Proposal : TaskKind.Task;
    const yearEnd = makeLocalDate(y, 12, 31);

    // Assigned by the reference day; due within the year (or recurring, without a date).
    let assignedAt: LocalDate;
    let dueDate: LocalDate | null;
    if (program && program.period === ProgramPeriod.Quarter) {
      const q = program.id - 1;
      assignedAt = program.issuedAt > this.today ? this.today : program.issuedAt;
      const qEnd = lastDayOfMonth(y, q * 3);
      dueDate = r.chance(0.5) ? qEnd : addDays(assignedAt, r.int(10, diffDays(assignedAt, qEnd)));
    } else if (program) {
      assignedAt = program.issuedAt;
      const month = r.int(1, 12);
      dueDate = r.chance(0.6) ? lastDayOfMonth(y, month) : makeLocalDate(y, month, r.int(1, 28));
    } else {
      assignedAt = addDays(makeLocalDate(y, 1, 5), r.int(0, diffDays(makeLocalDate(y, 1, 5), this.today)));
      dueDate = addDays(assignedAt, r.int(10, 150));
      if (dueDate > yearEnd) dueDate = yearEnd;
    }
    if (r.chance(0.08)) dueDate = null;
    if (dueDate !== null && dueDate < assignedAt) dueDate = assignedAt;
    const effectiveDueDate = this.calendar.effectiveDueDate(dueDate);

    let status: TaskStatus;
    let completedAt: LocalDate | null = null;
    const open = () => (r.chance(0.3) ? TaskStatus.New : TaskStatus.InProgress);
    if (effectiveDueDate === null) {
      status = r.chance(0.2) ? TaskStatus.New : TaskStatus.InProgress;
    } else if (effectiveDueDate < this.today) {
      const x = r.float();
      if (x < 0.78) {
        status = TaskStatus.Done;
        const late = r.chance(0.15);
        completedAt = late
          ? addDays(effectiveDueDate, r.int(1, Math.max(1, Math.min(40, diffDays(effectiveDueDate, this.today)))))
          : addDays(assignedAt, r.int(0, Math.max(0, diffDays(assignedAt, effectiveDueDate))));
        if (completedAt > this.today) completedAt = this.today;
      } else if (x < 0.82) status = kind === TaskKind.Proposal ? TaskStatus.Submitted : TaskStatus.InProgress;
      else if (x < 0.85) status = TaskStatus.Withdrawn;
      else if (x < 0.88) status = TaskStatus.Deferred;
      else status = open();
    } else if (r.chance(0.2)) {
      status = TaskStatus.Done;
      completedAt = addDays(assignedAt, r.int(0, Math.max(0, diffDays(assignedAt, this.today))));
    } else status = open();

    const progress =
      status === TaskStatus.Done || status === TaskStatus.Submitted
        ? 100
        : status === TaskStatus.New
          ? 0
          : r.int(1, 9) * 10;
    const scope = r.pick(SCOPES).replace('{y}', String(y));
    const title = `${r.pick(VERBS)} ${r.pick(TOPICS)} ${scope}`;
    const sourceDocument = program ? program.issuingDocument : r.pick(SOURCES).replace('{y}', String(y));
    const number = 1000 + (index % 9000);
    const resultDocument =
      status === TaskStatus.Done && completedAt
        ? kind === TaskKind.Proposal
          ? `Quyết định số ${number}/QĐ-UBND ngày ${formatVietnameseDate(completedAt)}`
          : `Báo cáo số ${number}/BC-${lead.code} ngày ${formatVietnameseDate(completedAt)}`
        : null;
    return {
      id: index + 1,
      programId,
      code: program ? `${ROMAN[ordinal % 5]}.${Math.floor(ordinal / 5) + 1}` : null,
      title,
      kind,
      sourceDocument,
      outputForm: kind === TaskKind.Proposal ? r.pick(OUTPUT_FORMS) : null,
      submitTo: kind === TaskKind.Proposal ? r.pick(SUBMIT_TO) : null,
      leaderInCharge: r.pick(LEADERS),
      leadAgencyId: lead.id,
      coordinatingAgencyIds: [...coordinating].sort((a, b) => a - b),
      assignedAt,
      dueDate,
      effectiveDueDate,
      dueText: dueDate === null ? 'Thường xuyên' : dueTextFor(dueDate),
      origin: program && r.chance(0.85) ? TaskOrigin.Initial : TaskOrigin.Added,
      status,
      progress,
      completedAt,
      resultDocument,
      note: status === TaskStatus.InProgress ? r.pick(NOTES) : null,
    };
  }

  /** Tasks [from, to) in order. */
  *tasks(from = 0, to = this.spec.tasks): Generator<BenchTask> {
    for (let i = from; i < to; i++) yield this.task(i);
  }

  /** The whole year, as a report covers it. */
  get year(): { from: LocalDate; to: LocalDate } {
    return { from: makeLocalDate(this.spec.year, 1, 1), to: makeLocalDate(this.spec.year, 12, 31) };
  }
}
