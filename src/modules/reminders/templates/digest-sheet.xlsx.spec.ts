import ExcelJS from 'exceljs';
import { renderDigestSheet } from './digest-sheet.xlsx';
import { BODY_MAX_TASKS, DigestItem } from './reminder-mail.templates';

const items = (n: number): DigestItem[] =>
  Array.from({ length: n }, (_, i) => ({
    taskId: i + 1,
    code: `NV-${i + 1}`,
    title: i === 0 ? '=HYPERLINK("http://x","y")' : `Nhiệm vụ số ${i + 1} ${'rà soát, báo cáo '.repeat(10)}`,
    effectiveDueDate: '2024-06-03',
    sourceDocument: null,
    escalate: false,
  }));

describe(renderDigestSheet.name, () => {
  const input = (n: number) => ({ agencyName: 'Sở Tài chính', asOf: '2024-07-15', appUrl: 'http://127.0.0.1:3000', items: items(n) });

  it('should list every task when the file fits, text that looks like a formula quoted', async () => {
    const { buffer, listed } = await renderDigestSheet(input(300));
    // (a few hundred rows: well under the cap)
    expect(listed).toBe(300);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(301);
    const titles: unknown[] = [];
    wb.worksheets[0].eachRow((r) => titles.push(r.getCell(3).value));
    expect(titles).toContain(`'=HYPERLINK("http://x","y")`);
  });

  it('should list fewer (the most urgent) tasks when the file would pass the size cap', async () => {
    const { buffer, listed } = await renderDigestSheet(input(800), 30_000);
    expect(buffer.length).toBeLessThanOrEqual(30_000);
    expect(listed).toBeLessThan(800);
    expect(listed).toBeGreaterThanOrEqual(BODY_MAX_TASKS);
  }, 30_000);
});
