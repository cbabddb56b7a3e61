import type Docxtemplater from 'docxtemplater';
import type InspectModule from 'docxtemplater/js/inspect-module.js';
import type PizZip from 'pizzip';
import { lazy } from 'src/core/lazy';

/**
 * .docx templates rendered by docxtemplater: {field} placeholders, {#list} … {/list} loops (a loop
 * around a table row repeats the row). Pure functions, no I/O.
 */

/**
 * docxtemplater and pizzip, loaded at the first template opened rather than in every process at start
 * (src/core/lazy.ts); the functions below are synchronous, hence `require`.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
export const docxLibraries = lazy(() => ({
  Docxtemplater: require('docxtemplater') as typeof Docxtemplater,
  PizZip: require('pizzip') as typeof PizZip,
  InspectModule: require('docxtemplater/js/inspect-module.js') as typeof InspectModule,
  docUtils: require('docxtemplater/js/doc-utils.js') as typeof import('docxtemplater/js/doc-utils.js'),
}));
/* eslint-enable @typescript-eslint/no-require-imports */

/** The placeholders a template may use: a field's description, or a loop's item fields. */
export type TemplateFields = { [name: string]: string | { [item: string]: string } };

export interface TemplateProblem {
  field: string;
  message: string;
}

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly problems: TemplateProblem[],
  ) {
    super(message);
  }
}

/** The template compiled by docxtemplater (a TemplateError when it is not a .docx or its tags do not parse). */
export function open(file: Buffer, modules: object[] = [], nullGetter?: () => string): Docxtemplater<PizZip> {
  const { Docxtemplater, PizZip } = docxLibraries();
  let zip: PizZip;
  try {
    zip = new PizZip(file);
  } catch {
    throw new TemplateError('Tệp không phải là văn bản Word (.docx) hợp lệ', [{ field: 'file', message: 'file: không đọc được tệp .docx (tệp hỏng hoặc không phải .docx)' }]);
  }
  if (!zip.file('word/document.xml')) {
    throw new TemplateError('Tệp không phải là văn bản Word (.docx) hợp lệ', [{ field: 'file', message: 'file: thiếu phần nội dung word/document.xml' }]);
  }
  try {
    return new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, errorLogging: false, modules: modules, ...(nullGetter ? { nullGetter } : {}) });
  } catch (e) {
    // Unbalanced braces, a loop opened and never closed …: docxtemplater lists each one.
    const errors = ((e as { properties?: { errors?: { properties?: { explanation?: string; xtag?: string } }[] } }).properties?.errors ?? []).map(
      (x) => x.properties?.explanation ?? x.properties?.xtag ?? 'lỗi cú pháp',
    );
    throw new TemplateError('Mẫu văn bản có lỗi cú pháp ở chỗ đánh dấu {…}', (errors.length ? errors : [(e as Error).message]).map((m) => ({ field: 'file', message: `file: ${m}` })));
  }
}

/** Every placeholder of the template as used: top-level names, and loop names with their item names. */
export function templateTags(file: Buffer): Record<string, unknown> {
  const inspect = new (docxLibraries().InspectModule)();
  open(file, [inspect]);
  return inspect.getAllTags();
}

/** A loop ({#name} … {/name}) of the template with the names used inside it, once per place it is used. */
export interface TemplateLoop {
  name: string;
  /** {^name} … {/name}: shown only when the list is empty. */
  inverted: boolean;
  inner: string[];
}

interface StructuredTag {
  type: string;
  value: string;
  module?: string;
  inverted?: boolean;
  subparsed?: StructuredTag[];
}

/** Every loop and condition of the template, nested ones included. */
export function templateLoops(file: Buffer): TemplateLoop[] {
  const inspect = new (docxLibraries().InspectModule)();
  open(file, [inspect]);
  const loops: TemplateLoop[] = [];
  const walk = (tags: StructuredTag[]) => {
    for (const t of tags) {
      if (!t.subparsed) continue;
      loops.push({ name: t.value, inverted: !!t.inverted, inner: t.subparsed.filter((s) => s.type === 'placeholder').map((s) => s.value) });
      walk(t.subparsed);
    }
  };
  walk(inspect.getAllStructuredTags());
  return loops;
}

/**
 * Checks an uploaded template: a .docx docxtemplater can compile, with only `fields` for
 * placeholders (loops only where `fields` has a loop), and that renders on `sample`.
 */
export function checkTemplate(file: Buffer, fields: TemplateFields, sample: Record<string, unknown>): void {
  const tags = templateTags(file);
  const problems: TemplateProblem[] = [];
  // A field of the whole document may also be used inside a loop, or be a condition around others.
  const isField = (n: string) => typeof fields[n] === 'string';
  for (const [name, inner] of Object.entries(tags)) {
    const known = fields[name];
    const innerNames = Object.keys(inner ?? {});
    if (known === undefined) {
      problems.push({ field: 'file', message: `file: trường {${name}} không có trong danh sách trường của mẫu` });
    } else if (typeof known === 'object') {
      for (const item of innerNames) {
        if (!(item in known) && !isField(item)) problems.push({ field: 'file', message: `file: trường {${item}} không có trong danh sách {#${name}} … {/${name}}` });
      }
    } else if (innerNames.some((n) => !isField(n))) {
      problems.push({ field: 'file', message: `file: {${name}} là một trường, không phải danh sách {#${name}} … {/${name}}` });
    }
  }
  if (problems.length) {
    throw new TemplateError(problems.length === 1 ? `Mẫu văn bản dùng trường không được hỗ trợ: ${problems[0].message.replace(/^file: trường /, '')}` : 'Mẫu văn bản dùng trường không được hỗ trợ', problems);
  }
  try {
    renderTemplate(file, sample);
  } catch (e) {
    if (e instanceof TemplateError) throw e;
    throw new TemplateError('Mẫu văn bản không tạo được văn bản từ dữ liệu mẫu', [{ field: 'file', message: `file: ${(e as Error).message}` }]);
  }
}

/** The document: `file` with `data` in its placeholders (missing values print empty). */
export function renderTemplate(file: Buffer, data: Record<string, unknown>): Buffer {
  const doc = open(file, [], () => '');
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
