import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { appendixDocxData, APPENDIX_TEMPLATE, writeAppendixDocx } from 'src/modules/reports/renderers/appendix-docx.renderer';
import { SAMPLE_INFO, SAMPLE_REPORT } from 'src/modules/reports/renderers/sample-report';
import { AppendixReport, OverdueTask } from 'src/modules/reports/appendix.types';
import { readZipEntry } from 'test/utils/docx-text';
import { readDocx } from 'test/utils/office-read-back';
import { defaultTemplatePath } from './document-templates.service';
import { LoopItem, renderTemplateToFile } from './docx-stream';
import { renderTemplate } from './docx-template';

const shipped = () => readFileSync(defaultTemplatePath(APPENDIX_TEMPLATE));

/** `n` overdue rows, with what escaping and line breaks must get right among them. */
function rows(n: number): OverdueTask[] {
  const odd = ['Báo cáo "quý" & <kế hoạch> của Sở\nlần 2', "Tờ trình số 5/TTr-STC ngày 01/02/2024 'gấp'", '  khoảng trắng đầu và cuối  ', '', 'xuống dòng ở cuối\n'];
  return Array.from({ length: n }, (_, i) => ({
    no: i + 1,
    taskId: 1000 + i,
    code: i % 3 ? `B.${i}` : null,
    sourceDocument: i % 5 === 4 ? null : `Kế hoạch số ${i}/KH-UBND ${odd[i % odd.length]}`,
    title: `Nhiệm vụ ${i}: ${odd[(i + 1) % odd.length]}`,
    dueDate: i % 2 ? '2024-06-01' : null,
    effectiveDueDate: '2024-06-03',
    agencyName: i % 2 ? 'Sở Tài chính' : 'UBND thành phố Đồng Xoài',
    daysOverdue: 17 + i,
    note: `quá hạn ${17 + i} ngày`,
  }));
}

/** Every part of a package, as text (XML) or bytes. */
function parts(docx: Buffer): Map<string, string> {
  const zip = new PizZip(docx);
  return new Map(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => [f.name, f.name.endsWith('.xml') || f.name.endsWith('.rels') ? f.asText() : f.asNodeBuffer().toString('base64')]),
  );
}

