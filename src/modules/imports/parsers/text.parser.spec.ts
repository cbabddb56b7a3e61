import { importFixture, SECTION_B_FILE } from 'test/fixtures/import-files.fixture';
import { parseTxt, textItems } from './text.parser';

describe('text.parser', () => {
  describe(parseTxt.name, () => {
    it('should read section B of the 2023 report as 14 items coded like the seeds', () => {
      const sut = parseTxt(importFixture('ok', SECTION_B_FILE).toString('utf8'));
      expect(sut.items.map((i) => i.code)).toEqual([
        'B.1',
        'B.2',
        'B.2.1',
        'B.2.2',
        'B.2.3',
        'B.2.4',
        'B.3',
        'B.4',
        'B.5',
        'B.6',
        'B.7',
        'B.8',
        'B.9',
        'B.10',
      ]);
      expect(sut.items[0]).toMatchObject({
        ref: 'Dòng 3',
        position: 3,
        source: 'text',
        group: 'B. CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024',
        parentCode: null,
      });
      expect(sut.items[2].parentCode).toBe('B.2');
      expect(sut.items[3].title).toMatch(/^Sở Tài chính, Sở Tài nguyên và Môi trường, Cục Thuế tập trung/);
    });

    it('should join a continuation paragraph to its item, even after a blank line', () => {
      const sut = parseTxt(importFixture('ok', SECTION_B_FILE).toString('utf8'));
      expect(sut.items.find((i) => i.code === 'B.4')!.title).toBe(
        'Xây dựng, ban hành Kế hoạch triển khai thực hiện kịp thời, hiệu quả Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về xây dựng và phát triển văn hóa, con người đến năm 2030, định hướng đến năm 2045.',
      );
    });

    it('should stop at the closing sentence, the signature and "Nơi nhận"', () => {
      const sut = parseTxt(importFixture('ok', SECTION_B_FILE).toString('utf8'));
      const last = sut.items[sut.items.length - 1];
      expect(last.code).toBe('B.10');
      expect(last.title).not.toContain('báo cáo HĐND');
      expect(sut.items.some((i) => i.title.includes('Ban Thường vụ Tỉnh ủy;'))).toBe(false);
    });

    it('should skip the preamble and read "(1)", "a)" and "+" items', () => {
      const sut = parseTxt(
        [
          'CHƯƠNG TRÌNH CÔNG TÁC',
          'Căn cứ Quyết định số 12/QĐ-UBND, UBND tỉnh ban hành Chương trình:',
          'I. LĨNH VỰC KINH TẾ',
          '(1) Sở Tài chính tham mưu',
          'a) Sở Xây dựng phối hợp',
          '- Sở Y tế',
          '+ Sở Nội vụ',
          'II. LĨNH VỰC XÃ HỘI',
          '1) Sở Giáo dục và Đào tạo',
        ].join('\n'),
      );
      expect(sut.items.map((i) => [i.code, i.title])).toEqual([
        ['I.1', 'Sở Tài chính tham mưu'],
        ['I.1.a', 'Sở Xây dựng phối hợp'],
        ['I.1.a.1', 'Sở Y tế'],
        ['I.1.a.1.1', 'Sở Nội vụ'],
        ['II.1', 'Sở Giáo dục và Đào tạo'],
      ]);
    });

    it('should strip control characters and say so', () => {
      const sut = parseTxt('1. Sở Tài\u0007 chính\u0000 thực hiện\u001b\n');
      expect(sut.items[0].title).toBe('Sở Tài chính thực hiện');
      expect(sut.items[0].stripped).toBe(true);
    });

    it('should find nothing in text without numbered items', () => {
      expect(parseTxt('Một đoạn văn không có mục nào.\nĐoạn thứ hai.').items).toEqual([]);
    });
  });

  describe(textItems.name, () => {
    it('should use the markers a Word list gives and call positions paragraphs', () => {
      const { items } = textItems(
        [
          { text: 'Sở Tài chính chủ trì', position: 1, marker: { kind: 'number', parts: ['1'] } },
          { text: 'Sở Y tế phối hợp', position: 2, marker: { kind: 'dash' } },
        ],
        'Đoạn',
      );
      expect(items.map((i) => [i.ref, i.code])).toEqual([
        ['Đoạn 1', '1'],
        ['Đoạn 2', '1.1'],
      ]);
    });
  });
});
