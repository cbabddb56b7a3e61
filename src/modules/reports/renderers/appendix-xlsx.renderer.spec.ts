import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx, rowValues } from 'test/utils/office-read-back';
import { RATE_FORMAT, renderAppendixXlsx, rowHeight } from './appendix-xlsx.renderer';
import { EMPTY_REPORT, SAMPLE_INFO, SAMPLE_REPORT } from './sample-report';
import { yearSnapshot } from '../../../../bench/lib/report-snapshot';

describe(renderAppendixXlsx.name, () => {
  let dir: string;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nhiemvu-xlsx-'));
    await renderAppendixXlsx(SAMPLE_REPORT, SAMPLE_INFO, join(dir, 'sample.xlsx'));
    wb = await readXlsx(join(dir, 'sample.xlsx'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sheet = (name: string) => wb.getWorksheet(name)!;

  it('should stream a 20,000-row Phụ lục III that opens with every row, styled as the short one', async () => {
    const path = join(dir, 'big.xlsx');
    await renderAppendixXlsx(yearSnapshot(20_000), SAMPLE_INFO, path);
    const p3 = (await readXlsx(path)).getWorksheet('Phụ lục III')!;
    const first = 8;
    expect(Array.from({ length: 20_000 }, (_, i) => p3.getCell(first + i, 1).value)).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
    expect(p3.getCell(first + 20_000, 1).value).toBeNull();
    expect(p3.getCell(first + 19_999, 6).value).toBe('quá hạn 171 ngày');
    for (const c of [p3.getCell(first, 3), p3.getCell(first + 19_999, 1)]) {
      expect(c.font).toEqual(sheet('Phụ lục III').getCell(first, c.col).font);
      expect(c.border).toEqual(sheet('Phụ lục III').getCell(first, c.col).border);
      expect(c.alignment).toEqual(sheet('Phụ lục III').getCell(first, c.col).alignment);
    }
  });

  it('should have the four sheets in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phụ lục I', 'Phụ lục II', 'Phụ lục III', 'Theo cơ quan']);
  });

  it('should write the header block on every sheet', () => {
    for (const ws of wb.worksheets) {
      expect(ws.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC');
      expect(ws.getCell('A4').value).toBe('(Kèm theo Báo cáo số 165/BC-UBND ngày 01/7/2024 của UBND tỉnh Bình Phước)');
      expect(ws.getCell('A5').value).toBe('Số liệu từ ngày 15/3/2024 đến ngày 14/6/2024, tính đến ngày 20/6/2024.');
      expect(ws.getCell('A1').font.bold).toBe(true);
      expect(ws.getCell('A1').font.name).toBe('Times New Roman');
    }
    expect(rowValues(sheet('Phụ lục I'), 2, 1)).toEqual(['PHỤ LỤC I']);
    expect(sheet('Phụ lục I').getCell('A3').value).toBe('KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH CÔNG TÁC QUÝ II NĂM 2024');
    expect(sheet('Phụ lục II').getCell('A3').value).toBe('KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO QUÝ II NĂM 2024');
    expect(sheet('Phụ lục III').getCell('A2').value).toBe('PHỤ LỤC III');
    expect(sheet('Phụ lục III').getCell('A3').value).toBe('DANH SÁCH NHIỆM VỤ CHƯA HOÀN THÀNH QUÁ HẠN QUÝ II NĂM 2024');
    expect(sheet('Theo cơ quan').getCell('A2').value).toBe('PHỤ LỤC II (TIẾP THEO)');
  });

  it('should lay out Phụ lục I per lead agency with the seed\'s column headers, numbers (1)…(8) and a total row', () => {
    const ws = sheet('Phụ lục I');
    expect(ws.getCell('A7').value).toBe('TT');
    expect(ws.getCell('B7').value).toBe('Cơ quan chủ trì');
    expect(ws.getCell('C7').value).toBe('Số đề án phải trình trong quý II năm 2024');
    expect(ws.getCell('G7').value).toBe('Tổng số đề án đã trình thuộc CTCT quý II năm 2024');
    expect(ws.getCell('H7').value).toBe('Số đề án đã ban hành thuộc CTCT quý II năm 2024');
    expect(ws.getCell('I7').value).toBe('Số đề án chưa trình');
    expect(ws.getCell('J7').value).toBe('Tỷ lệ đề án đã trình so với tổng số đề án phải trình');
    expect(rowValues(ws, 8, 6).slice(2)).toEqual(['Số đề án giao đầu năm', 'Số đề án giao thêm', 'Số đề án xin chuyển, xin rút khỏi CTCT quý II năm 2024', 'Tổng số']);
    expect(rowValues(ws, 9, 10).slice(2)).toEqual(['(1)', '(2)', '(3)', '(4)=(1)+(2)-(3)', '(5)', '(6)', '(7)=(4)-(5)', '(8)=(5)/(4)']);
    expect(rowValues(ws, 10, 10)).toEqual([1, 'Sở Tài chính', 30, 2, 1, 31, 28, 25, 3, 0.903]);
    expect(rowValues(ws, 11, 10)).toEqual([2, 'UBND thành phố Đồng Xoài', 10, 1, 0, 11, 9, 8, 2, 0.818]);
    expect(rowValues(ws, 12, 10)).toEqual([null, 'Tổng cộng', 40, 3, 1, 42, 37, 33, 5, 0.881]);
    expect(ws.getCell('B12').font.bold).toBe(true);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A7:A8', 'B7:B8', 'C7:F7', 'G7:G8', 'H7:H8', 'I7:I8', 'J7:J8']));
  });

  it('should write numbers as numbers and the rate as a percentage cell', () => {
    const ws = sheet('Phụ lục I');
    expect(typeof ws.getCell('C10').value).toBe('number');
    expect(ws.getCell('J10').numFmt).toBe(RATE_FORMAT);
    expect(ws.getCell('J12').numFmt).toBe('0.0%');
  });

  it('should frame the table, freeze its header rows and print A4 landscape fitted to the width', () => {
    const ws = sheet('Phụ lục I');
    for (const address of ['A7', 'H8', 'D9', 'A10', 'J10', 'J12']) {
      expect(ws.getCell(address).border).toEqual({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    }
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '7:9' });
    expect(ws.getColumn(1).width).toBe(5);
    expect(ws.getColumn(2).width).toBe(30);
  });

  it('should write Phụ lục II with the carried-over split and both rates, each labelled', () => {
    const ws = sheet('Phụ lục II');
    const given = 'Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao';
    const due = 'Tỷ lệ hoàn thành so với số nhiệm vụ đã đến hạn';
    expect(rowValues(ws, 7, 11)).toEqual(['Tổng số nhiệm vụ', 'Trong đó', 'Trong đó', 'Đã hoàn thành', 'Đã hoàn thành', 'Đã hoàn thành', 'Chưa hoàn thành', 'Chưa hoàn thành', 'Chưa hoàn thành', given, due]);
    expect(rowValues(ws, 8, 11)).toEqual(['Tổng số nhiệm vụ', 'Chuyển từ kỳ trước', 'Giao trong kỳ', 'Tổng số', 'Đúng hạn', 'Quá hạn', 'Tổng số', 'Trong hạn', 'Quá hạn', given, due]);
    expect(rowValues(ws, 9, 11)).toEqual(['(1)=(4)+(7)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)=(4)/(1)', '(11)=(4)/[(4)+(9)]']);
    expect(rowValues(ws, 10, 11)).toEqual([12, 3, 9, 7, 6, 1, 5, 3, 2, 0.583, 0.778]);
    expect(ws.getCell('J10').numFmt).toBe('0.0%');
    expect(ws.getCell('K10').numFmt).toBe('0.0%');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
  });

  it('should list the overdue tasks in Phụ lục III', () => {
    const ws = sheet('Phụ lục III');
    expect(rowValues(ws, 7, 6)).toEqual(['TT', 'Văn bản giao nhiệm vụ', 'Nội dung nhiệm vụ', 'Thời hạn hoàn thành', 'Cơ quan được giao', 'Ghi chú']);
    expect(rowValues(ws, 8, 6)).toEqual([
      1,
      'Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ',
      'NV-03. Rà soát, đề xuất phương án phân bổ vốn đầu tư công năm 2024',
      '01/6/2024 (hạn thực tế: 03/6/2024)',
      'Sở Tài chính',
      'quá hạn 17 ngày',
    ]);
    expect(rowValues(ws, 9, 6)).toEqual([2, null, 'Báo cáo tình hình thu ngân sách 5 tháng đầu năm', '10/6/2024', 'Sở Tài chính', 'quá hạn 10 ngày']);
    expect(ws.getCell('A10').value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(ws.getRow(8).height).toBeGreaterThan(20);
  });

  it('should write one row per agency and a bold total row on "Theo cơ quan"', () => {
    const ws = sheet('Theo cơ quan');
    expect(rowValues(ws, 8, 11)).toEqual(['TT', 'Cơ quan chủ trì', 'Tổng số nhiệm vụ', 'Tổng số', 'Đúng hạn', 'Quá hạn', 'Tổng số', 'Trong hạn', 'Quá hạn', 'Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao', 'Tỷ lệ hoàn thành so với số nhiệm vụ đã đến hạn']);
    expect(rowValues(ws, 10, 11)).toEqual([1, 'Sở Tài chính', 8, 5, 4, 1, 3, 1, 2, 0.625, 0.714]);
    expect(rowValues(ws, 11, 11)).toEqual([2, 'UBND thành phố Đồng Xoài', 4, 2, 2, 0, 2, 2, 0, 0.5, 1]);
    expect(rowValues(ws, 12, 11)).toEqual([null, 'Tổng cộng', 12, 7, 6, 1, 5, 3, 2, 0.583, 0.778]);
    expect(ws.getCell('B12').font.bold).toBe(true);
    expect(ws.getCell('J12').numFmt).toBe('0.0%');
  });

  describe('an empty period', () => {
    let empty: ExcelJS.Workbook;

    beforeAll(async () => {
      await renderAppendixXlsx(EMPTY_REPORT, { ...SAMPLE_INFO, reportNumber: null, reportDate: null }, join(dir, 'empty.xlsx'));
      empty = await readXlsx(join(dir, 'empty.xlsx'));
    });

    it('should write zeros, "-" for the rates and say there is nothing overdue', () => {
      expect(rowValues(empty.getWorksheet('Phụ lục I')!, 10, 10)).toEqual([null, 'Tổng cộng', 0, 0, 0, 0, 0, 0, 0, '-']);
      expect(rowValues(empty.getWorksheet('Phụ lục II')!, 10, 11)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, '-', '-']);
      expect(empty.getWorksheet('Phụ lục III')!.getCell('A8').value).toBe('Không có nhiệm vụ quá hạn.');
      expect(empty.getWorksheet('Phụ lục III')!.model.merges).toContain('A8:F8');
      expect(empty.getWorksheet('Theo cơ quan')!.getCell('A10').value).toBe('Không có nhiệm vụ trong kỳ báo cáo.');
      expect(empty.getWorksheet('Phụ lục I')!.getCell('A4').value).toBe('(Kèm theo Báo cáo số …/BC-UBND ngày … của UBND tỉnh Bình Phước)');
    });
  });
});

