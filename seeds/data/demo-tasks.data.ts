import { AgencyKind } from '../../src/modules/agencies/agency.enums';
import { TaskKind, TaskOrigin, TaskStatus } from '../../src/modules/tasks/task.enums';
import { getAgency, resolveAgencyOn } from './agencies.data';
import {
  addDays,
  dayOfYear,
  diffDays,
  isIsoDate,
  lastDayOfMonth,
  lastDayOfQuarter,
  viDate,
  viMonth,
  viQuarter,
  ROMAN_QUARTERS,
  shiftYears,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  ymd,
} from './date-utils';
import { PROGRAM_2024, PROGRAM_2024_ADDED, ProgramItemSeed, ProgramSeed } from './program-2024.data';
import { PoolEntry, STANDALONE_2024_POOL } from './standalone-2024.pool';
import { DEMO_USERS, LEADER_IN_CHARGE } from './users.data';
import { BASE_YEAR, shiftText } from './year-shift';
import { TaskRequestType } from '../../src/modules/tasks/task-request.entity';
import { UserRole } from '../../src/modules/users/user-role.enum';

// The demo the seed runner inserts, as it stands on the day the demo is started (`today`), so
// that a newcomer's first screen looks like a live province:
//  (a) the program of today's year (CTCT-<year>): PROGRAM_2024 moved by whole years, its 2024
//      history with it,
//  (b) ~150 stand-alone assignments of the last twelve months (GV-<year>-…): the 2024 pool, each
//      entry moved by whole years to the last time its day of the year came round (seasons stay),
//  (c) ~25 current assignments placed relative to `today` (GV-CUR-…), so that dashboards and
//      reminders always have overdue and due-soon work to show,
//  (d) a few pending requests (gia hạn, xin chuyển) of agencies on their overdue work.
// Each task's history (when it was given, when it was or will be done, withdrawn, deferred) is
// fixed — hand-written for (a), drawn from a PRNG with a fixed seed for (b) — and then projected
// onto `today`: what had not happened yet by then is still open, and what would be overdue for
// more than MAX_OVERDUE_DAYS was, as in a real office, finished late. Same `today` ⇒ same output.

export interface DemoTaskSeed extends ProgramItemSeed {
  origin: TaskOrigin;
  assignedAt: string;
  status: TaskStatus;
  progress: number;
  completedAt: string | null;
  resultDocument: string | null;
  programCode: string | null;
}

export const DEMO_PRNG_SEED = 20240105;
const CURRENT_PRNG_SEED = 20250301;

/** mulberry32: a tiny deterministic PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from a seeded mulberry32 (also the benchmark's data, bench/lib/dataset.ts). */
export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

// --- Documents ---------------------------------------------------------------------------------

/** Rough yearly volume of each kind of document in a province (to give plausible numbers). */
const DOCS_PER_YEAR = {
  'QĐ-UBND': 2600,
  'QĐ-QPPL': 45,
  'KH-UBND': 420,
  'BC-UBND': 480,
  'TTr-UBND': 160,
  'NQ-HĐND': 55,
  'NQ-QPPL': 30,
  'TB-UBND': 520,
  'CV-UBND': 5200,
  'CT-UBND': 14,
  'KL-TU': 260,
  'TTr-BCSĐ': 90,
  'BC-AGENCY': 420,
} as const;
type DocType = keyof typeof DOCS_PER_YEAR;

/**
 * Hands out document numbers: plausible for the date (a document issued in October carries a
 * number about 10/12 of the yearly volume) and never the same number twice for one kind of document
 * of one issuer in one year. One registry per build, so the output stays deterministic.
 */
class DocNumbers {
  private readonly used = new Map<string, Set<number>>();

  /** Marks a number as taken (documents named literally in the data). */
  reserve(type: DocType, year: number, n: number, issuer = ''): void {
    this.taken(type, year, issuer).add(n);
  }

  /** A document number as written on the document: below 10 with a leading zero ("số 03/CT-UBND"). */
  next(type: DocType, date: string, rng: Rng, issuer = ''): string {
    const perYear = DOCS_PER_YEAR[type];
    const year = Number(date.slice(0, 4));
    const base = Math.floor(((dayOfYear(date) - 1) / 366) * perYear) + 1;
    const jitter = rng.int(0, Math.max(1, Math.round(perYear / 150)));
    // Tỉnh ủy numbers its conclusions over the whole term (2020-2025), not per year.
    const termOffset = type === 'KL-TU' ? 780 + (year - 2024) * perYear : 0;
    const taken = this.taken(type, type === 'KL-TU' ? 0 : year, issuer);
    let n = base + jitter + termOffset;
    while (taken.has(n)) n++;
    taken.add(n);
    return String(n).padStart(2, '0');
  }

  private taken(type: DocType, year: number, issuer: string): Set<number> {
    const key = `${type}|${issuer}|${year}`;
    let set = this.used.get(key);
    if (!set) this.used.set(key, (set = new Set()));
    return set;
  }
}

/** Desk of Văn phòng UBND tỉnh that handles an agency's field (ký hiệu of UBND công văn). */
type Desk = 'TH' | 'KT' | 'KGVX' | 'NC';
const DESK: Record<string, Desk> = {
  VPUBND: 'TH',
  STC: 'KT',
  SKHDT: 'KT',
  STNMT: 'KT',
  SNNPTNT: 'KT',
  SNNMT: 'KT',
  SGTVT: 'KT',
  SXD: 'KT',
  SCT: 'KT',
  BQLKKT: 'KT',
  CTT: 'KT',
  KBNN: 'KT',
  NHNN: 'KT',
  BQLDA: 'KT',
  QLTT: 'KT',
  SYT: 'KGVX',
  SGDDT: 'KGVX',
  SVHTTDL: 'KGVX',
  SLDTBXH: 'KGVX',
  STTTT: 'KGVX',
  SKHCN: 'KGVX',
  BDT: 'KGVX',
  DPTTH: 'KGVX',
  BHXH: 'KGVX',
  CTK: 'KGVX',
  SNV: 'NC',
  STP: 'NC',
  TTT: 'NC',
  CAT: 'NC',
  BCHQS: 'NC',
  BCHBDBP: 'NC',
  SNGV: 'NC',
  MTTQ: 'NC',
};
const deskOf = (code: string): Desk => DESK[code] ?? 'TH';

