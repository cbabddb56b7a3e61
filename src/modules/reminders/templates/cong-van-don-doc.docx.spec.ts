import { docxText, docxXml } from 'test/utils/docx-text';
import { renderCongVanDonDoc } from './cong-van-don-doc.docx';

describe(renderCongVanDonDoc.name, () => {
  it('should lay out a draft công văn đôn đốc per Nghị định 30/2020/NĐ-CP', async () => {
    const sut = await renderCongVanDonDoc({
      provinceName: 'Bình Phước',
      agencyName: 'Sở Tài chính',
      asOf: '2024-07-15',
      replyBy: '2024-07-24',
      tasks: [
        {
          code: 'B.2.3',
          title: 'Xây dựng Đề án',
          sourceDocument: 'Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ',
          effectiveDueDate: '2024-06-28',
          daysOverdue: 17,
        },
        {
          code: null,
          title: 'Báo cáo tổng kết',
          sourceDocument: null,
          effectiveDueDate: '2024-07-01',
          daysOverdue: 14,
        },
      ],
    });
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
      'Văn bản giao nhiệm vụ',
      'Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ',
      'B.2.3. Xây dựng Đề án',
      '28/06/2024',
      '17 ngày',
      'trước ngày 24/07/2024',
      'gia hạn hoặc xin rút',
      'Nơi nhận:',
      'KT. CHỦ TỊCH',
    ]) {
      expect(text).toContain(expected);
    }
    expect(docxXml(sut)).toContain('Times New Roman');
  });
});
