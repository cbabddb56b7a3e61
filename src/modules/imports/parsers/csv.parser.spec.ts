import { csvOf, HEADER } from 'test/fixtures/import-files.fixture';
import { decodeText } from '../import-file';
import { detectDelimiter, parseCsv } from './csv.parser';

const ROWS: (string | number | null)[][] = [
  HEADER.slice(0, 5),
  ['I', 'LĨNH VỰC KINH TẾ', null, null, null],
  [1, 'Thu ngân sách, đấu giá quyền sử dụng đất', 'Sở Tài chính', 'Sở TN&MT; Cục Thuế', 'Cuối năm 2024'],
  [2, 'Báo cáo "6 tháng"', 'Sở Tài chính', null, '30/6/2024'],
];

const read = (buf: Buffer) => parseCsv(decodeText(buf, 'csv', 'x.csv'));

describe('csv.parser', () => {
  it.each([
    ['comma, no BOM', { delimiter: ',', bom: false }],
    ['comma, BOM', { delimiter: ',', bom: true }],
    ['semicolon (Excel in Vietnamese), BOM', { delimiter: ';', bom: true }],
    ['semicolon, no BOM', { delimiter: ';', bom: false }],
    ['tab', { delimiter: '\t', bom: false }],
  ])('should read UTF-8 CSV with %s the same way', (_, opts) => {
    const sut = read(csvOf(ROWS, opts));
    expect(
      sut.items.map((i) => [i.ref, i.code, i.title, i.cells.leadAgency, i.cells.coordinatingAgencies, i.cells.due]),
    ).toEqual([
      [
        'Dòng 3',
        'I.1',
        'Thu ngân sách, đấu giá quyền sử dụng đất',
        'Sở Tài chính',
        'Sở TN&MT; Cục Thuế',
        'Cuối năm 2024',
      ],
      ['Dòng 4', 'I.2', 'Báo cáo "6 tháng"', 'Sở Tài chính', undefined, '30/6/2024'],
    ]);
  });

  it('should read UTF-16 with a BOM (Excel "Unicode text")', () => {
    const text = csvOf(ROWS, { delimiter: '\t' }).toString('utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(read(utf16).items).toHaveLength(2);
  });

  it('should pick the delimiter by the header row, not by commas inside the text', () => {
    const text =
      'TT;Nội dung;Cơ quan chủ trì;Cơ quan phối hợp\n1;Sở Tài chính, Sở Y tế, Sở Nội vụ, Sở Tư pháp;Sở Y tế;Sở A, Sở B, Sở C\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(detectDelimiter('TT,Nội dung,Cơ quan chủ trì\n1,"a; b; c; d",Sở Y tế')).toBe(',');
  });

  it('should keep line breaks inside quoted cells', () => {
    const sut = read(csvOf([HEADER.slice(0, 4), [1, 'Việc một', 'Sở Y tế', 'Sở Tài chính\nSở Nội vụ']]));
    expect(sut.items[0].cells.coordinatingAgencies).toBe('Sở Tài chính; Sở Nội vụ');
  });

  it('should skip a repeated header, a total row, and stop at the signature', () => {
    const sut = read(
      csvOf([
        HEADER.slice(0, 3),
        [1, 'Việc một', 'Sở Y tế'],
        HEADER.slice(0, 3),
        [2, 'Việc hai', 'Sở Y tế'],
        ['', 'Tổng cộng: 2 nhiệm vụ', ''],
        ['Nơi nhận:', '', ''],
        ['- Như trên;', '', ''],
      ]),
    );
    expect(sut.items.map((i) => i.code)).toEqual(['1', '2']);
  });

  it('should strip control characters from cells and say so', () => {
    const sut = read(csvOf([HEADER.slice(0, 3), [1, 'Việc\u0007 một\u0000', 'Sở\u001b Y tế']]));
    expect(sut.items[0].title).toBe('Việc một');
    expect(sut.items[0].cells.leadAgency).toBe('Sở Y tế');
    expect(sut.items[0].stripped).toBe(true);
  });
});
