import { readFileSync } from 'node:fs';
import { checkTemplate, renderTemplate, templateTags } from 'src/modules/document-templates/docx-template';
import { defaultTemplatePath } from 'src/modules/document-templates/document-templates.service';
import { docxText, docxXml } from 'test/utils/docx-text';
import { CONG_VAN_FIELDS, CONG_VAN_SAMPLE, CONG_VAN_TEMPLATE, congVanData } from './cong-van-don-doc.docx';
import { buildCongVanTemplateFile } from './cong-van-don-doc.template';

describe('công văn đôn đốc template', () => {
  const shipped = () => readFileSync(defaultTemplatePath(CONG_VAN_TEMPLATE));

  it('should lay out a draft công văn đôn đốc per Nghị định 30/2020/NĐ-CP from the shipped template', () => {
    const sut = renderTemplate(shipped(), congVanData(CONG_VAN_SAMPLE));
    expect(sut.subarray(0, 2).toString()).toBe('PK');
    const text = docxText(sut);
    for (const expected of [
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÌNH PHƯỚC',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: …/UBND-TH',
      'V/v đôn đốc thực hiện nhiệm vụ quá hạn',
      'Bình Phước, ngày … tháng … năm 2024',
      'Kính gửi: Sở Tài chính.',
      'còn 2 nhiệm vụ',
      'Văn bản giao nhiệm vụ',
      'Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ',
      'B.2.3. Xây dựng Đề án phát triển kinh tế ban đêm',
      '28/06/2024',
      '17 ngày',
      'Báo cáo tổng kết công tác quyết toán',
      '14 ngày',
      'trước ngày 24/07/2024',
      'gia hạn hoặc xin rút',
      'Nơi nhận:',
      'KT. CHỦ TỊCH',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/[{}]/);
    expect(docxXml(sut)).toContain('Times New Roman');
  });

  it('should ship the template its layout code builds (npm run templates:build after changing it)', async () => {
    expect(docxText(shipped())).toBe(docxText(await buildCongVanTemplateFile()));
  });

  it('should use only its declared placeholders, and pass its own upload check', () => {
    expect(templateTags(shipped())).toEqual({
      provinceUpper: {},
      provinceName: {},
      year: {},
      agencyName: {},
      asOf: {},
      taskCount: {},
      tasks: { no: {}, sourceDocument: {}, title: {}, dueDate: {}, daysOverdue: {} },
      replyBy: {},
    });
    expect(() => checkTemplate(shipped(), CONG_VAN_FIELDS, congVanData(CONG_VAN_SAMPLE))).not.toThrow();
  });
});