const LEADER_BY_DESK: Record<Desk, string> = {
  TH: LEADER_IN_CHARGE.CHAIRMAN,
  KT: LEADER_IN_CHARGE.ECONOMY_VICE,
  KGVX: LEADER_IN_CHARGE.SOCIAL_VICE,
  NC: LEADER_IN_CHARGE.STANDING_VICE,
};

/** Ký hiệu an agency puts on its own documents (BC-STC, BC-SKHĐT …). */
const AGENCY_SYMBOL: Record<string, string> = {
  VPUBND: 'VP',
  SKHDT: 'SKHĐT',
  SNNPTNT: 'SNN',
  SLDTBXH: 'SLĐTBXH',
  SGDDT: 'SGDĐT',
  SNGV: 'SNgV',
  TTT: 'TTr',
  CTT: 'CTBPH',
  BCHQS: 'BCH',
  BCHBDBP: 'BCH-BP',
  KBNN: 'KBBP',
  NHNN: 'BPH',
  DPTTH: 'ĐPTTH',
};

function agencyReport(leadCode: string, at: string, rng: Rng, docs: DocNumbers): string {
  const agency = getAgency(leadCode);
  const n = docs.next('BC-AGENCY', at, rng, leadCode);
  if (agency.kind === AgencyKind.District) return `Báo cáo số ${n}/BC-UBND ngày ${viDate(at)} của ${agency.name}`;
  return `Báo cáo số ${n}/BC-${AGENCY_SYMBOL[leadCode] ?? leadCode} ngày ${viDate(at)}`;
}

const QPPL_TITLE = /quy định|quy chế quản lý|bảng giá/i;

/** The document a done proposal produced, by its form and the body it went to. */
function proposalResult(item: ProgramItemSeed, at: string, rng: Rng, docs: DocNumbers): string {
  const date = viDate(at);
  const year = at.slice(0, 4);
  const qppl = QPPL_TITLE.test(item.title);
  switch (item.outputForm) {
    case 'Nghị quyết':
      return qppl
        ? `Nghị quyết số ${docs.next('NQ-QPPL', at, rng)}/${year}/NQ-HĐND ngày ${date} của HĐND tỉnh`
        : `Nghị quyết số ${docs.next('NQ-HĐND', at, rng)}/NQ-HĐND ngày ${date} của HĐND tỉnh`;
    case 'Kế hoạch':
      return `Kế hoạch số ${docs.next('KH-UBND', at, rng)}/KH-UBND ngày ${date} của UBND tỉnh`;
    case 'Báo cáo':
      return `Báo cáo số ${docs.next('BC-UBND', at, rng)}/BC-UBND ngày ${date} của UBND tỉnh`;
    case 'Tờ trình':
      return item.submitTo === 'Tỉnh ủy'
        ? `Tờ trình số ${docs.next('TTr-BCSĐ', at, rng)}-TTr/BCSĐ ngày ${date} của Ban Cán sự đảng UBND tỉnh`
        : `Tờ trình số ${docs.next('TTr-UBND', at, rng)}/TTr-UBND ngày ${date} của UBND tỉnh`;
    case 'Đề án':
      if (item.submitTo === 'Tỉnh ủy')
        return `Kết luận số ${docs.next('KL-TU', at, rng)}-KL/TU ngày ${date} của Ban Thường vụ Tỉnh ủy`;
      if (item.submitTo === 'HĐND tỉnh')
        return `Nghị quyết số ${docs.next('NQ-HĐND', at, rng)}/NQ-HĐND ngày ${date} của HĐND tỉnh`;
      return `Quyết định số ${docs.next('QĐ-UBND', at, rng)}/QĐ-UBND ngày ${date} của UBND tỉnh`;
    case 'Quyết định':
    default:
      return qppl
        ? `Quyết định số ${docs.next('QĐ-QPPL', at, rng)}/${year}/QĐ-UBND ngày ${date} của UBND tỉnh`
        : `Quyết định số ${docs.next('QĐ-UBND', at, rng)}/QĐ-UBND ngày ${date} của UBND tỉnh`;
  }
}

function resultDocumentFor(item: ProgramItemSeed, leadCode: string, at: string, rng: Rng, docs: DocNumbers): string {
  return item.kind === TaskKind.Proposal ? proposalResult(item, at, rng, docs) : agencyReport(leadCode, at, rng, docs);
}

/** A provincial assigning document (văn bản giao nhiệm vụ) dated `date`. */
function assigningDocument(leadCode: string, date: string, rng: Rng, docs: DocNumbers): string {
  const r = rng.float();
  const vi = viDate(date);
  if (r < 0.45) return `Công văn số ${docs.next('CV-UBND', date, rng)}/UBND-${deskOf(leadCode)} ngày ${vi} của UBND tỉnh`;
  if (r < 0.72) return `Thông báo số ${docs.next('TB-UBND', date, rng)}/TB-UBND ngày ${vi} của UBND tỉnh`;
  if (r < 0.84) return `Kế hoạch số ${docs.next('KH-UBND', date, rng)}/KH-UBND ngày ${vi} của UBND tỉnh`;
  if (r < 0.95) return `Kết luận số ${docs.next('KL-TU', date, rng)}-KL/TU ngày ${vi} của Ban Thường vụ Tỉnh ủy`;
  return `Chỉ thị số ${docs.next('CT-UBND', date, rng)}/CT-UBND ngày ${vi} của UBND tỉnh`;
}

/** The Government's first resolutions of the year (dated 05/01/2024 in the base year). */
const FIXED_SOURCES: Record<NonNullable<PoolEntry['source']>, { number: string; date: string }> = {
  NQ01: { number: '01/NQ-CP', date: '2024-01-05' },
  NQ02: { number: '02/NQ-CP', date: '2024-01-05' },
};

