import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Response } from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { ImportReport } from 'src/modules/imports/import.types';
import { ImportRun, ImportRunStatus } from 'src/modules/imports/import-run.entity';
import { Task } from 'src/modules/tasks/task.entity';
import { UserRole } from 'src/modules/users/user-role.enum';
import { toPdf, toScan } from 'test/fixtures/documents/render';
import { insertSeedAgencies } from 'test/fixtures/import-files.fixture';
import { createProgram } from 'test/fixtures/programs.fixture';
import { ErrorBody, expectStatus, RunBody, waitForImportRun } from 'test/fixtures/import-runs.fixture';
import { bearer } from 'test/fixtures/tasks.fixture';
import { RoleSession, signInEveryRole } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';

/**
 * Issue #12 on the running app: văn bản giao nhiệm vụ in prose, as .txt, text PDF and scanned PDF
 * (OCR on the imports queue), imported into a program or on their own, and every kind of bad
 * document refused with a Vietnamese error and nothing written. Agency groups through their API.
 */
jest.setTimeout(300_000);

const DOCS = join(__dirname, '..', 'fixtures', 'documents');
const corpus = (name: string) => readFileSync(join(DOCS, `${name}.txt`), 'utf8');


function pdfOf(draw: (doc: PDFKit.PDFDocument) => void, opts: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument(opts);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    draw(doc);
    doc.end();
  });
}

/** A picture with no writing (a cat: ears, face, eyes, whiskers), as a PNG. */
async function catPng(): Promise<Buffer> {
  const pdf = await pdfOf((doc) => {
    doc.circle(300, 400, 120).fill('#c96');
    doc.polygon([200, 330], [230, 220], [270, 300]).fill('#c96');
    doc.polygon([400, 330], [370, 220], [330, 300]).fill('#c96');
    doc.circle(255, 380, 15).fill('#000');
    doc.circle(345, 380, 15).fill('#000');
    for (const dy of [-10, 0, 10])
      doc
        .moveTo(300, 430)
        .lineTo(180, 420 + dy)
        .moveTo(300, 430)
        .lineTo(420, 420 + dy)
        .stroke();
  });
  return toPng(pdf, 100);
}

