import {
  countItems,
  digestSubject,
  DigestItem,
  renderDigest,
  renderEscalation,
  renderMissingAddress,
  renderWeeklySummary,
} from './reminder-mail.templates';

const AS_OF = '2024-07-15';
const item = (over: Partial<DigestItem>): DigestItem => ({
  taskId: 1,
  code: 'B.1',
  title: 'Xây dựng Kế hoạch',
  effectiveDueDate: AS_OF,
  sourceDocument: null,
  escalate: false,
  ...over,
});
const common = {
  agencyName: 'Sở Tài chính',
  asOf: AS_OF,
  appUrl: 'https://nhiemvu.example',
  provinceName: 'Bình Phước',
};

describe(digestSubject.name, () => {
  it('should count each part and leave out the parts that are 0', () => {
    expect(digestSubject('Sở Tài chính', { overdue: 2, dueToday: 0, dueSoon: 3 })).toBe(
      '[Nhắc việc] Sở Tài chính: 2 nhiệm vụ quá hạn, 3 nhiệm vụ sắp đến hạn',
    );
    expect(digestSubject('Sở Y tế', { overdue: 0, dueToday: 1, dueSoon: 0 })).toBe(
      '[Nhắc việc] Sở Y tế: 1 nhiệm vụ đến hạn hôm nay',
    );
    expect(digestSubject('Sở Y tế', { overdue: 1, dueToday: 0, dueSoon: 0 })).toBe(
      '[Nhắc việc] Sở Y tế: 1 nhiệm vụ quá hạn',
    );
  });

  it('should classify items by where they stand on the day', () => {
    const items = [
      item({ effectiveDueDate: '2024-07-01' }),
      item({ effectiveDueDate: AS_OF }),
      item({ effectiveDueDate: '2024-07-18' }),
    ];
    expect(countItems(items, AS_OF)).toEqual({ overdue: 1, dueToday: 1, dueSoon: 1 });
  });
});

describe(renderDigest.name, () => {
  const items = [
    item({ taskId: 7, code: 'B.2', title: 'Báo cáo <tổng kết> & "đánh giá"', effectiveDueDate: '2024-07-08' }),
    item({ taskId: 9, code: 'B.1', title: 'Đề án phát triển', effectiveDueDate: '2024-07-18' }),
  ];

  it('should render a Vietnamese list with the dates, the standing and a link to each task', () => {
    const sut = renderDigest({ ...common, items, copiedTo: null });
    expect(sut.subject).toBe('[Nhắc việc] Sở Tài chính: 1 nhiệm vụ quá hạn, 1 nhiệm vụ sắp đến hạn');
    expect(sut.html).toContain('Kính gửi: <b>Sở Tài chính</b>');
    expect(sut.html).toContain('08/07/2024');
    expect(sut.html).toContain('quá hạn 7 ngày');
    expect(sut.html).toContain('còn 3 ngày');
    expect(sut.html).toContain('href="https://nhiemvu.example/app/tasks/7"');
    expect(sut.text).toContain('1. [B.2] Báo cáo <tổng kết> & "đánh giá"');
    expect(sut.text).toContain('Thời hạn: 18/07/2024 (còn 3 ngày)');
    expect(sut.text).toContain('https://nhiemvu.example/app/tasks/9');
    expect(sut.text.indexOf('[B.2]')).toBeLessThan(sut.text.indexOf('[B.1]'));
  });

  it('should be a phone-width HTML document with a plain-text part, listing as many tasks as it counts', () => {
    const many = Array.from({ length: 12 }, (_, i) => item({ taskId: 100 + i, code: `C.${i}`, effectiveDueDate: i % 2 ? '2024-07-01' : '2024-07-20' }));
    const sut = renderDigest({ ...common, items: many, copiedTo: null });
    expect(sut.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(sut.html).toContain('max-width:640px');
    expect(sut.html).not.toMatch(/<table/);
    expect(sut.subject).toContain('6 nhiệm vụ quá hạn, 6 nhiệm vụ sắp đến hạn');
    expect(sut.html.match(/class="item"/g)).toHaveLength(12);
    expect(sut.text.match(/^\d+\. \[C\.\d+\]/gm)).toHaveLength(12);
  });

  it('should escape HTML from the data', () => {
    const sut = renderDigest({ ...common, agencyName: 'Sở <script>', items, copiedTo: null });
    expect(sut.html).toContain('Báo cáo &lt;tổng kết&gt; &amp; &quot;đánh giá&quot;');
    expect(sut.html).toContain('Sở &lt;script&gt;');
    expect(sut.html).not.toContain('<script>');
  });

  it('should say who is copied at escalation', () => {
    const sut = renderDigest({
      ...common,
      items: [item({ effectiveDueDate: '2024-07-01', escalate: true })],
      copiedTo: 'lãnh đạo UBND tỉnh phụ trách và Văn phòng UBND tỉnh',
    });
    expect(sut.text).toContain('lãnh đạo UBND tỉnh phụ trách và Văn phòng UBND tỉnh');
  });
});

describe(renderEscalation.name, () => {
  it('should tell the office about the draft letter and the reply date', () => {
    const sut = renderEscalation({
      ...common,
      items: [item({ effectiveDueDate: '2024-07-01', escalate: true, sourceDocument: 'Nghị quyết số 01/NQ-CP' })],
      letterFilename: 'cong-van.docx',
      letterTaskCount: 3,
      replyBy: '2024-07-24',
      digestRecipients: ['stc@nhiemvu.example'],
    });
    expect(sut.subject).toBe('[Đôn đốc] Sở Tài chính: 1 nhiệm vụ quá hạn cần đôn đốc (kèm dự thảo công văn)');
    expect(sut.text).toContain('trước ngày 24/07/2024');
    expect(sut.text).toContain('Nghị quyết số 01/NQ-CP');
    expect(sut.text).toContain('stc@nhiemvu.example');
  });
});

describe(renderMissingAddress.name, () => {
  it('should name the agency and list its tasks for the office', () => {
    const sut = renderMissingAddress({ ...common, agencyCode: 'STC', items: [item({})] });
    expect(sut.subject).toBe('[Nhắc việc] Chưa có địa chỉ nhận thư: Sở Tài chính (1 nhiệm vụ)');
    expect(sut.text).toContain('Sở Tài chính (mã STC)');
    expect(sut.text).toContain('đến hạn hôm nay');
  });
});

describe(renderWeeklySummary.name, () => {
  it('should total the overdue tasks by agency', () => {
    const sut = renderWeeklySummary({
      ...common,
      agencies: [
        {
          agencyName: 'Sở Tài chính',
          items: [item({ effectiveDueDate: '2024-07-01' }), item({ effectiveDueDate: '2024-07-10' })],
        },
        { agencyName: 'Sở Y tế', items: [item({ effectiveDueDate: '2024-06-15' })] },
      ],
    });
    expect(sut.subject).toBe('[Tổng hợp tuần] Nhiệm vụ quá hạn đến ngày 15/07/2024: 3 nhiệm vụ của 2 cơ quan');
    expect(sut.text).toContain('1. Sở Tài chính: 2 nhiệm vụ (quá hạn lâu nhất 14 ngày)');
    expect(sut.text).toContain('2. Sở Y tế: 1 nhiệm vụ (quá hạn lâu nhất 30 ngày)');
  });

  it('should say so when nothing is overdue', () => {
    expect(renderWeeklySummary({ ...common, agencies: [] }).subject).toBe(
      '[Tổng hợp tuần] Không có nhiệm vụ quá hạn đến ngày 15/07/2024',
    );
  });
});
