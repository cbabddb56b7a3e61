import { DomainError } from 'src/core/http/domain-error';
import { HEADER, xlsxOf } from 'test/fixtures/import-files.fixture';
import { IMPORT_LIMITS } from '../import-limits';
import { TableField } from '../import.types';
import { parseXlsx } from './xlsx.parser';

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('xlsx.parser', () => {
  it('should read the template columns, section rows and codes', async () => {
    const buf = await xlsxOf(
      [
        HEADER,
        ['I', 'LĨNH VỰC KINH TẾ'],
        [
          1,
          'Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2025',
          'Sở Tài chính',
          'Cục Thống kê',
          'Tháng 12/2024',
          'Chủ tịch UBND tỉnh',
          'Nghị quyết',
          'HĐND tỉnh',
          'Nghị quyết số 01/NQ-CP',
          'Ghi chú 1',
        ],
        [
          2,
          'Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm',
          'Sở Tài chính',
          null,
          new Date(Date.UTC(2024, 5, 30)),
        ],
        ['II', 'LĨNH VỰC VĂN HÓA - XÃ HỘI'],
        [1, 'Đề án phát triển văn hóa', 'Sở Văn hóa, Thể thao và Du lịch', null, 'Quý III/2024'],
      ],
      { merges: ['B2:J2', 'B5:J5'] },
    );
    const sut = await parseXlsx(buf);
    expect(sut.format).toBe('xlsx');
    expect(sut.items.map((i) => [i.ref, i.code, i.group])).toEqual([
      ['Dòng 3', 'I.1', 'I. LĨNH VỰC KINH TẾ'],
      ['Dòng 4', 'I.2', 'I. LĨNH VỰC KINH TẾ'],
      ['Dòng 6', 'II.1', 'II. LĨNH VỰC VĂN HÓA - XÃ HỘI'],
    ]);
    expect(sut.items[0].cells).toEqual({
      leadAgency: 'Sở Tài chính',
      coordinatingAgencies: 'Cục Thống kê',
      due: 'Tháng 12/2024',
      leaderInCharge: 'Chủ tịch UBND tỉnh',
      outputForm: 'Nghị quyết',
      submitTo: 'HĐND tỉnh',
      sourceDocument: 'Nghị quyết số 01/NQ-CP',
      note: 'Ghi chú 1',
    });
    expect(sut.items[1].cells.due).toEqual({ date: '2024-06-30' });
    expect(sut.items[0].columns).toHaveLength(10);
  });

  it('should find the header below title rows, with the usual variants, and skip the column numbers row', async () => {
    const buf = await xlsxOf([
      ['PHỤ LỤC'],
      ['DANH MỤC ĐỀ ÁN TRÌNH NĂM 2024'],
      [],
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành (dự kiến)'],
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
      ['1', 'Quy hoạch tỉnh', 'Sở TN&MT', 'Sở Xây dựng', 'Quý II/2024'],
    ]);
    const sut = await parseXlsx(buf);
    expect(sut.items.map((i) => [i.ref, i.code, i.title, i.cells.leadAgency, i.cells.due])).toEqual([
      ['Dòng 6', '1', 'Quy hoạch tỉnh', 'Sở TN&MT', 'Quý II/2024'],
    ]);
  });

  it('should read a two-row header "Cơ quan thực hiện" → "Chủ trì" | "Phối hợp"', async () => {
    const buf = await xlsxOf(
      [
        ['TT', 'Nội dung công việc', 'Cơ quan thực hiện', null, 'Thời gian trình'],
        [null, null, 'Chủ trì', 'Phối hợp', null],
        [1, 'Đề án A', 'Sở Y tế', 'Sở Tài chính', 'Tháng 6/2024'],
      ],
      { merges: ['C1:D1', 'A1:A2', 'B1:B2', 'E1:E2'] },
    );
    const [item] = (await parseXlsx(buf)).items;
    expect(item.cells).toEqual({ leadAgency: 'Sở Y tế', coordinatingAgencies: 'Sở Tài chính', due: 'Tháng 6/2024' });
  });

  it('should spread a vertically merged agency cell over its rows', async () => {
    const buf = await xlsxOf(
      [HEADER.slice(0, 5), [1, 'Việc một', 'Sở Y tế', null, 'Quý I/2024'], [2, 'Việc hai', null, null, 'Quý II/2024']],
      { merges: ['C2:C3'] },
    );
    expect((await parseXlsx(buf)).items.map((i) => i.cells.leadAgency)).toEqual(['Sở Y tế', 'Sở Y tế']);
  });

  it('should read a numbered row without agencies followed by its children as a heading', async () => {
    const buf = await xlsxOf([
      HEADER.slice(0, 5),
      ['A', 'ĐỀ ÁN TRÌNH HĐND TỈNH'],
      [1, 'Lĩnh vực tài chính'],
      ['1.1', 'Nghị quyết A', 'Sở Tài chính', null, 'Tháng 7/2024'],
      ['1.2', 'Nghị quyết B', 'Sở Tài chính', null, 'Tháng 12/2024'],
      [2, 'Nghị quyết C', 'Sở Y tế', null, 'Tháng 12/2024'],
      ['', 'NHIỆM VỤ KHÁC'],
      ['', 'Việc không số', 'Sở Nội vụ', null, 'Năm 2024'],
    ]);
    const sut = await parseXlsx(buf);
    expect(sut.items.map((i) => [i.code, i.group])).toEqual([
      ['A.1.1', 'A. ĐỀ ÁN TRÌNH HĐND TỈNH › 1. Lĩnh vực tài chính'],
      ['A.1.2', 'A. ĐỀ ÁN TRÌNH HĐND TỈNH › 1. Lĩnh vực tài chính'],
      ['A.2', 'A. ĐỀ ÁN TRÌNH HĐND TỈNH'],
      ['A.3', 'A. ĐỀ ÁN TRÌNH HĐND TỈNH › NHIỆM VỤ KHÁC'],
    ]);
  });

  it('should read formulas as their saved values and report those saved without one', async () => {
    const buf = await xlsxOf([
      HEADER.slice(0, 5),
      [
        1,
        { formula: 'CONCATENATE("Xây dựng ","Đề án")', result: 'Xây dựng Đề án' },
        'Sở Y tế',
        null,
        { formula: 'DATE(2024,6,30)', result: new Date(Date.UTC(2024, 5, 30)) },
      ],
      [2, { formula: 'A1&"x"' }, 'Sở Y tế', null, 'Quý II/2024'],
      [3, 'Việc ba', 'Sở Y tế', null, { formula: 'NOW()' }],
    ]);
    const sut = await parseXlsx(buf);
    expect(sut.items[0].title).toBe('Xây dựng Đề án');
    expect(sut.items[0].cells.due).toEqual({ date: '2024-06-30' });
    expect(sut.items[1].errors).toEqual([
      {
        field: TableField.Title,
        message: expect.stringContaining('ô B3 là công thức chưa có giá trị đã tính') as string,
      },
    ]);
    expect(sut.items[2].warnings[0].message).toContain('ô E4 là công thức chưa có giá trị đã tính');
    expect(sut.items[2].cells.due).toBeUndefined();
  });

  it('should import the first sheet with a header and say which others it left out', async () => {
    const buf = await xlsxOf([['Hướng dẫn: điền vào trang sau']], {
      sheet: 'Hướng dẫn',
      extraSheets: [
        { name: 'Đề án', rows: [HEADER.slice(0, 3), [1, 'Đề án A', 'Sở Y tế']] },
        { name: 'Nhiệm vụ', rows: [HEADER.slice(0, 3), [1, 'Việc B', 'Sở Y tế']] },
        { name: 'Ẩn', rows: [HEADER.slice(0, 3), [1, 'Việc C', 'Sở Y tế']], hidden: true },
      ],
    });
    const sut = await parseXlsx(buf);
    expect(sut.items.map((i) => [i.ref, i.title])).toEqual([['Trang tính “Đề án”, dòng 2', 'Đề án A']]);
    expect(sut.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('Trang tính “Nhiệm vụ” cũng có bảng nhưng không được nhập'),
    ]);
  });

  it('should name the missing columns', async () => {
    const err = await rejection(
      parseXlsx(
        await xlsxOf([
          ['TT', 'Nội dung', 'Thời hạn'],
          [1, 'Việc', 'Quý I/2024'],
        ]),
      ),
    );
    expect(err.message).toMatch(/^Bảng thiếu cột “Cơ quan chủ trì”/);
    const none = await rejection(
      parseXlsx(
        await xlsxOf([
          ['a', 'b'],
          [1, 2],
        ]),
      ),
    );
    expect(none.message).toMatch(/^Không tìm thấy dòng tiêu đề của bảng: cần các cột “Nội dung”, “Cơ quan chủ trì”/);
  });

  it(`should refuse more than ${IMPORT_LIMITS.maxItems} rows`, async () => {
    const rows = [
      HEADER.slice(0, 3),
      ...Array.from({ length: IMPORT_LIMITS.maxItems + 1 }, (_, i) => [i + 1, `Việc ${i + 1}`, 'Sở Y tế']),
    ];
    const err = await rejection(parseXlsx(await xlsxOf(rows)));
    expect(err.message).toBe(
      'Tệp có 20.001 dòng, vượt quá giới hạn 20.000 dòng mỗi lần nhập; hãy chia thành nhiều tệp nhỏ hơn',
    );
  });
});
