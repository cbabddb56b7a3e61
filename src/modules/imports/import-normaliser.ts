import { foldVietnamese } from 'src/core/text/vietnamese';
import {
  DeadlineMatch,
  findDeadline,
  impossibleDate,
  parseDeadline,
  unreadableDeadline,
} from 'src/modules/calendar/deadline-phrase';
import { formatVietnameseDate, LocalDate } from 'src/core/time/local-date';
import { TaskKind } from 'src/modules/tasks/task.enums';
import { AgencyMatcher, agencyLabel, DirectoryAgency, Mention } from './agency-matcher';
import { formatCount, IMPORT_LIMITS } from './import-limits';
import { AgencyRefOut, CellValue, ImportTaskOut, Issue, RawItem, TableField } from './import.types';
import { FIELD_LABELS } from './parsers/table';

/**
 * One validator for every format: turns the parsers' items into tasks — agencies found in the
 * directory, deadlines read, kind decided, codes checked — with per-item errors (which block a
 * commit) and warnings (which do not). Pure: the directory comes in through the matcher.
 */
export interface NormaliseContext {
  matcher: AgencyMatcher;
  /** The day the tasks are given (the program's issue date, else today). */
  assignedAt: LocalDate;
  programYear: number;
  /** defaultLeadAgencyId: the lead of items that name none (with a warning). */
  defaultLead: DirectoryAgency | null;
  /** The document the tasks come from ("Công văn số … ngày … của UBND tỉnh …"), from its header. */
  sourceDocument?: string | null;
  /** The document's number and symbol ("1066/UBND-VXNV"). */
  documentNumber?: string | null;
}

/** Task fields an import writes; on re-import only those the file gives are compared. */
export type ImportField =
  | 'title'
  | 'description'
  | 'kind'
  | 'leadAgencyId'
  | 'coordinatingAgencyIds'
  | 'dueDate'
  | 'dueText'
  | 'outputForm'
  | 'submitTo'
  | 'leaderInCharge'
  | 'sourceDocument';

export interface NormalisedItem {
  raw: RawItem;
  /** The lead is a group: the clerk chooses one member (or one task per member). */
  leadGroup?: { name: string; members: AgencyRefOut[] } | null;
  task: ImportTaskOut;
  provided: ImportField[];
  errors: Issue[];
  warnings: Issue[];
}

const ref = (a: DirectoryAgency): AgencyRefOut => ({ id: a.id, code: a.code, name: a.name });

/** Words just before an agency that make it a partner, not the lead ("phối hợp với", "hướng dẫn"). */
function isCoordinationCue(before: string[]): boolean {
  const s = before.join(' ');
  return /(^| )(phoi|voi|cung|giup|huong dan|ho tro|de nghi|doc thuc)( |$)/.test(s);
}

const FORMS =
  '(?:quyet dinh|to trinh|nghi quyet|de an|ke hoach|chi thi|quy dinh|chuong trinh|bao cao|quy che|ket luan)';
const PRODUCT_FIRST = new RegExp(
  `^(?:(?:xay dung|ban hanh|trinh|soan thao|hoan thien|tham muu|chu tri|trien khai xay dung|nghien cuu|lap)(?: va| ,|,)? ?)*${FORMS}(?![a-z])`,
);
const SUBMITTED =
  /(?<!(?:chuong|quy|to|cong|lo|hanh|giai) )(?<![a-z])trinh (?:ubnd|hdnd|hoi dong|tinh uy|thu tuong|chinh phu|chu tich|bo |ky hop|thuong truc|ban thuong vu|cap co tham quyen)/;
/** "tham mưu UBND tỉnh ban hành Kế hoạch …": the product is issued by the body advised. */
const ADVISED =
  /tham muu(?: cho)? (?:ubnd|uy ban nhan dan|chu tich|hdnd|hoi dong nhan dan|tinh uy|ban thuong vu)[^.;]{0,60}?(?:ban hanh|phe duyet|xem xet ban hanh)/;
