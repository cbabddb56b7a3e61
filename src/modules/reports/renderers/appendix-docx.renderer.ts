import { renderTemplate } from 'src/modules/document-templates/docx-template';
import { renderTemplateToFile } from 'src/modules/document-templates/docx-stream';
import { AppendixReport, OverdueTask, ProgramItemFigures, ReportDocumentInfo, TaskCounts, TaskFigures } from '../appendix.types';
import { formatCountInText, formatDocumentDate, formatRate, reportSymbol, upperVi } from '../report-format';
import { dueDateText } from './appendix-layout';
import { SAMPLE_INFO, SAMPLE_REPORT } from './sample-report';

/**
 * The report's appendices (Phụ lục I, II, III) as a DOCX: the document template in use (the shipped
 * templates/docx/phu-luc-bao-cao.docx or the office's own, see appendix-docx.template.ts) rendered
 * by docxtemplater with the snapshot's figures. Figures are written as the reports write them:
 * rates "88,1%", counts inside sentences "04", dates 01/7/2024.
 */

/** Its name among the document templates (PUT /api/document-templates/phu-luc-bao-cao). */
export const APPENDIX_TEMPLATE = 'phu-luc-bao-cao';

const PROGRAM_ITEM_FIELDS = {
  initial: '(1) Số đề án giao đầu năm',
  added: '(2) Số đề án giao thêm',
  withdrawnOrDeferred: '(3) Số đề án xin chuyển, xin rút',
  total: '(4) Tổng số đề án phải trình',
  submitted: '(5) Số đề án đã trình',
  issued: '(6) Số đề án đã ban hành',
  notSubmitted: '(7) Số đề án chưa trình',
  submittedRate: '(8) Tỷ lệ đã trình ("88,1%")',
} as const;

const TASK_FIELDS = {
  total: 'Tổng số nhiệm vụ',
  done: 'Đã hoàn thành',
  doneOnTime: 'Hoàn thành đúng hạn',
  doneLate: 'Hoàn thành quá hạn',
  open: 'Chưa hoàn thành',
  openInTime: 'Chưa hoàn thành, trong hạn',
  openOverdue: 'Chưa hoàn thành, quá hạn',
  doneRate: 'Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao ("91,3%")',
  completionRate: 'Tỷ lệ hoàn thành so với số nhiệm vụ đã đến hạn',
} as const;

const PERIOD_TASK_FIELDS = {
  ...TASK_FIELDS,
  carriedOver: 'Chuyển từ kỳ trước',
  assignedInPeriod: 'Giao trong kỳ',
  comeDue: 'Số nhiệm vụ đã đến hạn (đã hoàn thành + quá hạn)',
} as const;

/** The placeholders of the appendix template: what an office template may use. */
export const APPENDIX_FIELDS = {
  provinceName: 'Tên tỉnh ("Bình Phước")',
  provinceUpper: 'Tên tỉnh viết hoa ("BÌNH PHƯỚC")',
  periodTitle: 'Kỳ báo cáo viết hoa ("QUÝ II NĂM 2024")',
  periodLabel: 'Kỳ báo cáo ("Quý II năm 2024")',
  periodPhrase: 'Kỳ báo cáo trong câu ("quý II năm 2024")',
  reportSymbol: 'Số, ký hiệu báo cáo ("165/BC-UBND"; "…/BC-UBND" khi chưa có)',
  reportDate: 'Ngày báo cáo ("01/7/2024"; "…" khi chưa có)',
  from: 'Ngày đầu kỳ (dd/mm/yyyy)',
  to: 'Ngày cuối kỳ (dd/mm/yyyy)',
  asOf: 'Ngày tính số liệu (dd/mm/yyyy)',
  scopeDetail: 'Phạm vi khi báo cáo riêng một chương trình hoặc một cơ quan ("; chương trình: …"), trống khi toàn tỉnh',
  programItems: { ...PROGRAM_ITEM_FIELDS },
  programItemsByAgency: { no: 'Số thứ tự', agencyName: 'Cơ quan chủ trì', ...PROGRAM_ITEM_FIELDS },
  noProgramItems: 'Đúng khi không có đề án phải trình trong kỳ ({#noProgramItems}…{/noProgramItems})',
  tasks: { ...PERIOD_TASK_FIELDS },
  tasksText: { ...PERIOD_TASK_FIELDS },
  byAgency: { no: 'Số thứ tự', agencyName: 'Cơ quan chủ trì', ...TASK_FIELDS },
  byAgencyTotal: { ...TASK_FIELDS },
  hasOverdue: 'Đúng khi có nhiệm vụ quá hạn ({#hasOverdue}…{/hasOverdue})',
  overdueCount: 'Số nhiệm vụ chưa hoàn thành quá hạn (trong câu: "02")',
  overdue: {
    no: 'Số thứ tự',
    sourceDocument: 'Văn bản giao nhiệm vụ',
    title: 'Nội dung nhiệm vụ (kèm mã)',
    dueDate: 'Thời hạn hoàn thành',
    agencyName: 'Cơ quan được giao',
    daysOverdue: 'Số ngày quá hạn',
    note: 'Ghi chú ("quá hạn 17 ngày")',
  },
} as const;

