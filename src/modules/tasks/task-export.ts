import { Writable } from 'node:stream';
import { LocalDate } from 'src/core/time/local-date';
import { TaskView, toTaskResponse } from './dto/task-response.dto';
import { TASK_STATUS_LABELS } from './task-transitions';
import { TaskKind, Timeliness } from './task.enums';

/** A list exported to one file holds at most this many tasks (the office is asked to filter more). */
export const TASK_EXPORT_MAX_ROWS = 100_000;

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  [Timeliness.OnTime]: 'Hoàn thành đúng hạn',
  [Timeliness.Late]: 'Hoàn thành quá hạn',
  [Timeliness.InTime]: 'Trong hạn',
  [Timeliness.DueSoon]: 'Sắp đến hạn',
  [Timeliness.Overdue]: 'Quá hạn',
  [Timeliness.None]: '',
};

/** The columns of the exported list, in order (the header row). */
export const TASK_EXPORT_COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 6 },
  { header: 'Mã', width: 10 },
  { header: 'Nội dung nhiệm vụ', width: 60 },
  { header: 'Loại', width: 10 },
  { header: 'Cơ quan chủ trì', width: 28 },
  { header: 'Cơ quan phối hợp', width: 28 },
  { header: 'Lãnh đạo phụ trách', width: 22 },
  { header: 'Văn bản giao nhiệm vụ', width: 36 },
  { header: 'Ngày giao', width: 12 },
  { header: 'Thời hạn', width: 12 },
  { header: 'Trạng thái', width: 16 },
  { header: 'Tình trạng', width: 18 },
  { header: 'Ngày hoàn thành', width: 14 },
];

/** dd/mm/yyyy, as the pages show dates. */
function ddmmyyyy(d: string | null): string {
  if (!d) return '';
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

export function taskExportRow(t: TaskView, no: number, asOf: LocalDate): (string | number)[] {
  const r = toTaskResponse(t, asOf);
  return [
    no,
    r.code ?? '',
    r.title,
    r.kind === TaskKind.Proposal ? 'Đề án' : 'Nhiệm vụ',
    r.leadAgency.name,
    r.coordinatingAgencies.map((a) => a.name).join('; '),
    r.leaderInCharge ?? '',
    r.sourceDocument ?? '',
    ddmmyyyy(r.assignedAt),
    r.dueDate ? ddmmyyyy(r.dueDate) : (r.dueText ?? 'Thường xuyên'),
    TASK_STATUS_LABELS[r.status],
    TIMELINESS_LABELS[r.timeliness],
    ddmmyyyy(r.completedAt),
  ];
}

/**
 * Streams the list to `out` with exceljs's streaming writer: each row is committed as it is
 * written, so memory stays flat however long the list (up to TASK_EXPORT_MAX_ROWS).
 */
export async function writeTaskListXlsx(out: Writable, title: string, asOf: LocalDate, batches: AsyncIterable<TaskView[]>): Promise<number> {
  const { default: ExcelJS } = await import('exceljs'); // at first use: docs/architecture.md "Memory"
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'nhiemvu';
  const ws = wb.addWorksheet('Danh sách nhiệm vụ', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = TASK_EXPORT_COLUMNS.map((c) => ({ width: c.width }));
  const titleRow = ws.addRow([`${title} (tình trạng tính đến ngày ${ddmmyyyy(asOf)})`]);
  titleRow.font = { bold: true };
  titleRow.commit();
  const header = ws.addRow(TASK_EXPORT_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  let no = 0;
  for await (const batch of batches) {
    for (const t of batch) ws.addRow(taskExportRow(t, ++no, asOf)).commit();
  }
  ws.commit();
  await wb.commit();
  return no;
}
