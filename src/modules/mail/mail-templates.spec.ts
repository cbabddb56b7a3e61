import { renderMailTemplate } from './mail-templates';

describe(renderMailTemplate.name, () => {
  const data = {
    subject: 'Thử <b>',
    header: 'HỆ THỐNG',
    recipientName: 'Nguyễn <script>alert(1)</script>',
    title: 'Đề nghị "gia hạn" & xin rút',
    lines: ['Dòng <1>', 'Dòng 2'],
    link: 'https://nhiemvu.example/app/tasks/7',
    linkLabel: 'Xem nhiệm vụ',
    footer: 'Thư tự động',
  };

  it('should escape every value in the HTML part and keep the text part as written', () => {
    const sut = renderMailTemplate('notification', data);
    expect(sut.html).toContain('Nguyễn &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(sut.html).not.toContain('<script>');
    expect(sut.html).toContain('Đề nghị &quot;gia hạn&quot; &amp; xin rút');
    expect(sut.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(sut.text).toContain('Kính gửi: Nguyễn <script>alert(1)</script>');
    expect(sut.text).toContain('Dòng <1>\nDòng 2');
    expect(sut.text).toContain('Xem nhiệm vụ: https://nhiemvu.example/app/tasks/7');
    expect(sut.text.endsWith('Thư tự động\n')).toBe(true);
  });

  it('should refuse data that lacks a value the template names (nothing rendered half-empty)', () => {
    const { footer: _footer, ...partial } = data;
    expect(() => renderMailTemplate('notification', partial)).toThrow(/footer/);
  });
});
