import { foldVietnamese, foldVietnameseWithOffsets, normalizeWhitespace, sourceSpan } from 'src/core/text/vietnamese';

describe(foldVietnamese.name, () => {
  it('should lowercase and strip every tone and vowel mark', () => {
    expect(foldVietnamese('Sở Tài nguyên và Môi trường')).toBe('so tai nguyen va moi truong');
    expect(foldVietnamese('ẮẰẲẴẶ ấầẩẫậ ỨỪỬỮỰ ơớờởỡợ ỳýỷỹỵ')).toBe('aaaaa aaaaa uuuuu oooooo yyyyy');
  });

  it("should turn 'đ' and 'Đ' (and the look-alike 'Ð') into 'd'", () => {
    expect(foldVietnamese('Đắk Lắk, đồng bằng, ÐỒNG')).toBe('dak lak, dong bang, dong');
  });

  it('should collapse whitespace, including non-breaking spaces, and trim', () => {
    expect(foldVietnamese('  UBND \u00a0 tỉnh\t\nBình   Phước ')).toBe('ubnd tinh binh phuoc');
  });

  it('should give the same result for composed and decomposed input', () => {
    const composed = 'Quý II năm 2024 – Thường xuyên';
    expect(foldVietnamese(composed.normalize('NFD'))).toBe(foldVietnamese(composed));
  });

  it('should remove zero-width characters', () => {
    expect(foldVietnamese('Sở\u200b Tài\ufeffchính')).toBe('so taichinh');
  });
});

describe(normalizeWhitespace.name, () => {
  it('should collapse runs of whitespace and keep diacritics and case', () => {
    expect(normalizeWhitespace('  Sở   Tài\u00a0chính \n')).toBe('Sở Tài chính');
  });
});

describe(foldVietnameseWithOffsets.name, () => {
  it('should fold exactly like foldVietnamese', () => {
    for (const s of [
      '  Hoàn thành   trong Quý II/2024 ',
      'ĐỊNH KỲ hằng năm',
      'Sở\u200b Tài\u00a0chính',
      'Thường xuyên'.normalize('NFD'),
    ]) {
      expect(foldVietnameseWithOffsets(s).folded).toBe(foldVietnamese(s));
    }
  });

  it('should map a folded span back to the text as written', () => {
    const text = foldVietnameseWithOffsets('Hoàn thành  trong   Quý II/2024.');
    const from = text.folded.indexOf('quy');
    expect(sourceSpan(text, from, from + 'quy ii/2024'.length)).toBe('Quý II/2024');
    expect(sourceSpan(text, 0, 'hoan thanh trong'.length)).toBe('Hoàn thành  trong');
  });

  it('should keep a decomposed mark with its letter', () => {
    const text = foldVietnameseWithOffsets('Thường xuyên'.normalize('NFD'));
    expect(sourceSpan(text, 0, text.folded.length)).toBe('Thường xuyên');
  });

  it('should return an empty span for an empty range', () => {
    expect(sourceSpan(foldVietnameseWithOffsets('abc'), 2, 2)).toBe('');
  });
});
