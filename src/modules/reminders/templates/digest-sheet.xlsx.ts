import { spreadsheetText } from 'src/core/xlsx/safe-cell';
import { formatVietnameseDate, LocalDate } from 'src/core/time/local-date';
import { standingText } from '../reminder-points';
import { BODY_MAX_TASKS, DigestItem, sortItems, taskUrl } from './reminder-mail.templates';


/** The attachment stays under this size (relays commonly refuse messages over 10 MB, base64 adds a third). */
export const DIGEST_ATTACHMENT_MAX_BYTES = 4 * 1024 * 1024;

async function render(title: string, items: DigestItem[], asOf: LocalDate, appUrl: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // at first use: docs/architecture.md "Memory"
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhiệm vụ');
  ws.columns = [
    { header: 'TT', width: 6 },
    { header: 'Mã', width: 12 },
    { header: 'Nội dung nhiệm vụ', width: 70 },
    { header: 'Văn bản giao nhiệm vụ', width: 40 },
    { header: 'Thời hạn', width: 12 },
    { header: 'Tình trạng', width: 22 },
    { header: 'Đường dẫn', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  items.forEach((it, i) =>
    ws.addRow([
      i + 1,
      spreadsheetText(it.code ?? ''),
      spreadsheetText(it.title),
      spreadsheetText(it.sourceDocument ?? ''),
      formatVietnameseDate(it.effectiveDueDate),
      standingText(it.effectiveDueDate, asOf),
      taskUrl(appUrl, it.taskId),
    ]),
  );
  wb.title = title;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The full task list of a big digest as XLSX, most urgent first. When the file would pass
 * `maxBytes` it lists fewer rows (the most urgent) and `listed` says how many.
 */
export async function renderDigestSheet(
  input: { agencyName: string; asOf: LocalDate; appUrl: string; items: DigestItem[] },
  maxBytes = DIGEST_ATTACHMENT_MAX_BYTES,
): Promise<{ buffer: Buffer; listed: number }> {
  const sorted = sortItems(input.items);
  const title = `Nhắc việc ${input.agencyName} ngày ${formatVietnameseDate(input.asOf)}`;
  let rows = sorted.length;
  for (;;) {
    const buffer = await render(title, sorted.slice(0, rows), input.asOf, input.appUrl);
    if (buffer.length <= maxBytes || rows <= BODY_MAX_TASKS) return { buffer, listed: rows };
    rows = Math.max(BODY_MAX_TASKS, Math.floor((rows * maxBytes * 0.9) / buffer.length));
  }
}