function programItemValues(p: ProgramItemFigures) {
  return {
    initial: p.initial,
    added: p.added,
    withdrawnOrDeferred: p.withdrawnOrDeferred,
    total: p.total,
    submitted: p.submitted,
    issued: p.issued,
    notSubmitted: p.notSubmitted,
    submittedRate: formatRate(p.submittedRate),
  };
}

function taskValues(t: TaskCounts) {
  return {
    total: t.total,
    done: t.done,
    doneOnTime: t.doneOnTime,
    doneLate: t.doneLate,
    open: t.open,
    openInTime: t.openInTime,
    openOverdue: t.openOverdue,
    doneRate: formatRate(t.doneRate ?? null),
    completionRate: formatRate(t.completionRate),
  };
}

/** The data an appendix template is rendered with (the placeholders of APPENDIX_FIELDS). */
export function appendixDocxData(r: AppendixReport, info: ReportDocumentInfo): Record<string, unknown> {
  const t: TaskFigures = r.tasks;
  const periodTasks = { ...taskValues(t), carriedOver: t.carriedOver, assignedInPeriod: t.assignedInPeriod, comeDue: t.done + t.openOverdue };
  const counts = Object.fromEntries(Object.entries(periodTasks).map(([k, v]) => [k, typeof v === 'number' ? formatCountInText(v) : v]));
  const scope = [info.programTitle ? `chương trình: ${info.programTitle}` : null, info.agencyName ? `cơ quan chủ trì: ${info.agencyName}` : null].filter(Boolean);
  return {
    provinceName: info.provinceName,
    provinceUpper: upperVi(info.provinceName),
    periodTitle: upperVi(info.periodLabel),
    periodLabel: info.periodLabel,
    periodPhrase: info.periodPhrase,
    reportSymbol: reportSymbol(info.reportNumber),
    reportDate: info.reportDate ? formatDocumentDate(info.reportDate) : '…',
    from: formatDocumentDate(r.period.from),
    to: formatDocumentDate(r.period.to),
    asOf: formatDocumentDate(r.period.asOf),
    scopeDetail: scope.map((s) => `; ${s}`).join(''),
    programItems: programItemValues(r.programItems),
    programItemsByAgency: (r.programItemsByAgency ?? []).map((a, i) => ({ no: i + 1, agencyName: a.agencyName, ...programItemValues(a) })),
    noProgramItems: r.programItems.initial + r.programItems.added === 0,
    tasks: periodTasks,
    tasksText: counts,
    byAgency: r.byAgency.map((a, i) => ({ no: i + 1, agencyName: a.agencyName, ...taskValues(a) })),
    byAgencyTotal: r.byAgency.length ? [taskValues(t)] : [],
    hasOverdue: r.overdue.length > 0,
    overdueCount: formatCountInText(r.overdue.length),
    overdue: r.overdue.map(overdueRow),
  };
}

/** A row of Phụ lục III as the template's {#overdue} loop reads it. */
function overdueRow(o: OverdueTask) {
  return {
    no: o.no,
    sourceDocument: o.sourceDocument ?? '',
    title: o.code ? `${o.code}. ${o.title}` : o.title,
    dueDate: dueDateText(o.dueDate, o.effectiveDueDate),
    agencyName: o.agencyName,
    daysOverdue: o.daysOverdue,
    note: o.note,
  };
}

/** What an uploaded appendix template is tried on before it replaces the one in use. */
export const APPENDIX_SAMPLE = appendixDocxData(SAMPLE_REPORT, SAMPLE_INFO);

/** The appendices of `report` written with `template` (a checked .docx template). */
export function renderAppendixDocx(template: Buffer, report: AppendixReport, info: ReportDocumentInfo): Buffer {
  return renderTemplate(template, appendixDocxData(report, info));
}

/**
 * The appendices written to `path`, Phụ lục III's rows streamed into the zip (docx-stream.ts): a year
 * at national scale has tens of thousands of them. 'whole' when the template had to be rendered whole.
 */
export function writeAppendixDocx(template: Buffer, report: AppendixReport, info: ReportDocumentInfo, path: string): Promise<'streamed' | 'whole'> {
  const { overdue: _rows, ...data } = appendixDocxData({ ...report, overdue: [] }, info);
  return renderTemplateToFile(
    template,
    { ...data, hasOverdue: report.overdue.length > 0, overdueCount: formatCountInText(report.overdue.length) },
    {
      name: 'overdue',
      fields: Object.keys(APPENDIX_FIELDS.overdue),
      count: report.overdue.length,
      items: function* () {
        for (const o of report.overdue) yield overdueRow(o);
      },
    },
    path,
  );
}
