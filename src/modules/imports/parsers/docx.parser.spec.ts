import { docxOf } from 'test/fixtures/import-files.fixture';
import { parseDocx } from './docx.parser';

describe('docx.parser', () => {
  it('should read typed numbers, Word numbering and bullets as items', async () => {
    const buf = await docxOf([
      'B. CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024',
      '1. Sở Tài chính thực hiện tốt công tác thu ngân sách.',
      { text: 'Sở Y tế đẩy nhanh tiến độ đấu thầu thuốc', list: 'bullet' },
      { text: 'Sở Nội vụ rà soát tổ chức bộ máy', list: 'bullet' },
      '2. Sở Xây dựng hoàn thành quy hoạch trong Quý II/2024.',
      'tiếp theo của mục 2',
      'UBND tỉnh báo cáo HĐND tỉnh xem xét./.',
    ]);
    const sut = await parseDocx(buf);
    expect(sut.format).toBe('docx');
    expect(sut.items.map((i) => [i.ref, i.code, i.title])).toEqual([
      ['Đoạn 2', 'B.1', 'Sở Tài chính thực hiện tốt công tác thu ngân sách.'],
      ['Đoạn 3', 'B.1.1', 'Sở Y tế đẩy nhanh tiến độ đấu thầu thuốc'],
      ['Đoạn 4', 'B.1.2', 'Sở Nội vụ rà soát tổ chức bộ máy'],
      ['Đoạn 5', 'B.2', 'Sở Xây dựng hoàn thành quy hoạch trong Quý II/2024. tiếp theo của mục 2'],
    ]);
  });

  it('should number a Word list as Word does, across interrupting paragraphs', async () => {
    const buf = await docxOf([
      { text: 'Việc thứ nhất', list: 'number' },
      { text: 'Việc thứ hai', list: 'number' },
      { text: 'Việc con của mục hai', list: 'number', level: 1 },
      'đoạn tiếp theo của việc con',
      { text: 'Việc thứ ba', list: 'number' },
    ]);
    const sut = await parseDocx(buf);
    expect(sut.items.map((i) => [i.code, i.title])).toEqual([
      ['1', 'Việc thứ nhất'],
      ['2', 'Việc thứ hai'],
      ['2.1', 'Việc con của mục hai đoạn tiếp theo của việc con'],
      ['3', 'Việc thứ ba'],
    ]);
  });

  it('should import a table with the program header, merged cells included', async () => {
    const buf = await docxOf([
      'PHỤ LỤC: DANH MỤC ĐỀ ÁN',
      {
        table: [
          [{ text: 'TT' }, { text: 'Tên đề án' }, { text: 'Cơ quan chủ trì' }, { text: 'Thời hạn' }],
          [{ text: 'I' }, { text: 'LĨNH VỰC KINH TẾ', columnSpan: 3 }],
          [{ text: '1' }, { text: 'Đề án một' }, { text: 'Sở Tài chính', rowSpan: 2 }, { text: 'Quý I/2024' }],
          [{ text: '2' }, { text: 'Đề án hai' }, { text: 'Quý II/2024' }],
        ],
      },
    ]);
    const sut = await parseDocx(buf);
    expect(sut.items.map((i) => [i.ref, i.code, i.title, i.cells.leadAgency, i.cells.due])).toEqual([
      ['Dòng 3', 'I.1', 'Đề án một', 'Sở Tài chính', 'Quý I/2024'],
      ['Dòng 4', 'I.2', 'Đề án hai', 'Sở Tài chính', 'Quý II/2024'],
    ]);
  });
});
