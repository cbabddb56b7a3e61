import { Outline, readCellMarker, readLineMarker, resolveNumber } from './outline';

describe(Outline.name, () => {
  describe('readLineMarker', () => {
    it.each([
      ['B. CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024', { kind: 'letter', label: 'B' }],
      ['II. Đánh giá chung', { kind: 'roman', label: 'II' }],
      ['I. Kết quả chủ yếu', { kind: 'roman', label: 'I' }],
      ['1. Yêu cầu các ngành', { kind: 'number', parts: ['1'] }],
      ['10) Chủ động liên hệ', { kind: 'number', parts: ['10'] }],
      ['(4) Đề cao kỷ luật', { kind: 'number', parts: ['4'] }],
      ['2.1. Sở Tài chính', { kind: 'number', parts: ['2', '1'] }],
      ['2.1 Sở Tài chính', { kind: 'number', parts: ['2', '1'] }],
      ['a) Sở Y tế', { kind: 'alpha', label: 'a' }],
      ['đ. Sở Y tế', { kind: 'alpha', label: 'đ' }],
      ['- Chủ động đăng ký', { kind: 'dash' }],
      ['– Chủ động đăng ký', { kind: 'dash' }],
      ['• Chủ động đăng ký', { kind: 'dash' }],
      ['+ Chủ động đăng ký', { kind: 'plus' }],
    ])('should read %s', (line, marker) => {
      expect(readLineMarker(line)?.marker).toEqual(marker);
    });

    it.each(['2023 là năm bứt phá', 'Năm 2024 là năm …', 'UBND tỉnh báo cáo', '1.5 tỷ đồng'.replace('1.5 ', '1,5 ')])(
      'should not take %s for a marker',
      (line) => {
        expect(readLineMarker(line)).toBeNull();
      },
    );

    it('should read a section letter that follows the previous one as a letter', () => {
      expect(readLineMarker('C. Tổ chức thực hiện', 'B')?.marker).toEqual({ kind: 'letter', label: 'C' });
      expect(readLineMarker('V. Kiến nghị')?.marker).toEqual({ kind: 'roman', label: 'V' });
      expect(readLineMarker('V. Kiến nghị', 'U')?.marker).toEqual({ kind: 'letter', label: 'V' });
    });

    it('should read "Phần thứ hai" as a part', () => {
      expect(readLineMarker('Phần thứ hai')?.marker.kind).toBe('part');
    });
  });

  describe('readCellMarker', () => {
    it.each([
      ['', { kind: 'none' }],
      ['II', { kind: 'roman', label: 'II' }],
      ['B.', { kind: 'letter', label: 'B' }],
      ['1', { kind: 'number', parts: ['1'] }],
      ['01', { kind: 'number', parts: ['1'] }],
      ['1.2.', { kind: 'number', parts: ['1', '2'] }],
      ['(3)', { kind: 'number', parts: ['3'] }],
      ['a)', { kind: 'alpha', label: 'a' }],
      ['-', { kind: 'dash' }],
      ['+', { kind: 'plus' }],
      ['B.2.3', { kind: 'number', parts: ['B', '2', '3'] }],
    ])('should read TT %p', (tt, marker) => {
      expect(readCellMarker(tt)).toEqual(marker);
    });
  });

  describe('codes', () => {
    it('should code section B as the seeds do: B.1, B.2, bullets B.2.1 …, B.3', () => {
      const sut = new Outline();
      sut.heading({ kind: 'letter', label: 'B' }, 'B. CHƯƠNG TRÌNH');
      const one = sut.item({ kind: 'number', parts: ['1'] });
      const two = sut.item({ kind: 'number', parts: ['2'] });
      const bullets = [sut.item({ kind: 'dash' }), sut.item({ kind: 'dash' })];
      const plus = sut.item({ kind: 'plus' });
      const three = sut.item({ kind: 'number', parts: ['3'] });
      sut.finish();
      expect([one, two, ...bullets, plus, three].map((e) => e.code)).toEqual([
        'B.1',
        'B.2',
        'B.2.1',
        'B.2.2',
        'B.2.2.1',
        'B.3',
      ]);
      expect(bullets[0].parentCode).toBe('B.2');
      expect(one.parentCode).toBeNull();
      expect(one.group).toBe('B. CHƯƠNG TRÌNH');
    });

    it('should not double the parent number of "2.1" and keep letters under their item', () => {
      const sut = new Outline();
      sut.item({ kind: 'number', parts: ['2'] });
      const sub = sut.item({ kind: 'number', parts: ['2', '1'] });
      const a = sut.item({ kind: 'alpha', label: 'a' });
      const dash = sut.item({ kind: 'dash' });
      sut.finish();
      expect([sub.code, a.code, dash.code]).toEqual(['2.1', '2.1.a', '2.1.a.1']);
    });

    it('should number bullets apart when their parent also has numbered children', () => {
      const sut = new Outline();
      sut.item({ kind: 'number', parts: ['2'] });
      const bullet = sut.item({ kind: 'dash' });
      sut.item({ kind: 'number', parts: ['2', '1'] });
      sut.finish();
      expect(bullet.code).toBe('2.1');
      const mixed = new Outline();
      mixed.heading({ kind: 'roman', label: 'I' }, 'I. Nhóm');
      const b = mixed.item({ kind: 'dash' });
      mixed.item({ kind: 'number', parts: ['1'] });
      mixed.finish();
      expect(b.code).toBe('I.-1');
    });

    it('should put the children of a numbered heading row under it, and number rows without TT', () => {
      const sut = new Outline();
      sut.heading({ kind: 'roman', label: 'II' }, 'II. LĨNH VỰC VĂN HÓA - XÃ HỘI');
      sut.heading({ kind: 'number', parts: ['1'] }, '1. Giáo dục');
      const a = sut.item({ kind: 'number', parts: ['1'] });
      const b = sut.item({ kind: 'none' });
      const c = sut.item({ kind: 'number', parts: ['1', '3'] });
      sut.heading({ kind: 'number', parts: ['2'] }, '2. Y tế');
      const d = sut.item({ kind: 'number', parts: ['1'] });
      sut.finish();
      expect([a, b, c, d].map((e) => e.code)).toEqual(['II.1.1', 'II.1.2', 'II.1.3', 'II.2.1']);
      expect(d.group).toBe('II. LĨNH VỰC VĂN HÓA - XÃ HỘI › 2. Y tế');
    });

    it('should give a capitals label a group but no code of its own', () => {
      const sut = new Outline();
      sut.heading({ kind: 'letter', label: 'A' }, 'A. Đề án');
      sut.label('LĨNH VỰC KINH TẾ');
      const a = sut.item({ kind: 'number', parts: ['1'] });
      sut.finish();
      expect(a.code).toBe('A.1');
      expect(a.group).toBe('A. Đề án › LĨNH VỰC KINH TẾ');
    });

    it('should restart codes after "Phần thứ hai"', () => {
      const sut = new Outline();
      sut.heading({ kind: 'roman', label: 'I' }, 'I. Kết quả');
      sut.heading({ kind: 'part', label: 'Phần thứ hai' }, 'Phần thứ hai');
      const one = sut.item({ kind: 'number', parts: ['1'] });
      sut.finish();
      expect(one.code).toBe('1');
    });
  });

  describe('resolveNumber', () => {
    it.each([
      [null, ['2'], '2'],
      ['B', ['2'], 'B.2'],
      ['B.2', ['2', '1'], 'B.2.1'],
      ['II.1', ['1', '2'], 'II.1.2'],
      ['II.1', ['1'], 'II.1.1'],
      ['B', ['B', '2', '3'], 'B.2.3'],
    ])('under %p should code %p as %s', (parent, parts, code) => {
      expect(resolveNumber(parent, parts)).toBe(code);
    });
  });
});
