import { readFileSync } from 'node:fs';
import { defaultTemplatePath } from 'src/modules/document-templates/document-templates.service';
import { checkTemplate } from 'src/modules/document-templates/docx-template';
import { docxXml, readZipEntry } from 'test/utils/docx-text';
import { DocxContent, readDocx } from 'test/utils/office-read-back';
import { APPENDIX_FIELDS, APPENDIX_SAMPLE, APPENDIX_TEMPLATE, renderAppendixDocx } from './appendix-docx.renderer';
import { buildAppendixTemplateFile } from './appendix-docx.template';
import { EMPTY_REPORT, SAMPLE_INFO, SAMPLE_REPORT } from './sample-report';

const shipped = () => readFileSync(defaultTemplatePath(APPENDIX_TEMPLATE));

describe(renderAppendixDocx.name, () => {
  let doc: DocxContent;

  beforeAll(async () => {
    doc = await readDocx(renderAppendixDocx(shipped(), SAMPLE_REPORT, SAMPLE_INFO));
  });

  it('should ship the template its layout code builds (npm run templates:build), one that passes the upload check', async () => {
    const built = await buildAppendixTemplateFile();
    expect(docxXml(shipped())).toBe(docxXml(built));
    expect(readZipEntry(shipped(), 'word/header1.xml').toString()).toBe(readZipEntry(built, 'word/header1.xml').toString());
    expect(() => checkTemplate(shipped(), APPENDIX_FIELDS, APPENDIX_SAMPLE)).not.toThrow();
  });

  it('should leave no placeholder behind', () => {
    expect(doc.paragraphs.join('\n')).not.toMatch(/[{}]/);
  });

  it('should open each appendix with the two-column header of Nghị định 30/2020', () => {
    const headers = [doc.tables[0], doc.tables[2], doc.tables[5]];
    for (const h of headers) {
      expect(h).toEqual([['ỦY BAN NHÂN DÂNTỈNH BÌNH PHƯỚC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc']]);
    }
    expect(doc.paragraphs).toEqual(expect.arrayContaining(['ỦY BAN NHÂN DÂN', 'TỈNH BÌNH PHƯỚC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']));
  });

  it('should title the three appendices and attach them to the report', () => {
    const p = doc.paragraphs;
    const at = (text: string) => p.indexOf(text);
    expect(at('PHỤ LỤC I')).toBeGreaterThan(0);
    expect(p[at('PHỤ LỤC I') + 1]).toBe('KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH CÔNG TÁC QUÝ II NĂM 2024');
    expect(p[at('PHỤ LỤC I') + 2]).toBe('(Kèm theo Báo cáo số 165/BC-UBND ngày 01/7/2024 của UBND tỉnh Bình Phước)');
    expect(p[at('PHỤ LỤC II') + 1]).toBe('KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO QUÝ II NĂM 2024');
    expect(p[at('PHỤ LỤC III') + 1]).toBe('DANH SÁCH NHIỆM VỤ CHƯA HOÀN THÀNH QUÁ HẠN QUÝ II NĂM 2024');
    expect(p.filter((x) => x.startsWith('(Kèm theo Báo cáo số 165/BC-UBND'))).toHaveLength(3);
  });

  it('should use Times New Roman 13–14 on landscape A4', () => {
    expect(doc.xml).toContain('w:ascii="Times New Roman"');
    const sizes = new Set([...doc.xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1])));
    expect([...sizes].filter((s) => s > 2).sort()).toEqual([22, 26, 28]);
    expect(doc.xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it('should number the pages at the top centre from the second page of each appendix', () => {
    expect(doc.xml.match(/<w:titlePg\/>/g)).toHaveLength(3);
    expect(doc.headers.some((h) => /PAGE/.test(h) && /w:jc w:val="center"/.test(h))).toBe(true);
  });

  it('should write Phụ lục I per lead agency cell by cell, with the total row and the rate as "88,1%"', () => {
    const t = doc.tables[1];
    expect(doc.paragraphs).toContain('Đã trình 37/42 đề án phải trình (đạt 88,1%); đã ban hành 33; chưa trình 5.');
    expect(t[0]).toEqual([
      'TT',
      'Cơ quan chủ trì',
      'Số đề án phải trình trong quý II năm 2024',
      'Tổng số đề án đã trình thuộc CTCT quý II năm 2024',
      'Số đề án đã ban hành thuộc CTCT quý II năm 2024',
      'Số đề án chưa trình',
      'Tỷ lệ đề án đã trình so với tổng số đề án phải trình',
    ]);
    expect(t[1]).toEqual(['', '', 'Số đề án giao đầu năm', 'Số đề án giao thêm', 'Số đề án xin chuyển, xin rút khỏi CTCT quý II năm 2024', 'Tổng số', '', '', '', '']);
    expect(t[2]).toEqual(['', '', '(1)', '(2)', '(3)', '(4)=(1)+(2)-(3)', '(5)', '(6)', '(7)=(4)-(5)', '(8)=(5)/(4)']);
    expect(t[3]).toEqual(['1', 'Sở Tài chính', '30', '2', '1', '31', '28', '25', '3', '90,3%']);
    expect(t[4]).toEqual(['2', 'UBND thành phố Đồng Xoài', '10', '1', '0', '11', '9', '8', '2', '81,8%']);
    expect(t[5]).toEqual(['', 'Tổng cộng', '40', '3', '1', '42', '37', '33', '5', '88,1%']);
    expect(t).toHaveLength(6);
  });

  it('should write Phụ lục II in prose and in two tables', () => {
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining([
        '1. Thống kê kết quả thực hiện:',
        '- Tổng số nhiệm vụ giao: 12 nhiệm vụ (chuyển từ kỳ trước: 03; giao trong kỳ: 09);',
        '+ Số nhiệm vụ đã hoàn thành: 07, trong đó: đúng hạn: 06; quá hạn: 01;',
        '+ Số nhiệm vụ chưa hoàn thành: 05, trong đó: trong hạn: 03; quá hạn: 02;',
        '- Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao: 7/12 = 58,3%;',
        '- Tỷ lệ hoàn thành so với số nhiệm vụ đã đến hạn (đã hoàn thành và chưa hoàn thành quá hạn): 7/9 = 77,8%.',
        '2. Kết quả thực hiện theo cơ quan chủ trì:',
        '3. Thống kê chi tiết các nhiệm vụ chưa hoàn thành quá hạn: 02 nhiệm vụ (Phụ lục III).',
      ]),
    );
    expect(doc.tables[3][3]).toEqual(['12', '3', '9', '7', '6', '1', '5', '3', '2', '58,3%', '77,8%']);
    const byAgency = doc.tables[4];
    expect(byAgency[0]).toEqual(['TT', 'Cơ quan chủ trì', 'Tổng số nhiệm vụ', 'Đã hoàn thành', 'Chưa hoàn thành', 'Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao', 'Tỷ lệ hoàn thành so với số nhiệm vụ đã đến hạn']);
    expect(byAgency.slice(3)).toEqual([
      ['1', 'Sở Tài chính', '8', '5', '4', '1', '3', '1', '2', '62,5%', '71,4%'],
      ['2', 'UBND thành phố Đồng Xoài', '4', '2', '2', '0', '2', '2', '0', '50,0%', '100,0%'],
      ['', 'Tổng cộng', '12', '7', '6', '1', '5', '3', '2', '58,3%', '77,8%'],
    ]);
  });

  it('should list the overdue tasks in Phụ lục III', () => {
    expect(doc.tables[6]).toEqual([
      ['TT', 'Văn bản giao nhiệm vụ', 'Nội dung nhiệm vụ', 'Thời hạn hoàn thành', 'Cơ quan được giao', 'Ghi chú'],
      [
        '1',
        'Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ',
        'NV-03. Rà soát, đề xuất phương án phân bổ vốn đầu tư công năm 2024',
        '01/6/2024 (hạn thực tế: 03/6/2024)',
        'Sở Tài chính',
        'quá hạn 17 ngày',
      ],
      ['2', '', 'Báo cáo tình hình thu ngân sách 5 tháng đầu năm', '10/6/2024', 'Sở Tài chính', 'quá hạn 10 ngày'],
    ]);
  });

  it('should say so when a period has nothing in it', async () => {
    const empty = await readDocx(renderAppendixDocx(shipped(), EMPTY_REPORT, { ...SAMPLE_INFO, reportNumber: null, reportDate: null }));
    expect(empty.tables[1][3]).toEqual(['', 'Tổng cộng', '0', '0', '0', '0', '0', '0', '0', '-']);
    expect(empty.paragraphs).toEqual(
      expect.arrayContaining([
        'Ghi chú: Không có đề án phải trình trong kỳ báo cáo.',
        '(Kèm theo Báo cáo số …/BC-UBND ngày … của UBND tỉnh Bình Phước)',
        '3. Thống kê chi tiết các nhiệm vụ chưa hoàn thành quá hạn: Không có.',
      ]),
    );
    // The text spans every column but the last (see appendix-docx.template.ts).
    // Three landscape sections, each numbering its pages from the second, with nothing or everything in them.
    for (const d of [doc, empty]) {
      expect(d.xml.match(/<w:sectPr/g)).toHaveLength(3);
      expect(d.xml.match(/<w:titlePg\/>/g)).toHaveLength(3);
    }
    expect(empty.tables[4].slice(3)).toEqual([['Không có nhiệm vụ trong kỳ báo cáo.', '']]);
    expect(empty.tables[6]).toEqual([['TT', 'Văn bản giao nhiệm vụ', 'Nội dung nhiệm vụ', 'Thời hạn hoàn thành', 'Cơ quan được giao', 'Ghi chú'], ['Không có nhiệm vụ quá hạn.', '']]);
  });
});
