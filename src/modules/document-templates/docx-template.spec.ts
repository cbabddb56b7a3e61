import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { CONG_VAN_FIELDS, CONG_VAN_SAMPLE, congVanData } from 'src/modules/reminders/templates/cong-van-don-doc.docx';
import { docxText } from 'test/utils/docx-text';
import { checkTemplate, renderTemplate, TemplateError } from './docx-template';
import { defaultTemplatePath } from './document-templates.service';

const shipped = () => readFileSync(defaultTemplatePath('cong-van-don-doc'));

/** The shipped template with its text edited (the XML of word/document.xml). */
function editedTemplate(edit: (xml: string) => string): Buffer {
  const zip = new PizZip(shipped());
  zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
  return zip.generate({ type: 'nodebuffer' });
}

function problemOf(file: Buffer): TemplateError {
  try {
    checkTemplate(file, CONG_VAN_FIELDS, congVanData(CONG_VAN_SAMPLE));
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('expected a TemplateError');
}

describe(checkTemplate.name, () => {
  it('should accept an office wording that keeps to the known placeholders', () => {
    const reworded = editedTemplate((xml) => xml.replace('Kính gửi: ', 'Kính gửi đồng chí Giám đốc ').replace('{agencyName}.', '{agencyName} ({taskCount} nhiệm vụ).'));
    expect(() => checkTemplate(reworded, CONG_VAN_FIELDS, congVanData(CONG_VAN_SAMPLE))).not.toThrow();
    expect(docxText(renderTemplate(reworded, congVanData(CONG_VAN_SAMPLE)))).toContain('Kính gửi đồng chí Giám đốc Sở Tài chính (2 nhiệm vụ).');
  });

  it('should refuse an unknown placeholder, naming it', () => {
    const e = problemOf(editedTemplate((xml) => xml.replace('{agencyName}.', '{agencyName}, {soHieu}.')));
    expect(e.message).toBe('Mẫu văn bản dùng trường không được hỗ trợ: {soHieu} không có trong danh sách trường của mẫu');
    expect(e.problems).toEqual([{ field: 'file', message: 'file: trường {soHieu} không có trong danh sách trường của mẫu' }]);
  });

  it('should refuse an unknown field inside the task loop, and a field used as a loop', () => {
    expect(problemOf(editedTemplate((xml) => xml.replace('{title}', '{title} {leader}'))).problems[0].message).toBe(
      'file: trường {leader} không có trong danh sách {#tasks} … {/tasks}',
    );
    expect(problemOf(editedTemplate((xml) => xml.replace('{asOf}', '{#asOf}{x}{/asOf}'))).problems[0].message).toMatch(/^file: \{asOf\} là một trường/);
  });

  it('should refuse broken placeholders (an unclosed loop, a stray brace)', () => {
    const unclosed = problemOf(editedTemplate((xml) => xml.replace('{/tasks}', '')));
    expect(unclosed.message).toBe('Mẫu văn bản có lỗi cú pháp ở chỗ đánh dấu {…}');
    expect(unclosed.problems.length).toBeGreaterThan(0);
    expect(problemOf(editedTemplate((xml) => xml.replace('{agencyName}.', '{agencyName.'))).message).toBe('Mẫu văn bản có lỗi cú pháp ở chỗ đánh dấu {…}');
  });

  it('should refuse what is not a .docx: other bytes, a zip without a document', () => {
    expect(problemOf(Buffer.from('%PDF-1.7 not a word file')).message).toBe('Tệp không phải là văn bản Word (.docx) hợp lệ');
    const zip = new PizZip();
    zip.file('hello.txt', 'xin chào');
    expect(problemOf(zip.generate({ type: 'nodebuffer' })).problems).toEqual([{ field: 'file', message: 'file: thiếu phần nội dung word/document.xml' }]);
    expect(problemOf(shipped().subarray(0, 2000)).message).toBe('Tệp không phải là văn bản Word (.docx) hợp lệ');
  });
});