const FORM_ANYWHERE = new RegExp(`(?<![a-z])${FORMS}(?![a-z])`);

/**
 * `proposal` when the item produces a document submitted to a body: the table gives Hình thức văn
 * bản or Cấp trình, or the text starts with the product ("Xây dựng, ban hành Kế hoạch …", "Quyết
 * định …") or says it is submitted ("…, trình Thủ tướng Chính phủ ban hành" with a Quyết định / Kế
 * hoạch / Nghị quyết … named). Otherwise `task`.
 */
export function decideKind(title: string, outputForm: string | null, submitTo: string | null): TaskKind {
  if (outputForm || submitTo) return TaskKind.Proposal;
  const f = foldVietnamese(title).replace(/[“”"()]/g, '');
  if (PRODUCT_FIRST.test(f)) return TaskKind.Proposal;
  if ((SUBMITTED.test(f) || ADVISED.test(f)) && FORM_ANYWHERE.test(f)) return TaskKind.Proposal;
  return TaskKind.Task;
}

const BODIES: [RegExp, string][] = [
  [/^thu tuong chinh phu/, 'Thủ tướng Chính phủ'],
  [/^chinh phu/, 'Chính phủ'],
  [/^ban thuong vu tinh uy/, 'Ban Thường vụ Tỉnh ủy'],
  [/^thuong truc tinh uy/, 'Thường trực Tỉnh ủy'],
  [/^tinh uy/, 'Tỉnh ủy'],
  [/^thuong truc (?:hdnd|hoi dong nhan dan) tinh/, 'Thường trực HĐND tỉnh'],
  [/^(?:hdnd|hoi dong nhan dan) tinh/, 'HĐND tỉnh'],
  [/^chu tich (?:ubnd|uy ban nhan dan) tinh/, 'Chủ tịch UBND tỉnh'],
  [/^(?:ubnd|uy ban nhan dan) tinh/, 'UBND tỉnh'],
];

/**
 * The body a prose assignment is submitted to: "trình UBND tỉnh", "tham mưu UBND tỉnh ban hành …"
 * (not "Chương trình", "Tờ trình", "quy trình"). Null when it names none.
 */
export function submitToInText(text: string): string | null {
  const f = foldVietnamese(text);
  for (const m of f.matchAll(/(?<![a-z])(?:trinh|tham muu(?: cho)?)(?: lai)? /g)) {
    const before = f.slice(Math.max(0, m.index - 6), m.index);
    if (/(?:chuong|quy|to|cong|lo|hanh|giai) $/.test(before)) continue;
    const rest = f.slice(m.index + m[0].length);
    const body = BODIES.find(([re]) => re.test(rest));
    if (!body) continue;
    if (m[0].startsWith('tham muu') && !ADVISED.test(f.slice(m.index))) continue;
    return body[1];
  }
  return null;
}

type Role = 'lead' | 'coordinator' | 'excluded' | 'plain';

const EXCLUDED_BEFORE =
  /(?:(?<![a-z])cua|bao cao|(?<![a-z])gui(?: ve| den| toi)?|(?<![a-z])ve|(?<![a-z])qua|(?<![a-z])trinh|thong bao cho|(?<![a-z])den)\s*$/;
const LEAD_BEFORE = /(?:(?<![a-z])giao(?: cho)?|de nghi|yeu cau|giao nhiem vu cho)\s*$/;
const LEAD_AFTER =
  /^\s*(?:\([^)]*\)\s*)?,?\s*(?:la co quan )?(?:chu tri|tham muu|co trach nhiem|chiu trach nhiem|khan truong|chu dong|thuc hien|to chuc|xay dung|huong dan|chi dao|ra soat|tiep tuc|theo doi|phoi hop voi|nghien cuu|tong hop|kiem tra|trien khai|hoan thien|lap|de xuat|bao cao|trien khai)(?![a-z])/;
const STRONG_LEAD_AFTER = /^\s*(?:\([^)]*\)\s*)?,?\s*(?:chu tri|tham muu|co trach nhiem|chiu trach nhiem)(?![a-z])/;
const COORDINATION = /(?<![a-z])(?:phoi hop|cung voi|voi su tham gia cua|phoi hop chat che voi)(?![a-z])/;