describe(rowHeight.name, () => {
  it('should grow with the longest wrapped text', () => {
    expect(rowHeight([1, 'ngắn'], [6, 20])).toBe(20);
    expect(rowHeight([1, 'x'.repeat(60)], [6, 20])).toBe(3 * 16 + 4);
    expect(rowHeight([1, 'x'.repeat(24)], [6, 20])).toBe(20);
    expect(rowHeight(['a\nb\nc\nd'], [20])).toBe(4 * 16 + 4);
  });
});

describe(`${renderAppendixXlsx.name} with hostile text`, () => {
  it('should write text starting with = + - @ as quoted text, never as a formula', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhiemvu-xlsx-'));
    try {
      const hostile = '=HYPERLINK("http://evil.example","bấm vào")';
      const report = {
        ...SAMPLE_REPORT,
        overdue: SAMPLE_REPORT.overdue.map((o, i) => ({ ...o, code: null, title: i === 0 ? hostile : '@SUM(1+1)', sourceDocument: '+1-2' })),
      };
      await renderAppendixXlsx(report, SAMPLE_INFO, join(dir, 'hostile.xlsx'));
      const wb = await readXlsx(join(dir, 'hostile.xlsx'));
      const cells: ExcelJS.Cell[] = [];
      for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
      expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
      const texts = cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
      expect(texts).toContain(`'${hostile}`);
      expect(texts).toContain("'@SUM(1+1)");
      expect(texts).toContain("'+1-2");
      expect(texts.filter((t) => /^[=+@]/.test(t))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

});
