import JSZip from 'jszip';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionOf, fileNameProblem, sniffFile } from './file-sniff';

describe(sniffFile.name, () => {
  let dir: string;
  const write = (name: string, data: Buffer | string) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  const office = async (part: string) => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file(part, '<x/>');
    return zip.generateAsync({ type: 'nodebuffer' });
  };

  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'nhiemvu-sniff-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should tell each accepted kind by its content', async () => {
    expect(await sniffFile(write('a', '%PDF-1.7\n'))).toBe('pdf');
    expect(await sniffFile(write('b', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])))).toBe('png');
    expect(await sniffFile(write('c', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0])))).toBe('jpeg');
    expect(await sniffFile(write('d', Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 ')])))).toBe('webp');
    expect(await sniffFile(write('e', await office('word/document.xml')))).toBe('docx');
    expect(await sniffFile(write('f', await office('xl/workbook.xml')))).toBe('xlsx');
  });

  it('should answer null for other content, whatever the name', async () => {
    expect(await sniffFile(write('evil.pdf', 'MZ\x90\x00 not a pdf'))).toBeNull();
    expect(await sniffFile(write('plain.docx', 'PK\x03\x04 but not a zip'))).toBeNull();
    const zip = new JSZip();
    zip.file('readme.txt', 'x');
    expect(await sniffFile(write('other.xlsx', await zip.generateAsync({ type: 'nodebuffer' })))).toBeNull();
    expect(await sniffFile(write('empty.pdf', ''))).toBeNull();
  });
});

describe(fileNameProblem.name, () => {
  it('should accept ordinary Vietnamese names', () => {
    expect(fileNameProblem('Quyết định 1234-QĐ-UBND.pdf')).toBeNull();
    expect(extensionOf('Báo cáo.Final.XLSX')).toBe('xlsx');
  });

  it('should refuse paths, control characters, empty and overlong names', () => {
    expect(fileNameProblem('../../etc/passwd.pdf')).toMatch(/đường dẫn/);
    expect(fileNameProblem('a\\b.pdf')).toMatch(/đường dẫn/);
    expect(fileNameProblem('..')).toMatch(/đường dẫn/);
    expect(fileNameProblem('bad\u0000name.pdf')).toMatch(/ký tự điều khiển/);
    expect(fileNameProblem('line\nbreak.pdf')).toMatch(/ký tự điều khiển/);
    expect(fileNameProblem('   ')).toMatch(/trống/);
    expect(fileNameProblem(`${'a'.repeat(201)}.pdf`)).toMatch(/200/);
  });
});