/**
 * The role of an agency named in a prose assignment, from the words around it: the lead ("giao X",
 * "đề nghị X", "X chủ trì", "X tham mưu"), a coordinator (after "phối hợp với"), or neither — the
 * agency results are sent to ("báo cáo …", "gửi về …", "qua …"), a cited source ("… của Bộ Y tế"),
 * the body something is submitted to ("trình …").
 */
export function roleInText(text: string, m: Pick<Mention, 'from' | 'to'>): Role {
  const clauseStart = Math.max(text.lastIndexOf(';', m.from), text.lastIndexOf('. ', m.from), -1) + 1;
  const pre = foldVietnamese(text.slice(clauseStart, m.from))
    .replace(/[“”"(]/g, ' ')
    .replace(/\s+/g, ' ');
  const near = pre.slice(-40);
  const post = foldVietnamese(text.slice(m.to, m.to + 60));
  if (EXCLUDED_BEFORE.test(near)) return 'excluded';
  // The clause starts with it: "UBND các huyện, thị xã, thành phố bố trí kinh phí …".
  if (!pre.trim() && !COORDINATION.test(post.slice(0, 12))) return 'lead';
  if (LEAD_BEFORE.test(near.replace(/(?:giam doc|thu truong|chu tich|lanh dao)\s*$/, ''))) return 'lead';
  if (STRONG_LEAD_AFTER.test(post)) return 'lead';
  if (COORDINATION.test(pre)) return 'coordinator';
  if (LEAD_AFTER.test(post)) return 'lead';
  if (isCoordinationCue(near.trim().split(' ').slice(-3))) return 'coordinator';
  return 'plain';
}

const HORIZON = /(tam nhin|dinh huong|giai doan|thoi ky|nhiem ky|muc tieu)(?: den| toi)?(?: nam)?\s*$/;
const STRONG_INTRODUCED = /(hoan thanh|thoi han|cham nhat|truoc|han)[^a-z]*(?:ngay|vao|la)?\s*$/;
const INTRODUCED = /(hoan thanh|thoi han|cham nhat|truoc|han|den|trong|xong|vao|tu nay den)\s*$/;

/**
 * The deadline a sentence gives (findDeadline), skipping phrases that are not deadlines: a bare
 * "năm 2023" without a deadline word before it ("… của năm 2023"), a horizon ("tầm nhìn đến năm
 * 2050", "định hướng đến năm 2045"), a year more than one past the program's ("… đến năm 2030" in a
 * 2024 program) and a day before the assignment date — the last two with a warning.
 */
export function deadlineInText(
  text: string,
  ctx: Pick<NormaliseContext, 'assignedAt' | 'programYear'>,
): { match: DeadlineMatch | null; warnings: string[]; error?: string } {
  const warnings: string[] = [];
  const impossible = impossibleDate(text);
  if (impossible) return { match: null, warnings, error: `Ngày “${impossible}” không có thật; hãy sửa thời hạn` };
  let t = text;
  for (let guard = 0; guard < 8; guard++) {
    const m = findDeadline(t);
    if (!m) {
      const unreadable = unreadableDeadline(t);
      if (unreadable)
        return {
          match: null,
          warnings,
          error: `Không đọc được thời hạn “${unreadable}”: hãy ghi đủ ngày, tháng, năm (ví dụ: ${DEADLINE_EXAMPLES})`,
        };
      return { match: null, warnings };
    }
    const at = t.lastIndexOf(m.matched);
    const before = foldVietnamese(t.slice(Math.max(0, at - 40), Math.max(0, at)));
    const phrase = foldVietnamese(m.matched);
    let reject: string | null = null;
    if (HORIZON.test(before)) reject = '';
    else if (/^nam \d{4}$/.test(phrase) && !INTRODUCED.test(before)) reject = '';
    else if (m.dueDate && +m.dueDate.slice(0, 4) > ctx.programYear + 1)
      reject = `Bỏ qua “${m.matched}”: quá xa so với năm ${ctx.programYear} của chương trình (có thể là tầm nhìn, định hướng), không coi là thời hạn`;
    else if (m.dueDate && m.dueDate < ctx.assignedAt) {
      // Announced as the deadline ("hoàn thành trước ngày …"): an error to fix, not a date to drop.
      if (STRONG_INTRODUCED.test(before))
        return {
          match: m,
          warnings,
          error: `Thời hạn ${formatVietnameseDate(m.dueDate)} trước ngày giao nhiệm vụ ${formatVietnameseDate(ctx.assignedAt)}`,
        };
      reject = `Bỏ qua “${m.matched}”: trước ngày giao nhiệm vụ ${formatVietnameseDate(ctx.assignedAt)}, không coi là thời hạn`;
    }
    if (reject === null) return { match: m, warnings };
    if (reject) warnings.push(reject);
    if (at < 0) return { match: null, warnings };
    t = t.slice(0, at) + ' '.repeat(m.matched.length) + t.slice(at + m.matched.length);
  }
  return { match: null, warnings };
}

const DEADLINE_EXAMPLES = '15/3/2024, tháng 6/2024, Quý II/2024, 6 tháng đầu năm 2024, cuối năm 2024, thường xuyên';

/** A Thời hạn cell: an Excel date, an Excel day number, a date string or a deadline phrase. */
export function deadlineInCell(value: CellValue): {
  dueDate: LocalDate | null;
  dueText: string | null;
  error: string | null;
} {
  if (typeof value !== 'string') return { dueDate: value.date, dueText: formatVietnameseDate(value.date), error: null };
  const text = value.trim();
  const m = parseDeadline(text);
  const impossible = impossibleDate(text);
  if (impossible)
    return { dueDate: null, dueText: text, error: `Ngày “${impossible}” không có thật; hãy sửa thời hạn` };
  if (!m)
    return {
      dueDate: null,
      dueText: text,
      error: `Không hiểu thời hạn “${text}”; ví dụ cách ghi: ${DEADLINE_EXAMPLES}`,
    };
  if (m.unknownEvent) return { dueDate: null, dueText: m.matched, error: unknownEventMessage(m.matched) };
  // The phrase as the text parser quotes it, so a table and a document give the same dueText.
  return {
    dueDate: m.dueDate,
    dueText: /^\d{5}(\.\d+)?$/.test(text) ? formatVietnameseDate(m.dueDate!) : m.matched,
    error: null,
  };
}

export function unknownEventMessage(phrase: string): string {
  return `Chưa có ngày của sự kiện “${phrase}” trong lịch: hãy ghi thời hạn cụ thể`;
}

/** Cuts a long text at the last sentence end (else word) before `max` characters. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('; '));
  if (sentence > max / 4) return head.slice(0, sentence + 1).trim();
  const word = head.lastIndexOf(' ');
  return `${head.slice(0, word > 0 ? word : head.length).trim()}…`;
}

interface Resolved {
  lead: DirectoryAgency | null;
  coordinating: DirectoryAgency[];
  /** The file names the agencies (not taken from the default or the parent). */
  named: boolean;
  namedCoordinating: boolean;
  leadGroup?: { name: string; members: AgencyRefOut[] } | null;
}

/** Normalises items one at a time, in file order (duplicates and parents refer to earlier items). */
export class Normaliser {
  private readonly byCode = new Map<string, NormalisedItem>();

  constructor(private readonly ctx: NormaliseContext) {}

  add(raw: RawItem): NormalisedItem {
    const n = normaliseOne(raw, this.ctx, (code) => this.byCode.get(code) ?? null);
    if (raw.code) {
      const first = this.byCode.get(raw.code);
      if (first)
        n.errors.push({
          field: 'code',
          message: `Trùng số thứ tự “${raw.code}” với ${first.raw.ref.charAt(0).toLowerCase()}${first.raw.ref.slice(1)}`,
        });
      else this.byCode.set(raw.code, n);
    }
    return n;
  }
}

export function normaliseItems(items: RawItem[], ctx: NormaliseContext): NormalisedItem[] {
  const n = new Normaliser(ctx);
  return items.map((raw) => n.add(raw));
}

function normaliseOne(
  raw: RawItem,
  ctx: NormaliseContext,
  parentOf: (code: string) => NormalisedItem | null,
): NormalisedItem {
  const errors: Issue[] = [...raw.errors];
  const warnings: Issue[] = [...raw.warnings];
  const provided = new Set<ImportField>(['title', 'kind']);

  // Code
  if (!raw.code) errors.push({ field: 'code', message: 'Không xác định được số thứ tự (mã) của mục' });
  else if (raw.code.length > IMPORT_LIMITS.maxCodeLength)
    errors.push({
      field: 'code',
      message: `Số thứ tự “${raw.code.slice(0, 20)}…” dài quá ${IMPORT_LIMITS.maxCodeLength} ký tự`,
    });

  // Title and description
  let title = raw.title;
  let description: string | null = null;
  const maxTitle = IMPORT_LIMITS.maxTitleLength;
  if (!title) {
    if (!errors.some((e) => e.field === 'title')) errors.push({ field: 'title', message: 'Thiếu nội dung' });
  } else if (title.length > maxTitle) {
    if (raw.source === 'table') {
      errors.push({
        field: 'title',
        message: `Nội dung dài ${formatCount(title.length)} ký tự, vượt quá giới hạn ${formatCount(maxTitle)} ký tự`,
      });
    } else {
      description = title;
      title = shorten(title, maxTitle);
      provided.add('description');
      warnings.push({
        field: 'title',
        message: `Nội dung dài ${formatCount(description.length)} ký tự: tiêu đề lấy phần đầu (${formatCount(title.length)} ký tự), toàn văn ghi ở phần mô tả`,
      });
    }
  }
  if (raw.stripped)
    warnings.push({ field: 'title', message: 'Đã loại bỏ các ký tự điều khiển (không in được) trong nội dung' });

  const text = (f: TableField): string | null => {
    const v = raw.cells[f as keyof RawItem['cells']];
    return typeof v === 'string' && v.trim() ? v.trim() : null;
  };
  const has = (f: TableField) => raw.columns.includes(f);
  if (raw.source === 'table' && has(TableField.Note)) {
    description = text(TableField.Note);
    provided.add('description');
  }

  // Other columns
  const limited = (f: TableField, field: ImportField, max: number): string | null => {
    if (!has(f)) return null;
    provided.add(field);
    const v = text(f);
    if (v && v.length > max) {
      errors.push({
        field,
        message: `Cột “${FIELD_LABELS[f]}” dài ${formatCount(v.length)} ký tự, vượt quá giới hạn ${formatCount(max)} ký tự`,
      });
    }
    return v;
  };
  const outputForm = limited(TableField.OutputForm, 'outputForm', IMPORT_LIMITS.maxOutputFormLength);
  const submitTo = limited(TableField.SubmitTo, 'submitTo', IMPORT_LIMITS.maxSubmitToLength);
  const leaderInCharge = limited(TableField.LeaderInCharge, 'leaderInCharge', IMPORT_LIMITS.maxLeaderLength);
  let sourceDocument = limited(TableField.SourceDocument, 'sourceDocument', IMPORT_LIMITS.maxSourceDocumentLength);
  if (!sourceDocument && ctx.sourceDocument) {
    sourceDocument = ctx.sourceDocument.slice(0, IMPORT_LIMITS.maxSourceDocumentLength);
    provided.add('sourceDocument');
  }
  let submitToText = submitTo;
  if (raw.source === 'text' && !submitToText) {
    submitToText = submitToInText(raw.title);
    if (submitToText) provided.add('submitTo');
  }

  // Agencies
  const agencies =
    raw.source === 'table'
      ? tableAgencies(raw, ctx, errors, warnings)
      : textAgencies(raw, ctx, errors, warnings, parentOf);
  if (agencies.named) provided.add('leadAgencyId');
  if (agencies.namedCoordinating) provided.add('coordinatingAgencyIds');
  const lead = agencies.lead;
  const coordinating = [
    ...new Map(agencies.coordinating.filter((a) => a.id !== lead?.id).map((a) => [a.id, a])).values(),
  ];
  if (coordinating.length > IMPORT_LIMITS.maxCoordinatingAgencies) {
    errors.push({
      field: 'coordinatingAgencies',
      message: `Có ${coordinating.length} cơ quan phối hợp, vượt quá giới hạn ${IMPORT_LIMITS.maxCoordinatingAgencies}`,
    });
  }

  // Deadline
  let dueDate: LocalDate | null = null;
  let dueText: string | null = null;
  if (raw.source === 'table') {
    if (has(TableField.Due)) {
      provided.add('dueDate').add('dueText');
      const cell = raw.cells[TableField.Due];
      if (cell === undefined || (typeof cell === 'string' && !cell.trim())) {
        warnings.push({ field: 'dueDate', message: 'Chưa có thời hạn: nhiệm vụ không có hạn hoàn thành' });
      } else {
        const d = deadlineInCell(cell);
        if (d.error) errors.push({ field: 'dueDate', message: d.error });
        dueDate = d.dueDate;
        dueText = d.dueText;
        if (dueDate && dueDate < ctx.assignedAt) {
          errors.push({
            field: 'dueDate',
            message: `Thời hạn ${formatVietnameseDate(dueDate)} trước ngày giao nhiệm vụ ${formatVietnameseDate(ctx.assignedAt)}`,
          });
        }
        if (dueText && dueText.length > IMPORT_LIMITS.maxDueTextLength) {
          errors.push({ field: 'dueDate', message: `Cột “Thời hạn” dài quá ${IMPORT_LIMITS.maxDueTextLength} ký tự` });
        }
      }
    }
  } else {
    const found = deadlineInText(description ?? title, ctx);
    for (const w of found.warnings) warnings.push({ field: 'dueDate', message: w });
    if (found.error) errors.push({ field: 'dueDate', message: found.error });
    if (found.match) {
      dueDate = found.match.dueDate;
      dueText = found.match.matched.slice(0, IMPORT_LIMITS.maxDueTextLength);
      provided.add('dueDate').add('dueText');
      if (found.match.unknownEvent)
        errors.push({ field: 'dueDate', message: unknownEventMessage(found.match.matched) });
    } else if (!found.error) {
      warnings.push({ field: 'dueDate', message: 'Nội dung không nêu thời hạn: nhiệm vụ không có hạn hoàn thành' });
    }
  }

  const task: ImportTaskOut = {
    code: raw.code,
    title,
    description,
    kind: decideKind(title, outputForm, submitToText),
    group: raw.group,
    leadAgency: lead ? ref(lead) : null,
    coordinatingAgencies: coordinating.map(ref),
    dueDate,
    dueText,
    outputForm,
    submitTo: submitToText,
    leaderInCharge,
    sourceDocument,
  };
  return { raw, task, provided: [...provided], errors, warnings, leadGroup: agencies.leadGroup ?? null };
}

function unknownMessage(m: Mention & { target: { type: 'unknown' } }): string {
  const near = m.target.suggestions.map(agencyLabel);
  return `Không tìm thấy cơ quan “${m.text}” trong danh mục cơ quan, đơn vị${near.length ? `; gần nhất: ${near.join('; ')}` : ''}`;
}

/** An agency of the file that cannot take the task on the assignment date → an error naming what to use. */
function checkAvailable(a: DirectoryAgency, ctx: NormaliseContext, field: string, errors: Issue[]): boolean {
  const why = ctx.matcher.unavailability(a);
  if (why) errors.push({ field, message: why.message });
  return !why;
}

function noLead(
  raw: RawItem,
  ctx: NormaliseContext,
  errors: Issue[],
  warnings: Issue[],
  why: string,
): DirectoryAgency | null {
  if (ctx.defaultLead) {
    warnings.push({
      field: 'leadAgency',
      message: `${why}; giao cho cơ quan chủ trì mặc định ${agencyLabel(ctx.defaultLead)}`,
    });
    return ctx.defaultLead;
  }
  errors.push({
    field: 'leadAgency',
    message: `${why}; hãy ghi cơ quan chủ trì hoặc chọn cơ quan chủ trì mặc định (defaultLeadAgencyId)`,
  });
  return null;
}

function tableAgencies(raw: RawItem, ctx: NormaliseContext, errors: Issue[], warnings: Issue[]): Resolved {
  const leadCell = raw.cells[TableField.LeadAgency];
  const coordCell = raw.cells[TableField.CoordinatingAgencies];
  const leadMentions = typeof leadCell === 'string' ? ctx.matcher.parseCell(leadCell) : [];
  const coordMentions = typeof coordCell === 'string' ? ctx.matcher.parseCell(coordCell) : [];
  const coordinating: DirectoryAgency[] = [];
  const leads: DirectoryAgency[] = [];
  const groups: string[] = [];
  let unknownLead = false;
  for (const m of leadMentions) {
    if (m.target.type === 'unknown') {
      errors.push({ field: 'leadAgency', message: unknownMessage(m as never) });
      unknownLead = true;
    } else if (m.target.type === 'agency') {
      if (checkAvailable(m.target.agency, ctx, 'leadAgency', errors)) leads.push(m.target.agency);
      else unknownLead = true;
    } else {
      groups.push(`“${m.text}” là nhóm ${m.target.members.length} cơ quan`);
      coordinating.push(...m.target.members);
    }
  }
  let lead: DirectoryAgency | null = leads[0] ?? null;
  if (leads.length > 1) {
    coordinating.unshift(...leads.slice(1));
    warnings.push({
      field: 'leadAgency',
      message: `Cột “Cơ quan chủ trì” nêu ${leads.length} cơ quan: ${lead.name} chủ trì, các cơ quan còn lại phối hợp`,
    });
  }
  for (const m of coordMentions) {
    if (m.target.type === 'unknown')
      errors.push({ field: 'coordinatingAgencies', message: unknownMessage(m as never) });
    else if (m.target.type === 'agency') {
      if (checkAvailable(m.target.agency, ctx, 'coordinatingAgencies', errors)) coordinating.push(m.target.agency);
    } else coordinating.push(...m.target.members);
  }
  const named = lead !== null;
  if (!lead && !unknownLead) {
    const why = groups.length
      ? `Cơ quan chủ trì phải là một cơ quan cụ thể: ${groups.join(', ')} (được ghi là cơ quan phối hợp)`
      : 'Không có cơ quan chủ trì';
    lead = noLead(raw, ctx, errors, warnings, why);
  }
  return {
    lead,
    coordinating,
    named,
    namedCoordinating: raw.columns.includes(TableField.CoordinatingAgencies) || leads.length > 1 || groups.length > 0,
  };
}

function textAgencies(
  raw: RawItem,
  ctx: NormaliseContext,
  errors: Issue[],
  warnings: Issue[],
  parentOf: (code: string) => NormalisedItem | null,
): Resolved {
  let mentions = ctx.matcher.findInText(raw.title);
  let source = raw.title;
  if (raw.context && !mentions.some((m) => roleInText(raw.title, m) === 'lead')) {
    // A part of an assignment ("- Rà soát …" under "Giao Sở X chủ trì các nội dung sau:"): its agencies.
    source = raw.context;
    mentions = ctx.matcher.findInText(raw.context);
  }
  let lead: DirectoryAgency | null = null;
  const coordinating: DirectoryAgency[] = [];
  let blocked = false;
  let leadGroup: Resolved['leadGroup'] = null;
  const roles = mentions.map((m) => roleInText(source, m));
  const explicit = roles.indexOf('lead');
  for (const [i, m] of mentions.entries()) {
    const role = roles[i];
    if (role === 'excluded') continue;
    const leads = explicit >= 0 ? i === explicit : role === 'plain' && !lead && !leadGroup;
    if (m.target.type === 'unknown') {
      errors.push({ field: 'agencies', message: unknownMessage(m as never) });
      blocked = true;
    } else if (m.target.type === 'group') {
      // "Các sở, ban, ngành và UBND các huyện … xây dựng …": groups side by side lead together.
      const alsoLeads = leadGroup && !lead && role === 'lead';
      if ((leads && explicit >= 0) || alsoLeads) {
        const before: AgencyRefOut[] = leadGroup ? leadGroup.members : [];
        const members: AgencyRefOut[] = [...before, ...m.target.members.map(ref)];
        const name: string = leadGroup ? `${leadGroup.name}; ${m.target.group.name}` : m.target.group.name;
        leadGroup = { name, members: [...new Map(members.map((a) => [a.id, a])).values()] };
      } else coordinating.push(...m.target.members);
    } else if (!checkAvailable(m.target.agency, ctx, 'agencies', errors)) {
      blocked = true;
    } else if (leads && !lead) {
      lead = m.target.agency;
    } else {
      coordinating.push(m.target.agency);
    }
  }
  if (leadGroup && !lead) {
    const n = leadGroup.members.length;
    if (ctx.defaultLead) {
      // The clerk chose a default lead: it leads, the group's members coordinate (as in a table).
      warnings.push({
        field: 'leadAgency',
        message: `Cơ quan chủ trì là nhóm “${leadGroup.name}” (${n} cơ quan, được ghi là cơ quan phối hợp); giao cho cơ quan chủ trì mặc định ${agencyLabel(ctx.defaultLead)}`,
      });
      const members = leadGroup.members.map((a) => ctx.matcher.findById(a.id)).filter((a): a is DirectoryAgency => !!a);
      return {
        lead: ctx.defaultLead,
        coordinating: [...members, ...coordinating],
        named: false,
        namedCoordinating: true,
        leadGroup,
      };
    }
    errors.push({
      field: 'leadAgency',
      message: `Cơ quan chủ trì là nhóm “${leadGroup.name}” (${n} cơ quan): hãy chọn một cơ quan chủ trì, hoặc tách thành ${n} nhiệm vụ, mỗi cơ quan một nhiệm vụ`,
    });
    return { lead: null, coordinating, named: true, namedCoordinating: true, leadGroup };
  }
  if (lead) return { lead, coordinating, named: true, namedCoordinating: true };
  if (mentions.length === 0 && raw.parentCode) {
    const parent = parentOf(raw.parentCode);
    if (parent?.task.leadAgency) {
      warnings.push({
        field: 'leadAgency',
        message: `Nội dung không nêu cơ quan nào: dùng cơ quan chủ trì và phối hợp của mục ${raw.parentCode}`,
      });
      const parentLead = ctx.matcher.findById(parent.task.leadAgency.id) ?? null;
      const parentCoordinating = parent.task.coordinatingAgencies
        .map((a) => ctx.matcher.findById(a.id))
        .filter((a): a is DirectoryAgency => !!a);
      return {
        lead: parentLead,
        coordinating: parentCoordinating,
        named: parent.provided.includes('leadAgencyId'),
        namedCoordinating: parent.provided.includes('coordinatingAgencyIds'),
      };
    }
  }
  if (blocked) return { lead: null, coordinating, named: false, namedCoordinating: coordinating.length > 0 };
  const why =
    mentions.length === 0
      ? 'Nội dung không nêu cơ quan nào'
      : 'Nội dung không nêu cơ quan chủ trì cụ thể (chỉ có nhóm cơ quan hoặc cơ quan phối hợp)';
  return {
    lead: noLead(raw, ctx, errors, warnings, why),
    coordinating,
    named: false,
    namedCoordinating: coordinating.length > 0,
  };
}
