import { fieldLabel } from './field-labels';
import { controlCharacterProblem } from './request-checks';

describe(controlCharacterProblem.name, () => {
  it.each([
    ['title', 'a\u0000b'],
    ['description', 'a\u0007b'],
    ['name', '\u001b[31m'],
    ['comment', 'x\u007f'],
    ['reason', 'x\u0085'],
  ])('should refuse a control character in %s', (field, value) => {
    expect(controlCharacterProblem(field, value)).toMatch(/ký tự điều khiển/);
  });

  it('should allow tab and line breaks only in fields whose text spans lines', () => {
    expect(controlCharacterProblem('description', 'a\r\n\tb')).toBeNull();
    expect(controlCharacterProblem('items.2.title', 'dòng 1\ndòng 2')).toBeNull();
    expect(controlCharacterProblem('code', 'A\nB')).toBe('Mã: không được chứa ký tự tab hay xuống dòng');
    expect(controlCharacterProblem('aliases.0', 'Sở\tTC')).toMatch(/tab hay xuống dòng/);
  });

  it('should accept Vietnamese text and symbols', () => {
    expect(controlCharacterProblem('name', 'Sở Tài nguyên & Môi trường (TN&MT) – “số 1”')).toBeNull();
  });
});

describe(fieldLabel.name, () => {
  it('should name a field in Vietnamese, with the item of a list, and never by its API name', () => {
    expect(fieldLabel('dueDate')).toBe('Thời hạn');
    expect(fieldLabel('items.3.title')).toBe('Nội dung (mục 4)');
    expect(fieldLabel('somethingNew')).toBe('Trường này');
  });
});