describe(renderTemplateToFile.name, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'docx-stream-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const streamed = async (template: Buffer, data: Record<string, unknown>, name: string, fields: string[], items: LoopItem[]) => {
    const path = join(dir, `out-${Math.random().toString(36).slice(2)}.docx`);
    const how = await renderTemplateToFile(template, data, { name, fields, count: items.length, items: () => items }, path);
    return { how, file: readFileSync(path) };
  };

  it('should stream Phụ lục III of the shipped template into the same package the whole render writes, part for part', async () => {
    const report: AppendixReport = { ...SAMPLE_REPORT, overdue: rows(40) };
    const path = join(dir, 'appendix.docx');
    await expect(writeAppendixDocx(shipped(), report, SAMPLE_INFO, path)).resolves.toBe('streamed');
    const whole = renderTemplate(shipped(), appendixDocxData(report, SAMPLE_INFO));
    const got = readFileSync(path);
    expect(parts(got)).toEqual(parts(whole));
    // And reads back as the same tables: 40 rows under Phụ lục III's header, line breaks as breaks.
    const doc = await readDocx(got);
    const p3 = doc.tables[doc.tables.length - 1];
    expect(p3).toHaveLength(41);
    expect(p3[1]).toEqual(['1', 'Kế hoạch số 0/KH-UBND Báo cáo "quý" & <kế hoạch> của Sởlần 2', "Nhiệm vụ 0: Tờ trình số 5/TTr-STC ngày 01/02/2024 'gấp'", '03/6/2024', 'UBND thành phố Đồng Xoài', 'quá hạn 17 ngày']);
    expect(readZipEntry(got, 'word/document.xml').toString()).toContain('<w:br/>');
  });

  it('should hold all of 20,000 rows, in order, and read as a valid package', async () => {
    const report: AppendixReport = { ...SAMPLE_REPORT, overdue: rows(20_000) };
    const path = join(dir, 'big.docx');
    await expect(writeAppendixDocx(shipped(), report, SAMPLE_INFO, path)).resolves.toBe('streamed');
    const doc = await readDocx(readFileSync(path));
    const p3 = doc.tables[doc.tables.length - 1];
    expect(p3).toHaveLength(20_001);
    expect(p3.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 20_000 }, (_, i) => String(i + 1)));
    expect(p3[20_000][5]).toBe('quá hạn 20016 ngày');
  });

  it('should stream a loop over paragraphs (an office template without a table) as the whole render writes it', async () => {
    const template = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun('Danh sách ({count}):')] }),
              new Paragraph({ children: [new TextRun('{#overdue}')] }),
              new Paragraph({ children: [new TextRun({ text: '{no}. {title}', bold: true })] }),
              new Paragraph({ children: [new TextRun('Hạn: {dueDate}{/overdue}')] }),
              new Paragraph({ children: [new TextRun('Hết.')] }),
            ],
          },
        ],
      }),
    );
    const items = rows(7).map((o) => ({ no: o.no, title: o.title, dueDate: o.dueDate ?? '' }));
    const got = await streamed(template, { count: 7 }, 'overdue', ['no', 'title', 'dueDate'], items);
    expect(got.how).toBe('streamed');
    expect(parts(got.file)).toEqual(parts(renderTemplate(template, { count: 7, overdue: items })));
  });

  it('should render whole, and rightly, a template whose loop holds a condition on an item field or is used twice', async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const build = (rowCells: string[], after: string) =>
      Packer.toBuffer(
        new Document({
          sections: [{ children: [new Table({ rows: [new TableRow({ children: rowCells.map(cell) })] }), new Paragraph(after)] }],
        }),
      );
    const items = rows(5).map((o) => ({ no: o.no, title: o.title, sourceDocument: o.sourceDocument ?? '' }));
    const conditional = await build(['{#overdue}{no}', '{#sourceDocument}Văn bản: {sourceDocument}{/sourceDocument}{/overdue}'], 'Hết.');
    const twice = await build(['{#overdue}{no}', '{title}{/overdue}'], '{#overdue}{title}; {/overdue}');
    for (const template of [conditional, twice]) {
      const got = await streamed(template, {}, 'overdue', ['no', 'title', 'sourceDocument'], items);
      expect(got.how).toBe('whole');
      expect(parts(got.file)).toEqual(parts(renderTemplate(template, { overdue: items })));
    }
  });

  it('should render whole a list of one item, and the empty-list row of none', async () => {
    for (const n of [0, 1]) {
      const report: AppendixReport = { ...SAMPLE_REPORT, overdue: rows(n) };
      const path = join(dir, `few-${n}.docx`);
      await expect(writeAppendixDocx(shipped(), report, SAMPLE_INFO, path)).resolves.toBe('whole');
      expect(parts(readFileSync(path))).toEqual(parts(renderTemplate(shipped(), appendixDocxData(report, SAMPLE_INFO))));
    }
  });

  it('should refuse a control character in a row before writing anything, as the whole render does', async () => {
    const bad = rows(3);
    bad[2] = { ...bad[2], title: 'Ký tự \u0007 lạ' };
    const report: AppendixReport = { ...SAMPLE_REPORT, overdue: bad };
    const path = join(dir, 'bad.docx');
    await expect(writeAppendixDocx(shipped(), report, SAMPLE_INFO, path)).rejects.toThrow(/ký tự điều khiển/);
    expect(() => readFileSync(path)).toThrow(/ENOENT/);
    expect(() => renderTemplate(shipped(), appendixDocxData(report, SAMPLE_INFO))).toThrow();
  });
});