/** Open work overdue for longer than this was finished (late) before the demo's day. */
export const MAX_OVERDUE_DAYS = 56;

// --- History and projection ---------------------------------------------------------------------

/** What happens to a task, independently of the day the demo is looked at. */
type Outcome =
  | { kind: 'done'; at: string; resultDocument: string }
  | { kind: 'submitted'; at: string }
  | { kind: 'open'; status: TaskStatus.New | TaskStatus.InProgress; progress: number }
  | { kind: 'recurring'; progress: number }
  | { kind: 'withdrawn' | 'deferred'; at: string; progress: number };

type TaskBase = Omit<DemoTaskSeed, 'status' | 'progress' | 'completedAt' | 'resultDocument'>;

interface Plan {
  task: TaskBase;
  outcome: Outcome;
}

const OPEN = new Set<TaskStatus>([TaskStatus.New, TaskStatus.InProgress, TaskStatus.Submitted]);

/** Progress of a task that is under way on `today` and ends on `end`. */
function progressTowards(assignedAt: string, end: string, today: string): number {
  const total = Math.max(1, diffDays(assignedAt, end));
  const share = Math.min(0.9, Math.max(0.1, diffDays(assignedAt, today) / total));
  return Math.round(share * 10) * 10;
}

/** A number from a task's code, to vary the settling of long-overdue tasks deterministically. */
function codeHash(code: string): number {
  let h = 7;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/**
 * The task as it stands on `today`, or null if it had not been given yet. `settle` writes the
 * result document of a task that was overdue too long and has been finished late.
 */
function project(plan: Plan, today: string, settle: (task: TaskBase, at: string) => string): DemoTaskSeed | null {
  const { task } = plan;
  let { outcome } = plan;
  if (task.assignedAt > today) return null;
  if (task.dueDate !== null && outcome.kind !== 'recurring') {
    const due = workingDayOnOrAfter(task.dueDate);
    const ends = outcome.kind === 'open' ? null : outcome.at;
    if (diffDays(due, today) > MAX_OVERDUE_DAYS && (ends === null || ends > today || outcome.kind === 'submitted')) {
      const at = workingDayOnOrBefore(addDays(due, 10 + (codeHash(task.code) % 35)));
      outcome = { kind: 'done', at, resultDocument: settle(task, at) };
    }
  }

  let status!: TaskStatus;
  let progress!: number;
  let completedAt: string | null = null;
  let resultDocument: string | null = null;

  const underWay = (end: string): void => {
    const fresh = diffDays(task.assignedAt, today) < 5;
    status = fresh ? TaskStatus.New : TaskStatus.InProgress;
    progress = fresh ? 0 : progressTowards(task.assignedAt, end, today);
  };

  switch (outcome.kind) {
    case 'done':
      if (outcome.at <= today) {
        status = TaskStatus.Done;
        progress = 100;
        completedAt = outcome.at;
        resultDocument = outcome.resultDocument;
      } else underWay(outcome.at);
      break;
    case 'submitted':
      if (outcome.at <= today) {
        status = TaskStatus.Submitted;
        progress = 90;
      } else underWay(outcome.at);
      break;
    case 'withdrawn':
    case 'deferred':
      if (outcome.at <= today) {
        status = outcome.kind === 'withdrawn' ? TaskStatus.Withdrawn : TaskStatus.Deferred;
        progress = outcome.progress;
      } else underWay(outcome.at);
      break;
    case 'open':
      status = outcome.status;
      progress = outcome.status === TaskStatus.New ? 0 : outcome.progress;
      break;
    case 'recurring':
      status = TaskStatus.InProgress;
      progress = outcome.progress;
      break;
  }

  const result: DemoTaskSeed = { ...task, status, progress, completedAt, resultDocument };
  // A task belongs to whoever held the lead agency's work when it was settled, or today for open
  // ones (2025 mergers).
  const holderDay = OPEN.has(status) ? today : (completedAt ?? (outcome.kind === 'withdrawn' || outcome.kind === 'deferred' ? outcome.at : today));
  result.leadAgencyCode = resolveAgencyOn(task.leadAgencyCode, holderDay);
  result.coordinatingAgencyCodes = resolveCoordinators(task.coordinatingAgencyCodes, result.leadAgencyCode, holderDay);
  return result;
}

function resolveCoordinators(codes: string[], leadCode: string, date: string): string[] {
  const out: string[] = [];
  for (const code of codes) {
    const resolved = resolveAgencyOn(code, date);
    if (resolved !== leadCode && !out.includes(resolved)) out.push(resolved);
  }
  return out;
}

// --- (a) Program items ------------------------------------------------------------------------------

type ProgramFate =
  | { kind: 'done'; at: string }
  | { kind: 'submitted'; at: string }
  | { kind: 'open'; progress: number }
  | { kind: 'recurring'; progress: number }
  | { kind: 'withdrawn' | 'deferred'; at: string; progress: number };

/**
 * What became of each program item in 2024 (and early 2025). Late ones: B.2.2, B.3, B.15, B.17,
 * B.21, B.26, B.27, B.35. Open and overdue: B.6, B.24 (đã trình, chưa ban hành), B.29, B.44.
 */
const PROGRAM_FATES: Record<string, ProgramFate> = {
  'B.1': { kind: 'recurring', progress: 60 },
  'B.2': { kind: 'done', at: '2024-03-15' },
  'B.2.1': { kind: 'done', at: '2024-03-08' },
  'B.2.2': { kind: 'done', at: '2025-01-20' },
  'B.2.3': { kind: 'done', at: '2024-06-14' },
  'B.2.4': { kind: 'recurring', progress: 50 },
  'B.3': { kind: 'done', at: '2024-08-14' },
  'B.4': { kind: 'done', at: '2024-03-20' },
  'B.5': { kind: 'recurring', progress: 50 },
  'B.6': { kind: 'open', progress: 70 },
  'B.7': { kind: 'recurring', progress: 60 },
  'B.8': { kind: 'done', at: '2024-01-16' },
  'B.9': { kind: 'recurring', progress: 50 },
  'B.10': { kind: 'recurring', progress: 50 },
  'B.11': { kind: 'done', at: '2024-12-11' },
  'B.12': { kind: 'done', at: '2024-12-11' },
  'B.13': { kind: 'done', at: '2024-12-11' },
  'B.14': { kind: 'done', at: '2024-06-28' },
  'B.15': { kind: 'done', at: '2024-09-20' },
  'B.16': { kind: 'done', at: '2024-08-28' },
  'B.17': { kind: 'done', at: '2024-10-25' },
  'B.18': { kind: 'deferred', at: '2024-09-16', progress: 40 },
  'B.19': { kind: 'done', at: '2024-11-22' },
  'B.20': { kind: 'done', at: '2024-06-20' },
  'B.21': { kind: 'done', at: '2024-11-04' },
  'B.22': { kind: 'done', at: '2024-07-12' },
  'B.23': { kind: 'withdrawn', at: '2024-05-15', progress: 20 },
  'B.24': { kind: 'submitted', at: '2024-12-20' },
  'B.25': { kind: 'done', at: '2024-03-12' },
  'B.26': { kind: 'done', at: '2025-02-14' },
  'B.27': { kind: 'done', at: '2025-01-16' },
  'B.28': { kind: 'done', at: '2024-06-21' },
  'B.29': { kind: 'open', progress: 60 },
  'B.30': { kind: 'done', at: '2024-09-27' },
  'B.31': { kind: 'done', at: '2024-12-20' },
  'B.32': { kind: 'done', at: '2024-12-11' },
  'B.33': { kind: 'done', at: '2024-06-14' },
  'B.34': { kind: 'done', at: '2024-12-23' },
  'B.35': { kind: 'done', at: '2024-08-09' },
  'B.36': { kind: 'deferred', at: '2024-09-10', progress: 30 },
  'B.37': { kind: 'done', at: '2024-03-22' },
  'B.38': { kind: 'done', at: '2024-04-12' },
  'B.39': { kind: 'done', at: '2024-09-18' },
  'B.40': { kind: 'withdrawn', at: '2024-10-21', progress: 10 },
  'B.41': { kind: 'done', at: '2024-02-23' },
  'B.42': { kind: 'done', at: '2024-11-20' },
  'B.43': { kind: 'done', at: '2024-05-31' },
  'B.44': { kind: 'open', progress: 50 },
  'B.45': { kind: 'done', at: '2024-12-16' },
};

/** The demo program of `year`: PROGRAM_2024 moved by whole years, and the days its added items were given. */
export interface DemoProgram extends ProgramSeed {
  added: Readonly<Record<string, string>>;
}

/** A text's date moved with it: the shifted text names the (working) day the event now falls on. */
function redate(text: string, years: number, from: string, to: string): string {
  return shiftText(text, years).replace(viDate(shiftYears(from, years)), viDate(to));
}

export function demoProgram(year: number): DemoProgram {
  const k = year - PROGRAM_2024.year;
  const issuedAt = workingDayOnOrBefore(shiftYears(PROGRAM_2024.issuedAt, k));
  const added: Record<string, string> = {};
  for (const [code, day] of Object.entries(PROGRAM_2024_ADDED)) added[code] = workingDayOnOrAfter(shiftYears(day, k));
  return {
    code: `CTCT-${year}`,
    title: shiftText(PROGRAM_2024.title, k),
    year,
    period: PROGRAM_2024.period,
    issuingDocument: redate(PROGRAM_2024.issuingDocument, k, PROGRAM_2024.issuedAt, issuedAt),
    issuedAt,
    added,
    items: PROGRAM_2024.items.map((item) => {
      const moved: ProgramItemSeed = {
        ...item,
        title: shiftText(item.title, k),
        coordinatingAgencyCodes: [...item.coordinatingAgencyCodes],
        dueText: item.dueText === null ? null : shiftText(item.dueText, k),
        dueDate: item.dueDate === null ? null : shiftYears(item.dueDate, k),
      };
      if (item.description !== undefined) moved.description = shiftText(item.description, k);
      if (item.sourceDocument !== undefined) {
        const day = PROGRAM_2024_ADDED[item.code];
        moved.sourceDocument = day ? redate(item.sourceDocument, k, day, added[item.code]) : shiftText(item.sourceDocument, k);
      }
      return moved;
    }),
  };
}

function programPlans(program: DemoProgram, rng: Rng, docs: DocNumbers): Plan[] {
  const k = program.year - PROGRAM_2024.year;
  return program.items.map((item) => {
    const fate = PROGRAM_FATES[item.code];
    if (!fate) throw new Error(`No 2024 history for program item ${item.code}`);
    const added = program.added[item.code];
    const assignedAt = added ?? program.issuedAt;
    const lead = resolveAgencyOn(item.leadAgencyCode, assignedAt);
    const task: TaskBase = {
      ...item,
      leadAgencyCode: lead,
      coordinatingAgencyCodes: resolveCoordinators(item.coordinatingAgencyCodes, lead, assignedAt),
      sourceDocument: item.sourceDocument ?? program.issuingDocument,
      origin: added ? TaskOrigin.Added : TaskOrigin.Initial,
      assignedAt,
      programCode: program.code,
    };
    // The day of the fate, moved with the program, on a working day after the task was given.
    const moved = (at: string): string => {
      const day = workingDayOnOrBefore(shiftYears(at, k));
      return day > assignedAt ? day : workingDayOnOrAfter(addDays(assignedAt, 1));
    };
    let outcome: Outcome;
    switch (fate.kind) {
      case 'done': {
        const at = moved(fate.at);
        const holder = resolveAgencyOn(lead, at);
        outcome = { kind: 'done', at, resultDocument: resultDocumentFor(item, holder, at, rng, docs) };
        break;
      }
      case 'open':
        outcome = { kind: 'open', status: TaskStatus.InProgress, progress: fate.progress };
        break;
      case 'recurring':
        outcome = fate;
        break;
      default:
        outcome = { ...fate, at: moved(fate.at) };
    }
    return { task, outcome };
  });
}

// --- (b) Stand-alone 2024 assignments ---------------------------------------------------------------

type StandaloneFate = 'onTime' | 'late' | 'overdue' | 'withdrawn' | 'deferred';

/** Shares of the 150 stand-alone tasks (the recurring ones are the rest). */
const STANDALONE_MIX = { late: 15, overdue: 15, withdrawn: 4, deferred: 3 } as const;

function drawDue(
  assignedAt: string,
  span: [number, number],
  cap: string | null,
  rng: Rng,
  /** The year the assignment was given (for "6 tháng đầu năm …", "cuối năm …"). */
  given: number,
): { dueText: string; dueDate: string } {
  let target = workingDayOnOrAfter(addDays(assignedAt, rng.int(span[0], span[1])));
  if (cap && target > cap) target = workingDayOnOrBefore(cap);
  const style = rng.float();
  const withBefore = rng.float() < 0.7;
  const exact = { dueText: withBefore ? `trước ngày ${viDate(target)}` : viDate(target), dueDate: target };
  const year = Number(target.slice(0, 4));
  const month = Number(target.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  let due: { dueText: string; dueDate: string };
  if (style < 0.5) due = exact;
  else if (style < 0.78) due = { dueText: viMonth(year, month), dueDate: lastDayOfMonth(year, month) };
  else if (style < 0.92) due = { dueText: viQuarter(year, quarter), dueDate: lastDayOfQuarter(year, quarter) };
  else if (year === given && month <= 6) due = { dueText: `6 tháng đầu năm ${given}`, dueDate: ymd(given, 6, 30) };
  else if (year === given) {
    due = { dueText: style < 0.96 ? `cuối năm ${given}` : `6 tháng cuối năm ${given}`, dueDate: ymd(given, 12, 31) };
  } else due = exact;
  // A phrase must not reach past the day the lead agency closes.
  return cap && due.dueDate > cap ? exact : due;
}

function standalonePlans(today: string, rng: Rng, docs: DocNumbers): Plan[] {
  const thisYear = Number(today.slice(0, 4));
  /** This year's date if that day (as a working day) has come, else last year's. */
  const lastTimeRound = (day: (year: number) => string): string => {
    const now = day(thisYear);
    return now <= today ? now : day(thisYear - 1);
  };
  const pool = STANDALONE_2024_POOL;
  // Outcomes: open/withdrawn/deferred only for tasks not tied to a season (an open "Tết 2024" task
  // would look absurd); on time / late for the rest.
  const dated = pool.map((_, i) => i).filter((i) => !pool[i].recurring);
  const unseasonal = rng.shuffle(dated.filter((i) => !pool[i].month && !pool[i].source));
  const fates = new Map<number, StandaloneFate>();
  let k = 0;
  for (const fate of ['overdue', 'withdrawn', 'deferred'] as const) {
    for (let n = 0; n < STANDALONE_MIX[fate]; n++) fates.set(unseasonal[k++], fate);
  }
  const rest = rng.shuffle(dated.filter((i) => !fates.has(i)));
  rest.forEach((i, j) => fates.set(i, j < STANDALONE_MIX.late ? 'late' : 'onTime'));

  return pool.map((entry, i) => {
    const fixed = entry.source ? FIXED_SOURCES[entry.source] : null;
    let assignedAt: string;
    if (fixed) assignedAt = lastTimeRound((y) => workingDayOnOrAfter(shiftYears(fixed.date, y - BASE_YEAR)));
    else {
      const month = entry.month ?? rng.int(1, 11);
      const day = rng.int(entry.month === 1 ? 2 : 1, 28);
      assignedAt = lastTimeRound((y) => workingDayOnOrAfter(ymd(y, month, day)));
    }
    const given = Number(assignedAt.slice(0, 4));
    const code = `GV-${given}-${String(i + 1).padStart(3, '0')}`;
    // Whoever held the lead agency's work on the day it was given (2025 mergers).
    const leadCode = resolveAgencyOn(entry.lead, assignedAt);
    const lead = getAgency(leadCode);
    const sourceDocument = fixed
      ? `Nghị quyết số ${fixed.number} ngày ${viDate(assignedAt)} của Chính phủ`
      : assigningDocument(leadCode, assignedAt, rng, docs);
    // A task of an agency that closes in 2025 is settled before it closes; one given in its last
    // weeks passes, open, to its successor (project() finds who held it when it was settled).
    const closes = lead.validTo && diffDays(assignedAt, lead.validTo) > 45 ? lead.validTo : null;
    const cap = closes ? addDays(closes, -25) : null;
    const due = entry.recurring
      ? { dueText: 'Thường xuyên', dueDate: null }
      : drawDue(assignedAt, entry.span ?? [20, 90], cap, rng, given);
    const task: TaskBase = {
      code,
      title: shiftText(entry.title, given - BASE_YEAR),
      kind: TaskKind.Task,
      leadAgencyCode: leadCode,
      coordinatingAgencyCodes: resolveCoordinators(entry.coord ?? [], leadCode, assignedAt),
      dueText: due.dueText,
      dueDate: due.dueDate,
      leaderInCharge: LEADER_BY_DESK[deskOf(leadCode)],
      sourceDocument,
      origin: TaskOrigin.Added,
      assignedAt,
      programCode: null,
    };
    // Draw every outcome's numbers whatever the fate, so one task's fate never shifts another's dates.
    const rOnTime = rng.float();
    const lateBy = rng.int(12, 50);
    const openNew = rng.float() < 0.25;
    const openProgress = rng.int(2, 8) * 10;
    const decidedBefore = rng.int(3, 15);
    const stoppedProgress = rng.int(0, 4) * 10;
    const resultRng = new Rng(DEMO_PRNG_SEED + i);

    if (due.dueDate === null) return { task, outcome: { kind: 'recurring', progress: openProgress } };
    const dueDate = due.dueDate;
    const onTime = (): Outcome => {
      const length = Math.max(1, diffDays(assignedAt, dueDate));
      let at = workingDayOnOrBefore(addDays(assignedAt, Math.round(length * (0.4 + 0.6 * rOnTime))));
      if (at <= assignedAt) at = workingDayOnOrAfter(addDays(assignedAt, 1));
      if (at > dueDate) at = dueDate;
      return { kind: 'done', at, resultDocument: resultDocumentFor(task, resolveAgencyOn(leadCode, at), at, resultRng, docs) };
    };
    switch (fates.get(i)) {
      case 'late': {
        let at = workingDayOnOrAfter(addDays(dueDate, lateBy));
        if (closes && at > closes) at = workingDayOnOrBefore(closes);
        if (diffDays(dueDate, at) < 12) return { task, outcome: onTime() };
        return { task, outcome: { kind: 'done', at, resultDocument: resultDocumentFor(task, resolveAgencyOn(leadCode, at), at, resultRng, docs) } };
      }
      case 'overdue':
        return {
          task,
          outcome: { kind: 'open', status: openNew ? TaskStatus.New : TaskStatus.InProgress, progress: openProgress },
        };
      case 'withdrawn':
      case 'deferred': {
        let at = workingDayOnOrBefore(addDays(dueDate, -decidedBefore));
        if (at <= assignedAt) at = workingDayOnOrAfter(addDays(assignedAt, 1));
        return { task, outcome: { kind: fates.get(i) as 'withdrawn' | 'deferred', at, progress: stoppedProgress } };
      }
      default:
        return { task, outcome: onTime() };
    }
  });
}

// --- (c) Current assignments, relative to today ---------------------------------------------------

interface CurrentContext {
  year: number;
  /** "quý II/2026" */
  quarter: string;
  /** "2025-2026" — the school year under way or about to start. */
  schoolYear: string;
}

interface CurrentSpec {
  lead: string;
  title: (c: CurrentContext) => string;
  coord?: string[];
  assignedAgo: number;
  /** Deadline relative to today (negative: already past). */
  dueIn: number;
  status: TaskStatus;
  /** For done tasks: completed this many days before today. */
  doneAgo?: number;
  progress?: number;
  proposal?: { outputForm: string; submitTo: string };
}

const CURRENT_SPECS: CurrentSpec[] = [
  {
    lead: 'STC',
    title: (c) => `Báo cáo tình hình thực hiện dự toán thu, chi ngân sách nhà nước ${c.quarter} và ước thực hiện cả năm ${c.year}`,
    coord: ['CTT', 'KBNN'],
    assignedAgo: 30,
    dueIn: -8,
    status: TaskStatus.InProgress,
    progress: 60,
  },
  {
    lead: 'STC',
    title: () => 'Rà soát, đề xuất bố trí kinh phí hỗ trợ nhà ở cho người có công với cách mạng',
    coord: ['SNV'],
    assignedAgo: 12,
    dueIn: 5,
    status: TaskStatus.New,
  },
  {
    lead: 'STC',
    title: (c) => `Thẩm định, đề xuất phân bổ kinh phí sự nghiệp bảo vệ môi trường năm ${c.year}`,
    coord: ['SNNMT'],
    assignedAgo: 45,
    dueIn: -10,
    status: TaskStatus.Done,
    doneAgo: 15,
  },
  {
    lead: 'SYT',
    title: () => 'Kiểm tra, xử lý tình trạng thiếu thuốc, vật tư y tế tại các trung tâm y tế tuyến huyện',
    coord: ['STC'],
    assignedAgo: 40,
    dueIn: -15,
    status: TaskStatus.InProgress,
    progress: 40,
  },
  {
    lead: 'SYT',
    title: () => 'Triển khai các biện pháp cao điểm phòng, chống dịch sốt xuất huyết, tay chân miệng',
    coord: ['SGDDT'],
    assignedAgo: 20,
    dueIn: 3,
    status: TaskStatus.InProgress,
    progress: 70,
  },
  {
    lead: 'SYT',
    title: () => 'Báo cáo kết quả kiểm tra an toàn thực phẩm tại các bếp ăn tập thể trường học, khu công nghiệp',
    coord: ['SGDDT', 'BQLKKT'],
    assignedAgo: 35,
    dueIn: 10,
    status: TaskStatus.Done,
    doneAgo: 4,
  },
  {
    lead: 'SXD',
    title: () => 'Kiểm tra công tác quản lý trật tự xây dựng tại các dự án khu dân cư chưa hoàn thiện hạ tầng',
    coord: ['SNNMT', 'UBND-DX'],
    assignedAgo: 50,
    dueIn: -20,
    status: TaskStatus.InProgress,
    progress: 30,
  },
  {
    lead: 'SXD',
    title: () => 'Đề xuất phương án bố trí quỹ đất phát triển nhà ở xã hội tại thị xã Chơn Thành',
    coord: ['UBND-CT', 'SNNMT'],
    assignedAgo: 10,
    dueIn: 7,
    status: TaskStatus.New,
  },
  {
    lead: 'SXD',
    title: () => 'Quyết định ban hành Quy định phân cấp cấp giấy phép xây dựng trên địa bàn tỉnh',
    coord: ['STP'],
    assignedAgo: 35,
    dueIn: 2,
    status: TaskStatus.Submitted,
    progress: 90,
    proposal: { outputForm: 'Quyết định', submitTo: 'UBND tỉnh' },
  },
  {
    lead: 'SNNMT',
    title: () => 'Kiểm tra, xử lý tình trạng khai thác khoáng sản trái phép trên sông Bé',
    coord: ['CAT', 'UBND-PL'],
    assignedAgo: 28,
    dueIn: -12,
    status: TaskStatus.InProgress,
    progress: 50,
  },
  {
    lead: 'SNNMT',
    title: () => 'Triển khai phương án phòng cháy, chữa cháy rừng và bảo vệ rừng tại các khu rừng phòng hộ',
    coord: ['BCHQS'],
    assignedAgo: 15,
    dueIn: 6,
    status: TaskStatus.InProgress,
    progress: 40,
  },
  {
    lead: 'SNNMT',
    title: () => 'Báo cáo tình hình sản xuất nông nghiệp và công tác phòng, chống sâu bệnh trên cây điều, cây tiêu',
    assignedAgo: 30,
    dueIn: -3,
    status: TaskStatus.Done,
    doneAgo: 7,
  },
  {
    lead: 'UBND-DX',
    title: () => 'Giải quyết kiến nghị của cử tri về tình trạng ngập úng cục bộ tại phường Tân Phú, phường Tân Bình',
    coord: ['SXD'],
    assignedAgo: 45,
    dueIn: -18,
    status: TaskStatus.InProgress,
    progress: 50,
  },
  {
    lead: 'UBND-DX',
    title: () => 'Báo cáo tiến độ bồi thường, giải phóng mặt bằng các dự án trọng điểm trên địa bàn thành phố',
    coord: ['SNNMT'],
    assignedAgo: 14,
    dueIn: 1,
    status: TaskStatus.New,
  },
  {
    lead: 'UBND-BGM',
    title: () => 'Phối hợp kiểm tra, ngăn chặn tình trạng phá rừng, lấn chiếm đất rừng giáp ranh Vườn quốc gia Bù Gia Mập',
    coord: ['SNNMT', 'CAT'],
    assignedAgo: 25,
    dueIn: 4,
    status: TaskStatus.InProgress,
    progress: 60,
  },
  {
    lead: 'UBND-BGM',
    title: () =>
      'Báo cáo kết quả thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi',
    coord: ['BDT'],
    assignedAgo: 40,
    dueIn: -15,
    status: TaskStatus.Done,
    doneAgo: 5,
  },
  {
    lead: 'UBND-BDP',
    title: () => 'Rà soát, đề xuất đầu tư công trình cấp nước sạch cho các xã biên giới Thanh Hòa, Hưng Phước',
    coord: ['SNNMT'],
    assignedAgo: 33,
    dueIn: -11,
    status: TaskStatus.InProgress,
    progress: 30,
  },
  {
    lead: 'UBND-BDP',
    title: () => 'Báo cáo công tác bảo đảm an ninh, trật tự khu vực Cửa khẩu chính Hoàng Diệu',
    coord: ['BCHBDBP'],
    assignedAgo: 11,
    dueIn: 6,
    status: TaskStatus.New,
  },
  {
    lead: 'BDT',
    title: () => 'Tổng hợp danh sách người có uy tín trong đồng bào dân tộc thiểu số đề nghị khen thưởng',
    coord: ['CAT'],
    assignedAgo: 20,
    dueIn: 2,
    status: TaskStatus.InProgress,
    progress: 60,
  },
  {
    lead: 'QLTT',
    title: () => 'Kiểm tra, xử lý hàng giả, hàng không rõ nguồn gốc kinh doanh trên sàn thương mại điện tử',
    coord: ['CAT', 'SCT'],
    assignedAgo: 30,
    dueIn: -7,
    status: TaskStatus.InProgress,
    progress: 50,
  },
  {
    lead: 'SNV',
    title: (c) => `Tổng hợp nhu cầu đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm ${c.year + 1}`,
    assignedAgo: 25,
    dueIn: 15,
    status: TaskStatus.InProgress,
    progress: 30,
  },
  {
    lead: 'SKHCN',
    title: () => 'Rà soát, đánh giá mức độ bảo đảm an toàn các hệ thống thông tin dùng chung của tỉnh',
    coord: ['CAT'],
    assignedAgo: 18,
    dueIn: 25,
    status: TaskStatus.New,
  },
  {
    lead: 'VPUBND',
    title: () => 'Tổng hợp tình hình thực hiện các kết luận của Chủ tịch UBND tỉnh tại các cuộc họp giao ban',
    assignedAgo: 55,
    dueIn: -20,
    status: TaskStatus.Done,
    doneAgo: 22,
  },
  {
    lead: 'SCT',
    title: () => 'Xây dựng kế hoạch bảo đảm cung ứng hàng hóa thiết yếu, bình ổn thị trường dịp cuối năm và Tết Nguyên đán',
    coord: ['QLTT'],
    assignedAgo: 21,
    dueIn: 40,
    status: TaskStatus.InProgress,
    progress: 20,
  },
  {
    lead: 'SGDDT',
    title: (c) => `Kế hoạch triển khai Chương trình giáo dục phổ thông năm học ${c.schoolYear}`,
    coord: ['STC', 'SNV'],
    assignedAgo: 38,
    dueIn: 12,
    status: TaskStatus.Done,
    doneAgo: 3,
    proposal: { outputForm: 'Kế hoạch', submitTo: 'UBND tỉnh' },
  },
  {
    lead: 'STC',
    title: (c) => `Báo cáo tình hình giải ngân kế hoạch vốn đầu tư công năm ${c.year}, đề xuất điều chuyển vốn của các dự án chậm giải ngân`,
    coord: ['SXD'],
    assignedAgo: 26,
    dueIn: -4,
    status: TaskStatus.InProgress,
    progress: 70,
  },
  {
    lead: 'STC',
    title: () => 'Rà soát, tổng hợp số thu tiền sử dụng đất của các dự án đấu giá quyền sử dụng đất chưa hoàn thành nghĩa vụ tài chính',
    coord: ['SNNMT'],
    assignedAgo: 42,
    dueIn: -13,
    status: TaskStatus.New,
  },
];

function currentTasks(today: string, docs: DocNumbers): DemoTaskSeed[] {
  const rng = new Rng(CURRENT_PRNG_SEED);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const context: CurrentContext = {
    year,
    quarter: `quý ${ROMAN_QUARTERS[Math.ceil(month / 3) - 1]}/${year}`,
    schoolYear: month >= 6 ? `${year}-${year + 1}` : `${year - 1}-${year}`,
  };
  return CURRENT_SPECS.map((spec, i) => {
    // On working days, staying within 10–60 days back and 20 days back – 40 days ahead of today.
    const rawAssigned = addDays(today, -spec.assignedAgo);
    let assignedAt = workingDayOnOrBefore(rawAssigned);
    if (diffDays(assignedAt, today) > 60) assignedAt = workingDayOnOrAfter(rawAssigned);
    const rawDue = addDays(today, spec.dueIn);
    let dueDate = spec.dueIn < 0 ? workingDayOnOrBefore(rawDue) : workingDayOnOrAfter(rawDue);
    if (diffDays(today, dueDate) < -20) dueDate = workingDayOnOrAfter(rawDue);
    if (diffDays(today, dueDate) > 40) dueDate = workingDayOnOrBefore(rawDue);
    const done = spec.status === TaskStatus.Done;
    let completedAt: string | null = null;
    if (done) {
      completedAt = workingDayOnOrBefore(addDays(today, -(spec.doneAgo ?? 0)));
      if (completedAt <= assignedAt) completedAt = addDays(assignedAt, 1);
    }
    // Who held the task: on the day it was finished, or today for open ones.
    const holderDay = completedAt ?? today;
    const lead = resolveAgencyOn(spec.lead, holderDay);
    const kind = spec.proposal ? TaskKind.Proposal : TaskKind.Task;
    const sourceDocument =
      i % 3 === 1
        ? `Thông báo số ${docs.next('TB-UBND', assignedAt, rng)}/TB-UBND ngày ${viDate(assignedAt)} của UBND tỉnh`
        : `Công văn số ${docs.next('CV-UBND', assignedAt, rng)}/UBND-${deskOf(lead)} ngày ${viDate(assignedAt)} của UBND tỉnh`;
    const base: ProgramItemSeed = {
      code: `GV-CUR-${String(i + 1).padStart(3, '0')}`,
      title: spec.title(context),
      kind,
      leadAgencyCode: lead,
      coordinatingAgencyCodes: resolveCoordinators(spec.coord ?? [], lead, holderDay),
      dueText: i % 4 === 3 ? viDate(dueDate) : `trước ngày ${viDate(dueDate)}`,
      dueDate,
      ...(spec.proposal ?? {}),
      leaderInCharge: LEADER_BY_DESK[deskOf(lead)],
      sourceDocument,
    };
    const resultDocument = completedAt ? resultDocumentFor(base, lead, completedAt, rng, docs) : null;
    return {
      ...base,
      origin: TaskOrigin.Added,
      assignedAt,
      status: spec.status,
      progress: done ? 100 : spec.status === TaskStatus.New ? 0 : (spec.progress ?? 50),
      completedAt,
      resultDocument,
      programCode: null,
    };
  });
}

// --- (d) Pending requests -----------------------------------------------------------------------

export interface DemoRequestSeed {
  taskCode: string;
  /** The demo user of the task's lead agency who asks. */
  requesterEmail: string;
  type: TaskRequestType;
  reason: string;
  proposedDueDate: string | null;
}

/** Requests agencies have sent on their overdue current work and the office has not decided yet. */
const REQUEST_SPECS: { index: number; type: TaskRequestType; reason: string; extendBy?: number }[] = [
  {
    index: 3,
    type: TaskRequestType.Extension,
    reason: 'Đang chờ kết quả đấu thầu thuốc tập trung của tỉnh để xác định lượng thuốc, vật tư còn thiếu; đề nghị gia hạn để báo cáo đầy đủ.',
    extendBy: 14,
  },
  {
    index: 6,
    type: TaskRequestType.Extension,
    reason: 'Số dự án phải kiểm tra nhiều hơn dự kiến (27 dự án); đoàn kiểm tra cần thêm thời gian làm việc với chủ đầu tư.',
    extendBy: 21,
  },
  {
    index: 12,
    type: TaskRequestType.Deferral,
    reason: 'Giải pháp xử lý ngập úng phụ thuộc dự án nâng cấp hệ thống thoát nước chưa được bố trí vốn; đề nghị chuyển sang kỳ sau.',
  },
];

function pendingRequests(current: DemoTaskSeed[], today: string): DemoRequestSeed[] {
  const out: DemoRequestSeed[] = [];
  for (const spec of REQUEST_SPECS) {
    const task = current[spec.index];
    const requester = DEMO_USERS.find((u) => u.role === UserRole.Agency && u.agencyCode === task.leadAgencyCode);
    if (!requester || !OPEN.has(task.status) || task.dueDate === null) continue;
    const proposed = spec.extendBy ? workingDayOnOrAfter(addDays(today, spec.extendBy)) : null;
    out.push({ taskCode: task.code, requesterEmail: requester.email, type: spec.type, reason: spec.reason, proposedDueDate: proposed });
  }
  return out;
}

// --- Entry point ---------------------------------------------------------------------------------------

/**
 * The demo tasks as they stand on `today` ('YYYY-MM-DD', the local date the demo is started).
 * Pure and deterministic: the same `today` always gives the same list.
 */
export function buildDemoTasks(today: string): DemoTaskSeed[] {
  return buildDemo(today).tasks;
}

export interface Demo {
  program: DemoProgram;
  tasks: DemoTaskSeed[];
  requests: DemoRequestSeed[];
}

/** The whole demo as it stands on `today`: the program of today's year, its tasks and pending requests. */
export function buildDemo(today: string): Demo {
  if (!isIsoDate(today)) throw new Error(`buildDemoTasks: today must be 'YYYY-MM-DD', got ${String(today)}`);
  const year = Number(today.slice(0, 4));
  const program = demoProgram(year);
  const rng = new Rng(DEMO_PRNG_SEED);
  const settleRng = new Rng(DEMO_PRNG_SEED + 1);
  const docs = new DocNumbers();
  // Documents the data names literally (the program's report of last year, the land-law plan, a notice).
  docs.reserve('BC-UBND', year - 1, 412);
  docs.reserve('KH-UBND', year, 98);
  docs.reserve('TB-UBND', year, 45);
  const history = [...programPlans(program, rng, docs), ...standalonePlans(today, rng, docs)];
  const settle = (task: TaskBase, at: string): string =>
    resultDocumentFor(task, resolveAgencyOn(task.leadAgencyCode, at), at, settleRng, docs);
  const tasks: DemoTaskSeed[] = [];
  for (const plan of history) {
    const task = project(plan, today, settle);
    if (task) tasks.push(task);
  }
  const current = currentTasks(today, docs);
  tasks.push(...current);
  return { program, tasks, requests: pendingRequests(current, today) };
}
