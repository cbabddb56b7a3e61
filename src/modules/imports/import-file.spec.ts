import { HttpStatus } from '@nestjs/common';
import JSZip from 'jszip';
import { DomainError } from 'src/core/http/domain-error';
import { csvOf, docxOf, HEADER, importFixture, xlsxOf, zipBomb } from 'test/fixtures/import-files.fixture';
import { parseFile } from './parsers';
import { checkOfficeZip, inspectUpload, UploadedFile } from './import-file';
import { IMPORT_LIMITS, ZipLimits } from './import-limits';

const file = (originalname: string, buffer: Buffer, mimetype = 'application/octet-stream'): UploadedFile => ({
  originalname,
  buffer,
  mimetype,
  size: buffer.length,
});

async function refusal(f: UploadedFile): Promise<DomainError> {
  try {
    await inspectUpload(f);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error(`${f.originalname} was accepted`);
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe(inspectUpload.name, () => {
  it('should accept the four formats with their usual content types', async () => {
    const xlsx = await xlsxOf([HEADER]);
    const docx = await docxOf(['1. Việc']);
    const csv = csvOf([HEADER]);
    expect(
      (await inspectUpload(file('a.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')))
        .format,
    ).toBe('xlsx');
    expect(
      (
        await inspectUpload(
          file('a.DOCX', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
        )
      ).format,
    ).toBe('docx');
    expect((await inspectUpload(file('a.csv', csv, 'application/vnd.ms-excel'))).text).toContain('Nội dung');
    expect((await inspectUpload(file('a.txt', Buffer.from('1. Việc'), 'text/plain; charset=utf-8'))).text).toBe(
      '1. Việc',
    );
  });

  it.each([
    ['a.xls', 'Tệp Excel 97-2003 (.xls) chưa được hỗ trợ; hãy mở bằng Excel và lưu dưới dạng .xlsx'],
    ['a.gif', 'Định dạng tệp .gif không được hỗ trợ; chỉ nhận .xlsx, .csv, .docx, .txt, .pdf và ảnh .png, .jpg, .tif'],
    [
      'chuongtrinh',
      'Định dạng tệp (không có phần mở rộng) không được hỗ trợ; chỉ nhận .xlsx, .csv, .docx, .txt, .pdf và ảnh .png, .jpg, .tif',
    ],
  ])('should refuse the extension of %s with 415', async (name, message) => {
    const err = await refusal(file(name, Buffer.from('x')));
    expect(err.status).toBe(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    expect(err.message).toBe(message);
  });

  it.each([
    ['a.pdf', Buffer.from('x'), 'Tệp “a.pdf” không phải tệp PDF'],
    ['a.png', Buffer.from('%PDF-1.4 …'), 'Tệp “a.png” không phải ảnh (PNG, JPEG, TIFF) mà là một tệp PDF bị đổi tên'],
    [
      'scan.tif',
      Buffer.from('GIF89a…'),
      'Tệp “scan.tif” không phải ảnh (PNG, JPEG, TIFF) mà là một ảnh GIF bị đổi tên',
    ],
  ])('should accept %s only when its bytes are a PDF or an image', async (name, bytes, message) => {
    const err = await refusal(file(name, bytes));
    expect(err.status).toBe(HttpStatus.BAD_REQUEST);
    expect(err.message).toBe(message);
  });

  it('should take a PDF and the images Tesseract reads (PNG, JPEG, TIFF)', async () => {
    expect((await inspectUpload(file('vb.pdf', Buffer.from('%PDF-1.7\n…')))).format).toBe('pdf');
    for (const [name, bytes] of [
      ['a.png', [0x89, 0x50, 0x4e, 0x47]],
      ['a.jpeg', [0xff, 0xd8, 0xff, 0xe0]],
      ['a.tiff', [0x49, 0x49, 0x2a, 0x00]],
    ] as const)
      expect((await inspectUpload(file(name, Buffer.from([...bytes, 0, 0])))).format).toBe('image');
  });

  it('should refuse a content type that does not fit the extension with 415', async () => {
    const err = await refusal(file('a.xlsx', await xlsxOf([HEADER]), 'image/png'));
    expect(err.status).toBe(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    expect(err.message).toBe('Kiểu nội dung “image/png” không khớp với bảng tính Excel (.xlsx) “a.xlsx”');
  });

  it('should refuse an empty file', async () => {
    expect((await refusal(file('a.xlsx', Buffer.alloc(0)))).message).toBe('Tệp “a.xlsx” rỗng');
    expect((await refusal(file('a.csv', Buffer.from('\ufeff  \r\n')))).message).toBe('Tệp “a.csv” rỗng');
  });

  it('should tell what a renamed binary really is', async () => {
    expect((await refusal(file('a.xlsx', PNG))).message).toBe(
      'Tệp “a.xlsx” không phải bảng tính Excel (.xlsx) hợp lệ: đây là một ảnh PNG bị đổi tên',
    );
    expect((await refusal(file('a.csv', PNG))).message).toBe(
      'Tệp “a.csv” không phải tệp CSV mà là một ảnh PNG bị đổi tên',
    );
    expect((await refusal(file('a.txt', await xlsxOf([HEADER])))).message).toContain('một tệp nén ZIP');
    expect((await refusal(file('a.docx', Buffer.from('TT,Nội dung\n1,Việc')))).message).toBe(
      'Tệp “a.docx” không phải tài liệu Word (.docx) hợp lệ (có thể là tệp khác bị đổi tên)',
    );
    expect((await refusal(file('a.xlsx', await docxOf(['x'])))).message).toBe(
      'Tệp “a.xlsx” thực chất là tài liệu Word (.docx); hãy đổi lại phần mở rộng .docx',
    );
  });

  it('should refuse a zip without the Office parts and a broken zip', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const plain = await zip.generateAsync({ type: 'nodebuffer' });
    expect((await refusal(file('a.xlsx', plain))).message).toBe(
      'Tệp “a.xlsx” không phải bảng tính Excel (.xlsx) hợp lệ (thiếu xl/workbook.xml)',
    );
    const broken = Buffer.concat([plain.subarray(0, 40), Buffer.alloc(100)]);
    expect((await refusal(file('a.xlsx', broken))).message).toBe(
      'Tệp “a.xlsx” bị hỏng hoặc không phải bảng tính Excel (.xlsx) hợp lệ',
    );
  });

  it('should refuse text that is not UTF-8 (e.g. Windows-1258) and say how to save it', async () => {
    const latin = Buffer.from([0x54, 0x54, 0x2c, 0x4e, 0xf4, 0x69, 0x20, 0x64, 0x75, 0x6e, 0x67, 0x0a]);
    const err = await refusal(file('a.csv', latin, 'text/csv'));
    expect(err.status).toBe(HttpStatus.BAD_REQUEST);
    expect(err.message).toContain('không phải văn bản mã hóa UTF-8');
    expect(err.message).toContain('CSV UTF-8 (Comma delimited)');
  });

  it.each(['utf16le', 'utf16be'])('should refuse %s text without its byte order mark, saying so', async (enc) => {
    const le = Buffer.from('Giao Sở Tài chính chủ trì rà soát, hoàn thành trước ngày 15/6/2026.\n', 'utf16le');
    const bytes = enc === 'utf16le' ? le : Buffer.from(le).swap16();
    const err = await refusal(file('a.txt', bytes, 'text/plain'));
    expect(err.status).toBe(HttpStatus.BAD_REQUEST);
    expect(err.message).toBe(
      'Tệp “a.txt” mã hóa UTF-16 nhưng thiếu dấu BOM ở đầu tệp nên không đọc chắc chắn được; hãy lưu lại với bảng mã UTF-8',
    );
  });

  it('should refuse text full of NUL bytes', async () => {
    const err = await refusal(file('a.txt', Buffer.concat([Buffer.from('1. Việc\n'), Buffer.alloc(4000)])));
    expect(err.message).toBe('Tệp “a.txt” chứa dữ liệu nhị phân, không phải tệp văn bản (.txt)');
  });

  // The bombs stay small where they must be unpacked (limits passed to checkOfficeZip), so these tests do the same
  // small work on any machine; only the header refusal meets the real 100 MB limit, and it unpacks nothing.
  it('should refuse a zip bomb disguised as .xlsx by its headers, before anything is unpacked', async () => {
    const bomb = zipBomb('xlsx', 150);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const err = await refusal(file('bang.xlsx', bomb));
    expect(err.status).toBe(HttpStatus.BAD_REQUEST);
    expect(err.message).toMatch(/^Tệp “bang.xlsx” bị từ chối: giải nén ra 150 MB, vượt quá 100 MB.*zip bomb/);
  });

  const SMALL: ZipLimits = { ...IMPORT_LIMITS, maxUncompressedBytes: 3 * 1024 * 1024, ratioAboveBytes: 1024 * 1024 };
  const zipRefusal = (bomb: Buffer, format: 'xlsx' | 'docx', name: string) =>
    checkOfficeZip(bomb, format, name, SMALL).then(
      () => Promise.reject(new Error(`${name} was accepted`)),
      (err: DomainError) => err,
    );

  it('should refuse a highly compressed .docx by its ratio', async () => {
    const err = await zipRefusal(zipBomb('docx', 2), 'docx', 'vanban.docx');
    expect(err).toBeInstanceOf(DomainError);
    expect(err.message).toMatch(/^Tệp “vanban.docx” bị từ chối: tỉ lệ nén 818:1 \(giải nén 2 MB từ 3 KB\)/);
    // The same ratio under the size it is judged from passes (a small, very regular part is no bomb).
    await expect(checkOfficeZip(zipBomb('docx', 2), 'docx', 'vanban.docx', { ...SMALL, ratioAboveBytes: 4 * 1024 * 1024 })).resolves.toEqual({ uncompressed: 2 * 1024 * 1024 + 123, sheetRows: 0 });
  });

  it('should refuse a zip whose headers lie about its size, by inflating it', async () => {
    const err = await zipRefusal(zipBomb('xlsx', 4, { lie: true }), 'xlsx', 'bang.xlsx');
    expect(err).toBeInstanceOf(DomainError);
    expect(err.message).toMatch(/^Tệp “bang.xlsx” bị từ chối: giải nén ra hơn 3 MB/);
  });

  it('should refuse the committed not-ok fixtures with a clear message', async () => {
    expect((await refusal(file('renamed-image.xlsx', importFixture('not-ok', 'renamed-image.xlsx')))).message).toBe(
      'Tệp “renamed-image.xlsx” không phải bảng tính Excel (.xlsx) hợp lệ: đây là một ảnh PNG bị đổi tên',
    );
    expect((await refusal(file('windows-1258.csv', importFixture('not-ok', 'windows-1258.csv')))).message).toContain(
      'không phải văn bản mã hóa UTF-8',
    );
    const inspected = await inspectUpload(
      file('missing-lead-column.csv', importFixture('not-ok', 'missing-lead-column.csv')),
    );
    await expect(parseFile(inspected)).rejects.toThrow(/^Bảng thiếu cột “Cơ quan chủ trì”/);
  });

  it('should count the rows of a sheet before exceljs reads it', async () => {
    const rows = [HEADER.slice(0, 3), ...Array.from({ length: 21_000 }, (_, i) => [i + 1, `Việc ${i + 1}`, 'Sở Y tế'])];
    const err = await refusal(file('lon.xlsx', await xlsxOf(rows)));
    expect(err.message).toBe(
      'Tệp có 21.001 dòng, vượt quá giới hạn 20.000 dòng mỗi lần nhập; hãy chia thành nhiều tệp nhỏ hơn',
    );
  });
});
