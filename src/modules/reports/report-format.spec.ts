import {
  asciiFileName,
  attachedToLine,
  contentDisposition,
  formatCountInText,
  formatDocumentDate,
  formatRate,
  reportFileTitle,
  upperVi,
} from './report-format';

describe(formatRate.name, () => {
  it.each([
    [0.881, '88,1%'],
    [0.913, '91,3%'],
    [1, '100,0%'],
    [0, '0,0%'],
    [0.0005, '0,1%'],
    [null, '-'],
  ])('should write %p as %s', (r, text) => {
    expect(formatRate(r)).toBe(text);
  });
});

describe(formatDocumentDate.name, () => {
  it.each([
    ['2020-07-01', '01/7/2020'],
    ['2024-01-15', '15/01/2024'],
    ['2024-02-05', '05/02/2024'],
    ['2024-06-30', '30/6/2024'],
    ['2024-12-31', '31/12/2024'],
  ])('should write %s as %s (Nghị định 30/2020: leading zero for January and February only)', (d, text) => {
    expect(formatDocumentDate(d)).toBe(text);
  });
});

describe(formatCountInText.name, () => {
  it('should pad 1–9 to two digits as the reports do and keep 0 and larger numbers', () => {
    expect([0, 4, 9, 42, 120].map(formatCountInText)).toEqual(['0', '04', '09', '42', '120']);
  });
});

describe(attachedToLine.name, () => {
  it('should write the report symbol and date', () => {
    expect(attachedToLine('165', '2020-07-01', 'Bình Dương')).toBe('(Kèm theo Báo cáo số 165/BC-UBND ngày 01/7/2020 của UBND tỉnh Bình Dương)');
    expect(attachedToLine('12/BC-VPUBND', null, 'Bình Phước')).toBe('(Kèm theo Báo cáo số 12/BC-VPUBND ngày … của UBND tỉnh Bình Phước)');
    expect(attachedToLine(null, null, 'Bình Phước')).toBe('(Kèm theo Báo cáo số …/BC-UBND ngày … của UBND tỉnh Bình Phước)');
  });
});

describe(upperVi.name, () => {
  it('should uppercase Vietnamese letters', () => {
    expect(upperVi('Bình Phước')).toBe('BÌNH PHƯỚC');
    expect(upperVi('Đắk Lắk')).toBe('ĐẮK LẮK');
  });
});

describe(asciiFileName.name, () => {
  it('should strip the marks and join the words with hyphens', () => {
    expect(asciiFileName('Phụ lục báo cáo Quý II năm 2024')).toBe('Phu-luc-bao-cao-Quy-II-nam-2024');
    expect(asciiFileName('Phụ lục báo cáo 01.01.2020 - 30.06.2020')).toBe('Phu-luc-bao-cao-01.01.2020-30.06.2020');
    expect(asciiFileName('Đề án')).toBe('De-an');
  });
});

describe(reportFileTitle.name, () => {
  it('should name a named period by its label and explicit dates by the range', () => {
    expect(reportFileTitle('Quý II năm 2024', '2024-03-15', '2024-06-14', true)).toBe('Phụ lục báo cáo Quý II năm 2024');
    expect(reportFileTitle('Từ ngày …', '2020-01-01', '2020-06-30', false)).toBe('Phụ lục báo cáo 01.01.2020 - 30.06.2020');
  });
});

describe(contentDisposition.name, () => {
  it('should give an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('Phụ lục báo cáo Quý II năm 2024.xlsx')).toBe(
      `attachment; filename="Phu-luc-bao-cao-Quy-II-nam-2024.xlsx"; filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c%20b%C3%A1o%20c%C3%A1o%20Qu%C3%BD%20II%20n%C4%83m%202024.xlsx`,
    );
  });

  it("should percent-encode the characters RFC 5987 does not allow (' ( ) *)", () => {
    expect(contentDisposition("a'(b)*.docx")).toContain("filename*=UTF-8''a%27%28b%29%2A.docx");
  });
});
