import { ValidationError } from 'class-validator';
import { fieldLabel } from './field-labels';
import { ACCEPTED_DATE_MESSAGE } from 'src/core/time/local-date';

/** class-validator constraint → the Vietnamese sentence shown to users (field name prepended by the caller). */
const MESSAGES: Record<string, (c: unknown[]) => string> = {
  whitelistValidation: () => 'trường này không được phép',
  isDefined: () => 'là bắt buộc',
  isNotEmpty: () => 'không được để trống',
  isString: () => 'phải là chuỗi ký tự',
  isInt: () => 'phải là số nguyên',
  isNumber: () => 'phải là số',
  isBoolean: () => 'phải là true hoặc false',
  isEmail: () => 'không phải địa chỉ email hợp lệ',
  isIn: (c) => `phải là một trong các giá trị: ${(c[0] as unknown[]).join(', ')}`,
  isEnum: (c) => `phải là một trong các giá trị: ${Object.values(c[0] as object).join(', ')}`,
  min: (c) => `không được nhỏ hơn ${String(c[0])}`,
  max: (c) => `không được lớn hơn ${String(c[0])}`,
  minLength: (c) => `phải có ít nhất ${String(c[0])} ký tự`,
  maxLength: (c) => `không được dài quá ${String(c[0])} ký tự`,
  isArray: () => 'phải là một danh sách',
  arrayMaxSize: (c) => `không được có quá ${String(c[0])} phần tử`,
  arrayUnique: () => 'không được có phần tử trùng nhau',
  isLocalDate: () => ACCEPTED_DATE_MESSAGE,
  nestedValidation: () => 'không hợp lệ',
  isObject: () => 'phải là một đối tượng',
  matches: () => 'không đúng định dạng',
};

export interface FieldError {
  field: string;
  message: string;
}

/** The Vietnamese message a DTO gave through the decorator's `context: { vi }` (class-validator types contexts as any). */
function ownMessage(context: unknown): string | undefined {
  return typeof context === 'object' && context !== null && 'vi' in context && typeof context.vi === 'string' ? context.vi : undefined;
}

/** Flattens nested errors into `{field: 'items.0.title', message}` with Vietnamese text. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const [key, raw] of Object.entries(e.constraints ?? {})) {
      const meta = ownMessage(e.contexts?.[key]);
      const template = MESSAGES[key];
      // A DTO may give its own Vietnamese message through the decorator's `context: { vi }`.
      const message = meta ?? (template ? template(constraintArgs(raw)) : raw);
      // An unknown field has no label of ours: it is named as the client sent it.
      out.push({ field, message: key === 'whitelistValidation' ? `Trường “${field}” không được phép` : `${fieldLabel(field)}: ${message}` });
    }
    if (e.children?.length) out.push(...toFieldErrors(e.children, field));
  }
  return out;
}

/** Numbers quoted in class-validator's English message ("must not be greater than 200") for min/max/length. */
function constraintArgs(raw: string): unknown[] {
  const n = /(-?\d+(?:\.\d+)?)/.exec(raw);
  const list = /one of the following values: (.*)$/.exec(raw);
  if (list) return [list[1].split(', ')];
  return n ? [n[1]] : [];
}