/** The first page of a PDF as a PNG (a photographed or scanned page sent as an image). */
function toPng(pdf: Buffer, dpi = 150): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'page-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-', join(dir, 'page')], { input: pdf });
    return readFileSync(join(dir, 'page.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('imports of văn bản giao nhiệm vụ (e2e, issue #12)', () => {
  let t: TestApp;
  let ds: DataSource;
  let sessions: Record<UserRole, RoleSession>;
  let office: string;
  let program2026: number;
  let agencyIds: Map<string, number>;

  const upload = (file: Buffer, fileName: string, fields: Record<string, string | number | boolean | undefined>) => {
    const req = t.http.post('/api/imports').set(bearer(office));
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) void req.field(k, String(v));
    return req.attach('file', file, { filename: fileName, contentType: 'application/octet-stream' });
  };
  const waitForRun = (id: number, seen: RunBody[] = []): Promise<RunBody> => waitForImportRun(t, office, id, seen);
  const taskCount = () => ds.getRepository(Task).count();
  /** The request is refused with `status` and `message`, and not a row is written. */
  const refused = async (res: Promise<Response>, status: number, message: string | RegExp) => {
    const before = await taskCount();
    const r = await res;
    expectStatus(r, status);
    const body = r.body as ErrorBody;
    if (typeof message === 'string') expect(body.message).toBe(message);
    else expect(body.message).toMatch(message);
    expect(body.details[0].field).toBe('file');
    expect(await taskCount()).toBe(before);
  };

  beforeAll(async () => {
    t = await TestApp.start({ workers: true, env: { PDF_MAX_PAGES: '100', OCR_MAX_PAGES: '5' } });
    ds = t.get(DataSource);
    const agencies = await insertSeedAgencies(ds);
    agencyIds = agencies;
    sessions = await signInEveryRole(t, agencies.get('SYT')!);
    office = sessions[UserRole.Office].token;
    program2026 = (await createProgram(t, office, { year: 2026, issuedAt: '2026-01-05' })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('prose directives', () => {
    it('should read a thông báo kết luận into a program: roles, header, sourceDocument and assignedAt of the document', async () => {
      const res = await upload(Buffer.from(corpus('02-tb-ket-luan-binh-phuoc')), 'tb-45.txt', {
        programId: program2026,
        dryRun: false,
      });
      expectStatus(res, 201);
      const report = res.body as ImportReport;
      expect(report.document).toMatchObject({
        number: '45/TB-UBND',
        date: '2026-05-12',
        issuer: 'UBND tỉnh Bình Phước',
      });
      expect(report.items.map((i) => [i.task.leadAgency?.code, i.task.dueDate, i.task.dueText])).toEqual([
        ['SYT', '2026-06-30', 'ngày 30/6/2026'],
        ['STC', '2026-06-30', 'tháng 6/2026'],
        ['DPTTH', null, 'thường xuyên'],
      ]);
      const tasks = await ds.getRepository(Task).find({ where: { programId: program2026 }, order: { id: 'ASC' } });
      expect(tasks).toHaveLength(3);
      for (const task of tasks) {
        expect(task.assignedAt).toBe('2026-05-12');
        expect(task.sourceDocument).toBe('Thông báo số 45/TB-UBND ngày 12/05/2026 của UBND tỉnh Bình Phước');
      }
    });

    it('should import a document outside any program, and update (not duplicate) its tasks when imported again', async () => {
      const file = Buffer.from(corpus('04-cv-bac-kan-2021'));
      const first = await upload(file, 'cv-1066.txt', { dryRun: false });
      expectStatus(first, 201);
      expect((first.body as ImportReport).programId).toBeNull();
      expect((first.body as ImportReport).summary).toMatchObject({ items: 3, created: 3 });
      const stored = await ds.getRepository(Task).find({ where: { programId: IsNull() }, order: { id: 'ASC' } });
      expect(stored.map((s) => [s.code, s.assignedAt])).toEqual([
        ['1066/UBND-VXNV:1', '2021-03-01'],
        ['1066/UBND-VXNV:2', '2021-03-01'],
        ['1066/UBND-VXNV:3', '2021-03-01'],
      ]);
      // Judged on the document's date: in 2021 Sở Kế hoạch và Đầu tư still existed.
      const again = await upload(file, 'cv-1066.txt', { dryRun: true });
      expectStatus(again, 200);
      expect((again.body as ImportReport).summary).toMatchObject({ created: 0, unchanged: 3 });
    });

    it('should refuse a document without number outside a program (400 on programId), writing nothing', async () => {
      const before = await taskCount();
      const res = await upload(
        Buffer.from('Giao Sở Tài chính chủ trì rà soát, hoàn thành trước ngày 15/6/2026.'),
        'a.txt',
        {
          dryRun: false,
        },
      );
      expectStatus(res, 400);
      expect((res.body as ErrorBody).details[0].field).toBe('programId');
      expect(await taskCount()).toBe(before);
    });

    it('should refuse a document that assigns nothing', async () => {
      const text = corpus('02-tb-ket-luan-binh-phuoc').replace(/^Giao Sở Y tế.*$/m, 'Các ý kiến đã được ghi nhận.');
      await refused(
        upload(Buffer.from(text), 'tb.txt', { programId: program2026, dryRun: false }),
        400,
        /^Không tìm thấy nhiệm vụ nào/,
      );
    });
  });

  describe('PDF', () => {
    it('should read a text PDF as the .txt reads', async () => {
      const res = await upload(await toPdf(corpus('06-cv-lao-cai-thien-tai')), 'cv-2210.pdf', {
        programId: program2026,
        dryRun: true,
      });
      expectStatus(res, 200);
      const report = res.body as ImportReport;
      expect(report.format).toBe('pdf');
      expect(report.items.map((i) => [i.task.leadAgency?.code ?? i.leadGroup?.name, i.task.dueDate])).toEqual([
        ['UBND các huyện, thị xã, thành phố', '2025-08-15'],
        ['SNNMT', '2025-08-31'],
        ['STC', '2025-09-30'],
      ]);
      expect(report.items[0].leadGroup?.members).toHaveLength(11);
      expect(report.items[0].errors[0].message).toMatch(
        /^Cơ quan chủ trì là nhóm “UBND các huyện, thị xã, thành phố” \(11 cơ quan\)/,
      );
    });

    it('should read a scan by OCR on the queue, page by page, with the confidence beside each item', async () => {
      const scan = await toScan(await toPdf(corpus('01-cv-binh-phuoc-du-toan')));
      const res = await upload(scan, 'cv-1066-scan.pdf', { programId: program2026, dryRun: true });
      expectStatus(res, 202);
      const seen: RunBody[] = [];
      const run = await waitForRun((res.body as { id: number }).id, seen);
      expect(run).toMatchObject({ status: 'done', error: null });
      const report = run.result!;
      expect(report.ocr).toEqual({ pages: 1, confidence: expect.any(Number) as number });
      expect(report.items.map((i) => [i.task.leadAgency?.code ?? i.leadGroup?.name, i.task.dueDate])).toEqual([
        ['STC', '2026-04-15'],
        ['Các sở, ban, ngành; UBND các huyện, thị xã, thành phố', '2026-06-30'],
      ]);
      for (const item of report.items) expect(item.ocrConfidence).toBeGreaterThan(60);
      expect(seen.some((s) => s.status === ImportRunStatus.Running || s.status === ImportRunStatus.Queued)).toBe(true);
    });

    it('should refuse an encrypted PDF', async () => {
      const pdf = await pdfOf((d) => d.text('Giao Sở Tài chính chủ trì.'), {
        userPassword: 'mat-khau',
        ownerPassword: 'x',
      });
      await refused(
        upload(pdf, 'mat-khau.pdf', { programId: program2026, dryRun: false }),
        400,
        'Tệp PDF “mat-khau.pdf” được đặt mật khẩu (mã hóa): hãy gỡ mật khẩu rồi gửi lại',
      );
    });

    it('should refuse a damaged PDF', async () => {
      const pdf = await toPdf(corpus('02-tb-ket-luan-binh-phuoc'));
      await refused(
        upload(pdf.subarray(0, 900), 'hong.pdf', { programId: program2026, dryRun: false }),
        400,
        'Tệp PDF “hong.pdf” bị hỏng hoặc không đúng định dạng PDF, không đọc được',
      );
    });

    it('should refuse a 500-page PDF before reading it', async () => {
      const pdf = await pdfOf((d) => {
        for (let i = 1; i < 500; i++) d.text(`Trang ${i}`).addPage();
      });
      await refused(
        upload(pdf, 'dai.pdf', { programId: program2026, dryRun: false }),
        400,
        'Tệp PDF “dai.pdf” có 500 trang, vượt quá giới hạn 100 trang mỗi lần nhập; hãy tách văn bản thành các tệp nhỏ hơn',
      );
    });

    it('should refuse a scan longer than the OCR page limit before queuing it', async () => {
      const pdf = await toPdf(Array.from({ length: 14 }, () => corpus('02-tb-ket-luan-binh-phuoc')).join('\n'));
      const scan = await toScan(pdf, 50);
      await refused(
        upload(scan, 'scan-dai.pdf', { programId: program2026, dryRun: false }),
        400,
        /^Bản scan có \d+ trang, vượt quá giới hạn 5 trang nhận dạng chữ \(OCR\)/,
      );
    });

    it('should end the run of an image of a cat with a clear error, writing nothing', async () => {
      const before = await taskCount();
      const res = await upload(await catPng(), 'meo.png', { programId: program2026, dryRun: false });
      expectStatus(res, 202);
      const run = await waitForRun((res.body as { id: number }).id);
      expect(run.status).toBe('failed');
      expect(run.error).toMatch(/^Không nhận dạng được chữ trong ảnh/);
      expect(await taskCount()).toBe(before);
      expect(await ds.getRepository(ImportRun).countBy({ status: ImportRunStatus.Failed })).toBeGreaterThan(0);
    });
  });

  describe('POST /api/imports/items (the preview as corrected on screen)', () => {
    const item = (over: Record<string, unknown> = {}) => ({
      code: '77/TB-UBND:1',
      title: 'Rà soát, sắp xếp trụ sở làm việc',
      kind: 'task',
      leadAgencyId: agencyIds.get('STC'),
      coordinatingAgencyIds: [agencyIds.get('SXD')],
      dueDate: '2026-09-30',
      dueText: 'Quý III/2026',
      submitTo: null,
      sourceDocument: 'Thông báo số 77/TB-UBND ngày 02/03/2026 của UBND tỉnh Bình Phước',
      ...over,
    });
    const post = (body: unknown, token = office) =>
      t.http
        .post('/api/imports/items')
        .set(bearer(token))
        .send(body as object);

    it('should write the items on screen, and leave them unchanged when sent again', async () => {
      const body = { assignedAt: '2026-03-02', fileName: 'tb-77.pdf', items: [item()] };
      const first = await post(body);
      expectStatus(first, 201);
      expect(first.body).toMatchObject({ programId: null, created: 1, updated: 0 });
      const task = await ds.getRepository(Task).findOneByOrFail({ code: '77/TB-UBND:1' });
      expect(task).toMatchObject({ assignedAt: '2026-03-02', dueDate: '2026-09-30', dueText: 'Quý III/2026' });
      const again = await post(body);
      expectStatus(again, 201);
      expect(again.body).toMatchObject({ created: 0, unchanged: 1 });
    });

    it.each([
      ['no items', { assignedAt: '2026-03-02', fileName: 'a.pdf', items: [] }, 'items'],
      ['no assignedAt', { fileName: 'a.pdf', items: [{}] }, 'assignedAt'],
      ['an impossible assignedAt', { assignedAt: '2026-02-30', fileName: 'a.pdf', items: [{}] }, 'assignedAt'],
      [
        'a title too long',
        { assignedAt: '2026-03-02', fileName: 'a.pdf', items: [{ title: 'x'.repeat(2001) }] },
        'items.0.title',
      ],
      ['an unknown field', { assignedAt: '2026-03-02', fileName: 'a.pdf', items: [{ hack: true }] }, 'items.0.hack'],
      [
        'a field not an import field',
        { assignedAt: '2026-03-02', fileName: 'a.pdf', items: [{ provided: ['status'] }] },
        'items.0.provided',
      ],
    ])('should refuse %s with 400, writing nothing', async (_what, raw, field) => {
      const before = await taskCount();
      const body = { ...raw, items: (raw.items as Record<string, unknown>[]).map((i) => item(i)) };
      const res = await post(body);
      expectStatus(res, 400);
      expect((res.body as ErrorBody).details.map((d) => d.field).join(' ')).toContain(field);
      expect(await taskCount()).toBe(before);
    });

    it('should judge agencies on the assignment date and refuse a deadline before it, naming the item', async () => {
      const before = await taskCount();
      const res = await post({
        assignedAt: '2026-03-02',
        fileName: 'a.pdf',
        items: [
          item({ code: 'X:1', leadAgencyId: agencyIds.get('STNMT') }),
          item({ code: 'X:2', dueDate: '2026-01-10' }),
        ],
      });
      expectStatus(res, 400);
      expect((res.body as ErrorBody).details).toEqual([
        {
          field: 'items[0].leadAgencyId',
          message:
            'Mục 1: Sở Tài nguyên và Môi trường đã ngừng hoạt động từ sau ngày 28/02/2025; cơ quan kế thừa: Sở Nông nghiệp và Môi trường (SNNMT)',
        },
        { field: 'items[1].dueDate', message: 'Mục 2: thời hạn 10/01/2026 trước ngày giao nhiệm vụ 02/03/2026' },
      ]);
      expect(await taskCount()).toBe(before);
    });

    it('should be for the office and admins only', async () => {
      const res = await post(
        { assignedAt: '2026-03-02', fileName: 'a.pdf', items: [item()] },
        sessions[UserRole.Agency].token,
      );
      expectStatus(res, 403);
    });
  });

  describe('text encodings', () => {
    it('should read UTF-16 with its byte order mark', async () => {
      const text = corpus('02-tb-ket-luan-binh-phuoc');
      const res = await upload(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'tb.txt', {
        programId: program2026,
        dryRun: true,
      });
      expectStatus(res, 200);
      expect((res.body as ImportReport).items).toHaveLength(3);
    });

    it('should refuse UTF-16 without its byte order mark, writing nothing', async () => {
      await refused(
        upload(Buffer.from(corpus('02-tb-ket-luan-binh-phuoc'), 'utf16le'), 'tb-utf16.txt', {
          programId: program2026,
          dryRun: false,
        }),
        400,
        'Tệp “tb-utf16.txt” mã hóa UTF-16 nhưng thiếu dấu BOM ở đầu tệp nên không đọc chắc chắn được; hãy lưu lại với bảng mã UTF-8',
      );
    });

    it('should refuse Windows-1258 and a file mixing UTF-8 with Windows-1258', async () => {
      // "Giao Sở Tài chính" in Windows-1258: ở = 0xF5 + combining hook (0xD2), à = 0xE0.
      const cp1258 = Buffer.from([0x47, 0x69, 0x61, 0x6f, 0x20, 0x53, 0xf5, 0xd2, 0x20, 0x54, 0xe0, 0x69]);
      for (const [name, bytes] of [
        ['cp1258.txt', cp1258],
        ['tron.txt', Buffer.concat([Buffer.from('Số: 1/UBND-TH\nGiao Sở Y tế chủ trì.\n'), cp1258])],
      ] as const)
        await refused(
          upload(bytes, name, { programId: program2026, dryRun: false }),
          400,
          `Tệp “${name}” không phải văn bản mã hóa UTF-8 (có thể là tệp nhị phân bị đổi tên, hoặc bảng mã cũ như TCVN3/VNI/Windows-1258); hãy lưu lại với bảng mã UTF-8`,
        );
    });
  });

  describe('agency groups (/api/agency-groups)', () => {
    it('should list the groups the importer recognises, seeded by the migration', async () => {
      const res = await t.http.get('/api/agency-groups').set(bearer(office));
      expectStatus(res, 200);
      expect((res.body.items as { name: string }[]).map((g) => g.name)).toEqual([
        'UBND các huyện, thị xã, thành phố',
        'Các sở, ban, ngành',
        'Các Bộ, ngành Trung ương',
        'Các cơ quan, đơn vị, địa phương liên quan',
      ]);
    });

    it('should let the office add a group that the next import recognises, and remove it', async () => {
      const created = await t.http
        .post('/api/agency-groups')
        .set(bearer(office))
        .send({
          name: 'Khối văn hóa - xã hội',
          aliases: ['các sở khối văn hóa - xã hội'],
          memberCodes: ['syt', 'SGDDT'],
        });
      expectStatus(created, 201);
      expect(created.body).toMatchObject({ memberKind: null, memberCodes: ['SYT', 'SGDDT'] });
      const text =
        'Số: 9/UBND-VX\nBình Phước, ngày 02 tháng 3 năm 2026\nGiao Sở Nội vụ chủ trì, phối hợp với các sở khối văn hóa - xã hội rà soát biên chế, hoàn thành trước ngày 30/6/2026.';
      const res = await upload(Buffer.from(text), 'vx.txt', { programId: program2026, dryRun: true });
      expectStatus(res, 200);
      expect((res.body as ImportReport).items[0].task.coordinatingAgencies.map((a) => a.code).sort()).toEqual([
        'SGDDT',
        'SYT',
      ]);
      const id = (created.body as { id: number }).id;
      expectStatus(await t.http.delete(`/api/agency-groups/${id}`).set(bearer(office)), 204);
      expectStatus(await t.http.get(`/api/agency-groups/${id}`).set(bearer(office)), 404);
    });

    it.each([
      [{ name: 'X' }, 'memberKind'],
      [{ name: 'X', memberCodes: ['KHONGCO'] }, 'memberCodes'],
      [{ name: 'X', memberKind: 'planet' }, 'memberKind'],
      [{ name: '', memberKind: 'district' }, 'name'],
      [{ name: 'X', memberKind: 'district', aliases: ['a'.repeat(201)] }, 'aliases'],
      [{ name: 'X', memberKind: 'district', aliases: 'không phải danh sách' }, 'aliases'],
      [{ name: 'X', memberKind: 'district', hack: 1 }, 'hack'],
    ])('should refuse %j with 400 naming %s', async (body, field) => {
      const res = await t.http.post('/api/agency-groups').set(bearer(office)).send(body);
      expectStatus(res, 400);
      expect((res.body as ErrorBody).details.map((d) => d.field)).toContain(field);
    });

    it('should refuse a name another group already uses (409), and agencies may not edit groups (403)', async () => {
      const clash = await t.http
        .post('/api/agency-groups')
        .set(bearer(office))
        .send({ name: 'Nhóm mới', aliases: ['UBND cấp huyện'], memberKind: 'district' });
      expectStatus(clash, 409);
      expect((clash.body as ErrorBody).message).toBe(
        'Tên “UBND cấp huyện” đã thuộc nhóm “UBND các huyện, thị xã, thành phố”',
      );
      const agency = await t.http
        .post('/api/agency-groups')
        .set(bearer(sessions[UserRole.Agency].token))
        .send({ name: 'Y', memberKind: 'district' });
      expectStatus(agency, 403);
    });
  });
});

describe('imports of scans on a server without Tesseract (e2e, issue #12)', () => {
  let t: TestApp;
  let office: string;
  let programId: number;

  beforeAll(async () => {
    t = await TestApp.start({ workers: true, env: { OCR_TESSERACT_BIN: '/khong/co/tesseract' } });
    const ds = t.get(DataSource);
    const sessions = await signInEveryRole(t, (await insertSeedAgencies(ds)).get('SYT')!);
    office = sessions[UserRole.Office].token;
    programId = (await createProgram(t, office, { year: 2026, issuedAt: '2026-01-05' })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['a scanned PDF', 'cv-scan.pdf', async () => toScan(await toPdf(corpus('01-cv-binh-phuoc-du-toan')))],
    ['a photo (PNG)', 'cv-anh.png', async () => toPng(await toPdf(corpus('01-cv-binh-phuoc-du-toan')))],
  ])(
    'should refuse %s at once with 503 naming the packages to install, writing and queuing nothing',
    async (_what, name, file) => {
      const ds = t.get(DataSource);
      const [tasks, runs] = [await ds.getRepository(Task).count(), await ds.getRepository(ImportRun).count()];
      const res = await t.http
        .post('/api/imports')
        .set(bearer(office))
        .field('programId', String(programId))
        .field('dryRun', 'false')
        .attach('file', await file(), { filename: name, contentType: 'application/octet-stream' });
      expect(res.status).toBe(503);
      const body = res.body as ErrorBody;
      expect(body.message).toBe(
        'Văn bản là bản scan (không có lớp chữ) nên cần nhận dạng chữ (OCR), nhưng máy chủ chưa có chương trình “/khong/co/tesseract”: quản trị viên cần cài gói tesseract-ocr và tesseract-ocr-vie (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie, hoặc chạy scripts/ensure-deps.sh)',
      );
      expect(body.details[0].field).toBe('file');
      expect(await ds.getRepository(Task).count()).toBe(tasks);
      expect(await ds.getRepository(ImportRun).count()).toBe(runs);
    },
  );
});
