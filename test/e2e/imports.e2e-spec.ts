import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { ImportReport, ImportItemOut } from 'src/modules/imports/import.types';
import { ImportRun } from 'src/modules/imports/import-run.entity';
import { ImportsService } from 'src/modules/imports/imports.service';
import { TaskHistory, TaskHistoryAction } from 'src/modules/tasks/task-history.entity';
import { Task } from 'src/modules/tasks/task.entity';
import { UserRole } from 'src/modules/users/user-role.enum';
import {
  csvOf,
  docxOf,
  HEADER,
  IMPORT_FIXTURES,
  importFixture,
  insertSeedAgencies,
  SECTION_B_FILE,
  xlsxOf,
  zipBomb,
} from 'test/fixtures/import-files.fixture';
import { createProgram } from 'test/fixtures/programs.fixture';
import { ErrorBody, expectStatus, RunBody, waitForImportRun } from 'test/fixtures/import-runs.fixture';
import { bearer } from 'test/fixtures/tasks.fixture';
import { RoleSession, signInEveryRole } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';
import { readXlsx, rowValues } from 'test/utils/office-read-back';

jest.setTimeout(120_000);

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The suite runs with a 2 MB upload limit, so that 413 is cheap to reach. */
const UPLOAD_LIMIT_MB = 2;

type Rejected = ImportReport & { statusCode: number; message: string; details: { field: string; message: string }[] };

/** Reads a binary download into a Buffer. */
function binary(
  res: { on(e: string, cb: (c?: Buffer) => void): void },
  cb: (err: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** What the acceptance check compares: the task as an import would write it. */
function essentials(item: ImportItemOut) {
  return {
    code: item.task.code,
    title: item.task.title,
    kind: item.task.kind,
    lead: item.task.leadAgency?.code ?? null,
    coordinating: item.task.coordinatingAgencies.map((a) => a.code).sort(),
    dueDate: item.task.dueDate,
    group: item.task.group,
  };
}

describe('imports (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let sessions: Record<UserRole, RoleSession>;
  let office: string;
  let agencies: Map<string, number>;
  let program2024: number;

  const upload = (
    file: Buffer,
    fileName: string,
    fields: Record<string, string | number | boolean | undefined>,
    opts: { token?: string; contentType?: string } = {},
  ) => {
    const req = t.http.post('/api/imports').set(bearer(opts.token ?? office));
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) void req.field(k, String(v));
    return req.attach('file', file, {
      filename: fileName,
      contentType: opts.contentType ?? 'application/octet-stream',
    });
  };
  const newProgram = async (overrides: Record<string, unknown> = {}) => (await createProgram(t, office, overrides)).id;
  const programTasks = (programId: number) =>
    ds
      .getRepository(Task)
      .find({ where: { programId }, order: { id: 'ASC' }, relations: { coordinatingAgencies: true } });
  const waitForRun = (id: number, seen: RunBody[] = []): Promise<RunBody> => waitForImportRun(t, office, id, seen);

  beforeAll(async () => {
    t = await TestApp.start({ workers: true, env: { UPLOAD_LIMIT_MB: String(UPLOAD_LIMIT_MB) } });
    ds = t.get(DataSource);
    agencies = await insertSeedAgencies(ds);
    sessions = await signInEveryRole(t, agencies.get('SYT')!);
    office = sessions[UserRole.Office].token;
    program2024 = await newProgram({ year: 2024, issuedAt: '2024-01-05' });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('GET /api/imports/template.xlsx', () => {
    it('should give the template: the ten headers, a section row and a filled example, frozen header', async () => {
      const res = await t.http.get('/api/imports/template.xlsx').set(bearer(office)).buffer(true).parse(binary);
      expectStatus(res, 200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      expect(res.headers['content-disposition']).toContain(
        'attachment; filename="mau-nhap-chuong-trinh-cong-tac.xlsx"',
      );
      const wb = await readXlsx(res.body as Buffer);
      const ws = wb.worksheets[0];
      expect(rowValues(ws, 1, 10)).toEqual(HEADER);
      expect(rowValues(ws, 2, 2)).toEqual(['I', 'LĨNH VỰC KINH TẾ']);
      expect(rowValues(ws, 3, 10).every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(2).width).toBeGreaterThan(40);
    });

    it('should import its own example', async () => {
      const file = (await t.http.get('/api/imports/template.xlsx').set(bearer(office)).buffer(true).parse(binary))
        .body as Buffer;
      const res = await upload(file, 'mau.xlsx', { programId: program2024 });
      expectStatus(res, 200);
      const report = res.body as ImportReport;
      expect(report.summary).toMatchObject({ items: 1, valid: 1, invalid: 0 });
      expect(report.items[0].task).toMatchObject({
        code: 'I.1',
        kind: 'proposal',
        leadAgency: { code: 'STC' },
        dueDate: '2024-12-31',
        outputForm: 'Nghị quyết',
        submitTo: 'HĐND tỉnh',
      });
      expect(report.items[0].task.coordinatingAgencies.map((a) => a.code)).toEqual(['VPUBND', 'CTK']);
    });

    it('should be refused to agency users and leaders', async () => {
      for (const role of [UserRole.Agency, UserRole.Leader]) {
        expectStatus(await t.http.get('/api/imports/template.xlsx').set(bearer(sessions[role].token)), 403);
      }
    });
  });

  describe('section B of the 2023 report (acceptance)', () => {
    const text = readFileSync(join(IMPORT_FIXTURES, 'ok', SECTION_B_FILE), 'utf8');
    const lines = text.split('\n');
    /** The paragraph on line n of the fixture, without its marker. */
    const p = (n: number) => lines[n - 1].replace(/^(\d+\.|-)\s*/, '').trim();

    /** The same program as a spreadsheet, the agencies written in their columns. */
    const sheet = () =>
      xlsxOf([
        HEADER.slice(0, 5),
        ['B', 'CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024'],
        [1, p(3), 'Văn phòng UBND tỉnh', 'UBND các huyện, thị xã, thành phố', null],
        [2, p(5), 'Văn phòng UBND tỉnh', 'Các sở, ban, ngành; UBND các huyện, thị xã, thành phố', null],
        ['2.1', p(7), 'VP UBND tỉnh', 'các sở, ban, ngành\nUBND cấp huyện', null],
        ['2.2', p(9), 'Sở Tài chính', 'Sở TN&MT; Cục Thuế', null],
        ['2.3', p(11), 'Sở Y tế', 'UBND các huyện, thị xã, thành phố', 'Thường xuyên'],
        ['2.4', p(13), 'Sở Tài nguyên và Môi trường', 'các địa phương', null],
        [3, p(15), 'VPUBND', 'Bộ KH&ĐT; các Bộ, ngành Trung ương', null],
        [4, `${p(17)} ${p(19)}`, 'Văn phòng UBND tỉnh', null, null],
        [5, p(21), 'Văn phòng UBND tỉnh', 'Các sở, ban, ngành', null],
        [6, p(23), 'Văn phòng UBND tỉnh', null, null],
        [7, p(25), 'Văn phòng UBND tỉnh', null, null],
        [8, p(27), 'Văn phòng UBND tỉnh', null, null],
        [9, p(29), 'Văn phòng UBND tỉnh', null, null],
        [10, p(31), 'Văn phòng UBND tỉnh', 'các Bộ, ngành', null],
      ]);

    it('should give the same items, with the right lead agencies, from the text and from a spreadsheet', async () => {
      const fromText = await upload(Buffer.from(text), 'chuong-trinh-2024.txt', {
        programId: program2024,
        defaultLeadAgencyId: agencies.get('VPUBND'),
      });
      expectStatus(fromText, 200);
      const fromSheet = await upload(await sheet(), 'chuong-trinh-2024.xlsx', { programId: program2024 });
      expectStatus(fromSheet, 200);
      const a = fromText.body as ImportReport;
      const b = fromSheet.body as ImportReport;
      // Kept for the closing note (test-artifacts/ is not committed).
      mkdirSync(join(process.cwd(), 'test-artifacts'), { recursive: true });
      writeFileSync(
        join(process.cwd(), 'test-artifacts', 'imports-section-b-dry-run.json'),
        JSON.stringify(a, null, 2),
      );

      expect(a.summary).toEqual({
        items: 14,
        valid: 14,
        invalid: 0,
        created: 14,
        updated: 0,
        unchanged: 0,
        warnings: a.summary.warnings,
      });
      expect(b.summary).toMatchObject({ items: 14, valid: 14, invalid: 0, created: 14 });
      expect(a.items.map((i) => [i.task.code, i.task.leadAgency?.code])).toEqual([
        ['B.1', 'VPUBND'],
        ['B.2', 'VPUBND'],
        ['B.2.1', 'VPUBND'],
        ['B.2.2', 'STC'],
        ['B.2.3', 'SYT'],
        ['B.2.4', 'STNMT'],
        ['B.3', 'VPUBND'],
        ['B.4', 'VPUBND'],
        ['B.5', 'VPUBND'],
        ['B.6', 'VPUBND'],
        ['B.7', 'VPUBND'],
        ['B.8', 'VPUBND'],
        ['B.9', 'VPUBND'],
        ['B.10', 'VPUBND'],
      ]);
      expect(b.items.map(essentials)).toEqual(a.items.map(essentials));
      // Where the text names no lead, the default took it, and said so.
      expect(a.items[0].warnings.map((w) => w.message)).toContain(
        'Nội dung không nêu cơ quan chủ trì cụ thể (chỉ có nhóm cơ quan hoặc cơ quan phối hợp); giao cho cơ quan chủ trì mặc định Văn phòng UBND tỉnh (VPUBND)',
      );
      expect(await programTasks(program2024)).toHaveLength(0);
    });

    it('should make every item without a named agency an error when there is no default lead', async () => {
      const res = await upload(Buffer.from(text), 'chuong-trinh-2024.txt', { programId: program2024, dryRun: false });
      expectStatus(res, 422);
      const body = res.body as Rejected;
      expect(body.summary).toMatchObject({ items: 14, valid: 3, invalid: 11, created: 0 });
      expect(body.message).toBe('Tệp có 11 mục không hợp lệ; chưa ghi dữ liệu nào');
      expect(body.details[0]).toEqual({
        field: 'items[0].leadAgency',
        message:
          'Dòng 3: Nội dung không nêu cơ quan chủ trì cụ thể (chỉ có nhóm cơ quan hoặc cơ quan phối hợp); hãy ghi cơ quan chủ trì hoặc chọn cơ quan chủ trì mặc định (defaultLeadAgencyId)',
      });
      expect(await programTasks(program2024)).toHaveLength(0);
    });

    it('should commit, then on re-import leave unchanged items alone, update changed ones (history "import") and never duplicate', async () => {
      const programId = await newProgram({ year: 2024, issuedAt: '2024-01-05' });
      const fields = { programId, dryRun: false, defaultLeadAgencyId: agencies.get('VPUBND') };
      const first = await upload(Buffer.from(text), 'b.txt', fields);
      expectStatus(first, 201);
      expect((first.body as ImportReport).summary).toMatchObject({
        items: 14,
        valid: 14,
        created: 14,
        updated: 0,
        unchanged: 0,
      });
      expect((first.body as ImportReport).committed).toBe(true);
      const tasks = await programTasks(programId);
      expect(tasks.map((x) => x.code)).toEqual([
        'B.1',
        'B.2',
        'B.2.1',
        'B.2.2',
        'B.2.3',
        'B.2.4',
        'B.3',
        'B.4',
        'B.5',
        'B.6',
        'B.7',
        'B.8',
        'B.9',
        'B.10',
      ]);
      const b22 = tasks.find((x) => x.code === 'B.2.2')!;
      expect(b22).toMatchObject({
        leadAgencyId: agencies.get('STC'),
        assignedAt: '2024-01-05',
        origin: 'initial',
        status: 'new',
        version: 1,
      });
      expect(b22.coordinatingAgencies!.map((a) => a.code).sort()).toEqual(['CTT', 'STNMT']);
      expect(b22.searchText).toContain('so tai chinh');
      const created = await ds.getRepository(TaskHistory).findBy({ taskId: b22.id });
      expect(created.map((h) => [h.action, h.userName, h.comment])).toEqual([
        [TaskHistoryAction.Import, expect.any(String), 'Nhập từ tệp b.txt'],
      ]);

      const again = await upload(Buffer.from(text), 'b.txt', fields);
      expectStatus(again, 201);
      expect((again.body as ImportReport).summary).toMatchObject({ created: 0, updated: 0, unchanged: 14 });
      expect(await programTasks(programId)).toHaveLength(14);

      // B.2.3: another lead and a deadline; B.9: another wording.
      const changed = text
        .replace('- Sở Y tế đẩy nhanh tiến độ', '- Sở Nội vụ đẩy nhanh tiến độ')
        .replace('cục bộ như năm 2023.', 'cục bộ như năm 2023, hoàn thành trong Quý II/2024.')
        .replace('9. Tăng cường kỷ luật', '9. Siết chặt kỷ luật');
      const third = await upload(Buffer.from(changed), 'b2.txt', { ...fields, dryRun: true });
      expectStatus(third, 200);
      const preview = third.body as ImportReport;
      expect(preview.summary).toMatchObject({ created: 0, updated: 2, unchanged: 12 });
      expect(preview.items.find((i) => i.task.code === 'B.2.3')).toMatchObject({
        action: 'update',
        changes: ['title', 'leadAgencyId', 'dueDate', 'dueText'],
      });
      expect((await programTasks(programId)).find((x) => x.code === 'B.2.3')!.leadAgencyId).toBe(agencies.get('SYT'));

      const fourth = await upload(Buffer.from(changed), 'b2.txt', fields);
      expectStatus(fourth, 201);
      expect((fourth.body as ImportReport).summary).toMatchObject({ created: 0, updated: 2, unchanged: 12 });
      const after = await programTasks(programId);
      expect(after).toHaveLength(14);
      const b23 = after.find((x) => x.code === 'B.2.3')!;
      expect(b23).toMatchObject({
        leadAgencyId: agencies.get('SNV'),
        dueDate: '2024-06-30',
        effectiveDueDate: '2024-07-01',
        dueText: 'Quý II/2024',
        version: 2,
      });
      const history = await ds.getRepository(TaskHistory).find({ where: { taskId: b23.id }, order: { id: 'ASC' } });
      expect(history.map((h) => [h.action, h.field])).toEqual([
        [TaskHistoryAction.Import, null],
        [TaskHistoryAction.Import, 'title'],
        [TaskHistoryAction.Import, 'leadAgencyId'],
        [TaskHistoryAction.Import, 'dueDate'],
        [TaskHistoryAction.Import, 'dueText'],
      ]);
      expect(history[2]).toMatchObject({
        fromValue: String(agencies.get('SYT')),
        toValue: String(agencies.get('SNV')),
      });
      expect(after.find((x) => x.code === 'B.9')!.title).toMatch(/^Siết chặt kỷ luật/);
      expect(after.find((x) => x.code === 'B.1')!.version).toBe(1);
    });
  });

  describe('formats', () => {
    it('should read a real .docx: Word numbering, bullets and a deadline', async () => {
      const docx = await docxOf([
        'CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024',
        {
          text: 'Sở Tài chính chủ trì, phối hợp với Cục Thuế thu ngân sách, hoàn thành trong tháng 11/2024',
          list: 'number',
        },
        { text: 'Sở Y tế đẩy nhanh đấu thầu thuốc trong Quý I/2024', list: 'bullet' },
        { text: 'Sở Xây dựng trình UBND tỉnh Quyết định quy định giá xây dựng, đến giữa năm 2024', list: 'number' },
      ]);
      const res = await upload(
        docx,
        'chuong-trinh.docx',
        { programId: program2024 },
        { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      );
      expectStatus(res, 200);
      const report = res.body as ImportReport;
      expect(report.format).toBe('docx');
      expect(
        report.items.map((i) => [
          i.ref,
          i.task.code,
          i.task.kind,
          i.task.leadAgency?.code,
          i.task.coordinatingAgencies.map((a) => a.code),
          i.task.dueDate,
        ]),
      ).toEqual([
        ['Đoạn 2', '1', 'task', 'STC', ['CTT'], '2024-11-30'],
        ['Đoạn 3', '1.1', 'task', 'SYT', [], '2024-03-31'],
        ['Đoạn 4', '2', 'proposal', 'SXD', [], '2024-06-30'],
      ]);
    });

    it('should read a semicolon CSV with a BOM, Excel date cells and formulas as their saved values', async () => {
      const csv = csvOf([HEADER.slice(0, 5), [1, 'Việc một', 'Sở Y tế', 'Sở Tài chính; Sở Nội vụ', '15/3/2024']], {
        delimiter: ';',
        bom: true,
      });
      const fromCsv = await upload(csv, 'a.csv', { programId: program2024 }, { contentType: 'text/csv' });
      expectStatus(fromCsv, 200);
      expect((fromCsv.body as ImportReport).items[0].task).toMatchObject({
        leadAgency: { code: 'SYT' },
        dueDate: '2024-03-15',
        dueText: '15/3/2024',
      });

      const xlsx = await xlsxOf([
        HEADER.slice(0, 5),
        [
          1,
          { formula: '"Xây dựng "&"Đề án"', result: 'Xây dựng Đề án' },
          'Sở Y tế',
          null,
          new Date(Date.UTC(2024, 5, 29)),
        ],
        [2, { formula: 'A1&"!"' }, 'Sở Y tế', null, 'Quý II/2024'],
      ]);
      const fromXlsx = await upload(xlsx, 'b.xlsx', { programId: program2024 }, { contentType: XLSX_TYPE });
      expectStatus(fromXlsx, 200);
      const items = (fromXlsx.body as ImportReport).items;
      expect(items[0].task).toMatchObject({
        title: 'Xây dựng Đề án',
        dueDate: '2024-06-29',
        dueText: '29/06/2024',
        kind: 'proposal',
      });
      expect(items[1].errors[0].message).toContain('ô B3 là công thức chưa có giá trị đã tính');
    });

    it('should strip control characters and say so', async () => {
      const csv = csvOf([HEADER.slice(0, 3), [1, 'Việc\u0007 một\u0000 \u001bcó ký tự lạ', 'Sở Y\u0008 tế']]);
      const res = await upload(csv, 'a.csv', { programId: program2024 });
      expectStatus(res, 200);
      const [item] = (res.body as ImportReport).items;
      expect(item.task.title).toBe('Việc một có ký tự lạ');
      expect(item.task.leadAgency?.code).toBe('SYT');
      expect(item.warnings.map((w) => w.message)).toContain(
        'Đã loại bỏ các ký tự điều khiển (không in được) trong nội dung',
      );
    });
  });

  describe('all or nothing', () => {
    it('should write nothing when one item is wrong: 422 with the row and the closest names', async () => {
      const programId = await newProgram({ year: 2024, issuedAt: '2024-01-05' });
      const csv = csvOf([
        HEADER.slice(0, 5),
        [1, 'Việc một', 'Sở Y tế', null, 'Quý I/2024'],
        [2, 'Việc hai', 'Sở Du lịch', null, 'Quý II/2024'],
        [3, 'Việc ba', 'Sở Tài chính', 'UBND tỉnh', 'sớm nhất có thể'],
        [4, 'x'.repeat(2001), 'Sở Tài chính', null, 'Quý II/2024'],
      ]);
      const res = await upload(csv, 'loi.csv', { programId, dryRun: false });
      expectStatus(res, 422);
      const body = res.body as Rejected;
      expect(body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', committed: false, dryRun: false });
      expect(body.summary).toMatchObject({ items: 4, valid: 1, invalid: 3, created: 0, updated: 0, unchanged: 0 });
      expect(body.details.map((d) => d.message)).toEqual([
        'Dòng 3: Không tìm thấy cơ quan “Sở Du lịch” trong danh mục cơ quan, đơn vị; gần nhất: Sở Văn hóa, Thể thao và Du lịch (SVHTTDL); Sở Công Thương (SCT); Sở Giao thông vận tải (SGTVT)',
        'Dòng 4: Không tìm thấy cơ quan “UBND tỉnh” trong danh mục cơ quan, đơn vị; gần nhất: Văn phòng UBND tỉnh (VPUBND); Kho bạc Nhà nước Bình Phước (KBNN); Ban Dân tộc (BDT)',
        'Dòng 4: Không hiểu thời hạn “sớm nhất có thể”; ví dụ cách ghi: 15/3/2024, tháng 6/2024, Quý II/2024, 6 tháng đầu năm 2024, cuối năm 2024, thường xuyên',
        'Dòng 5: Nội dung dài 2.001 ký tự, vượt quá giới hạn 2.000 ký tự',
      ]);
      expect(body.items[0]).toMatchObject({ action: null, errors: [] });
      expect(await programTasks(programId)).toHaveLength(0);
    });

    it('should assign the tasks of a quarter II program without an issue date on 01/04 of its year', async () => {
      const programId = await newProgram({ year: 2026, period: 'quarter', periodNumber: 2, issuedAt: null });
      const csv = csvOf([
        HEADER.slice(0, 5),
        [1, 'Việc một', 'Sở Y tế', null, 'Quý II/2026'],
        [2, 'Việc hai', 'Sở Tài chính', null, '30/6/2026'],
      ]);
      const res = await upload(csv, 'quy2.csv', { programId, dryRun: false });
      expectStatus(res, 201);
      expect((await programTasks(programId)).map((x) => [x.code, x.assignedAt])).toEqual([
        ['1', '2026-04-01'],
        ['2', '2026-04-01'],
      ]);
    });

    it('should refuse a closed agency for a program of today and name its successor', async () => {
      const programId = await newProgram({ year: 2026, issuedAt: null });
      const csv = csvOf([HEADER.slice(0, 3), [1, 'Việc một', 'Sở Tài nguyên và Môi trường']]);
      const res = await upload(csv, 'a.csv', { programId, dryRun: false });
      expectStatus(res, 422);
      expect((res.body as Rejected).details[0].message).toMatch(
        /^Dòng 2: Sở Tài nguyên và Môi trường đã ngừng hoạt động từ sau ngày 28\/02\/2025; cơ quan kế thừa: Sở Nông nghiệp và Môi trường \(SNNMT\)$/,
      );
    });
  });

  describe('large files on the imports queue', () => {
    const rows = (n: number, title = (i: number) => `Nhiệm vụ số ${i}`) => [
      HEADER.slice(0, 5),
      ...Array.from({ length: n }, (_, i) => [
        i + 1,
        title(i + 1),
        i % 2 ? 'Sở Y tế' : 'Sở TN&MT',
        'Sở Tài chính',
        `Quý ${['I', 'II', 'III', 'IV'][i % 4]}/2024`,
      ]),
    ];

    it('should queue more than 2,000 items (202), report progress and write them', async () => {
      const programId = await newProgram({ year: 2024, issuedAt: '2024-01-05' });
      const res = await upload(csvOf(rows(2100)), 'lon.csv', { programId, dryRun: false });
      expectStatus(res, 202);
      const queued = res.body as { id: number; status: string; url: string };
      expect(queued).toEqual({ id: expect.any(Number), status: 'queued', url: `/api/imports/${queued.id}` });
      const seen: RunBody[] = [];
      const run = await waitForRun(queued.id, seen);
      expect(run).toMatchObject({ status: 'done', processed: 2100, total: 2100, error: null });
      expect(run.result!.summary).toMatchObject({ items: 2100, valid: 2100, created: 2100 });
      expect(run.result!.committed).toBe(true);
      const processed = seen.map((s) => s.processed);
      expect(processed).toEqual([...processed].sort((x, y) => x - y));
      expect(await ds.getRepository(Task).countBy({ programId })).toBe(2100);
      const stored = await ds.getRepository(ImportRun).findOneByOrFail({ id: queued.id });
      expect(stored.finishedAt).not.toBeNull();
      // The report is sent as its stored JSON text (never parsed by the API): the same document, as JSON.
      const again = await t.http.get(queued.url).set(bearer(office));
      expectStatus(again, 200);
      expect(again.type).toBe('application/json');
      expect(Object.keys(again.body as object).sort()).toEqual([
        'createdAt',
        'dryRun',
        'error',
        'fileName',
        'finishedAt',
        'format',
        'id',
        'processed',
        'programId',
        'result',
        'status',
        'total',
      ]);
      expect((again.body as RunBody).result).toEqual(stored.result);
      expect(again.body).toMatchObject({
        id: queued.id,
        fileName: 'lon.csv',
        format: 'csv',
        dryRun: false,
        finishedAt: stored.finishedAt!.toISOString(),
      });
    });

    it('should report progress every 500 items while checking (what the run records)', async () => {
      const progress: [number, number][] = [];
      const totals: number[] = [];
      const report = await t.get(ImportsService).importFile(
        { originalname: 'lon.csv', mimetype: 'text/csv', size: 0, buffer: csvOf(rows(2100)) },
        {
          programId: program2024,
          dryRun: true,
          defaultLeadAgencyId: null,
          actor: { id: null, name: null },
          onTotal: (n) => Promise.resolve(void totals.push(n)),
          onProgress: (done, total) => Promise.resolve(void progress.push([done, total])),
        },
      );
      expect(report.summary.items).toBe(2100);
      expect(totals).toEqual([2100]);
      expect(progress).toEqual([
        [500, 2100],
        [1000, 2100],
        [1500, 2100],
        [2000, 2100],
      ]);
    });

    it('should queue a file over 1 MB and end a refused commit as failed, with its item errors and nothing written', async () => {
      const programId = await newProgram({ year: 2024, issuedAt: '2024-01-05' });
      const big = rows(700, (i) => `Nhiệm vụ ${i}: ${'tăng cường công tác quản lý nhà nước '.repeat(45)}`);
      big[5][2] = 'Sở Không Có';
      const file = csvOf(big);
      expect(file.length).toBeGreaterThan(1024 * 1024);
      const res = await upload(file, 'lon.csv', { programId, dryRun: false });
      expectStatus(res, 202);
      const run = await waitForRun((res.body as { id: number }).id);
      expect(run.status).toBe('failed');
      expect(run.error).toBe('Tệp có 1 mục không hợp lệ; chưa ghi dữ liệu nào');
      expect(run.result!.items[4].errors[0].message).toMatch(/^Không tìm thấy cơ quan “Sở Không Có”/);
      expect(await ds.getRepository(Task).countBy({ programId })).toBe(0);
    });

    it('should answer 404 for an unknown run and 400 for a bad id', async () => {
      expectStatus(await t.http.get('/api/imports/999999').set(bearer(office)), 404);
      expect((await t.http.get('/api/imports/abc').set(bearer(office))).status).toBe(400);
    });
  });

  describe('bad input', () => {
    const body = (res: Response) => res.body as ErrorBody;
    const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

    it('should refuse a wrong extension with 415', async () => {
      const res = await upload(Buffer.from('x'), 'chuong-trinh.doc', { programId: program2024 });
      expectStatus(res, 415);
      expect(body(res).message).toBe(
        'Tệp Word 97-2003 (.doc) chưa được hỗ trợ; hãy mở bằng Word và lưu dưới dạng .docx',
      );
    });

    it('should refuse a content type that does not fit the file with 415', async () => {
      const res = await upload(
        await xlsxOf([HEADER]),
        'a.xlsx',
        { programId: program2024 },
        { contentType: 'image/png' },
      );
      expectStatus(res, 415);
      expect(body(res).message).toBe('Kiểu nội dung “image/png” không khớp với bảng tính Excel (.xlsx) “a.xlsx”');
    });

    it('should refuse a renamed binary', async () => {
      const asXlsx = await upload(PNG, 'anh.xlsx', { programId: program2024 });
      expectStatus(asXlsx, 400);
      expect(body(asXlsx).message).toBe(
        'Tệp “anh.xlsx” không phải bảng tính Excel (.xlsx) hợp lệ: đây là một ảnh PNG bị đổi tên',
      );
      const asCsv = await upload(PNG, 'anh.csv', { programId: program2024 });
      expectStatus(asCsv, 400);
      expect(body(asCsv).message).toBe('Tệp “anh.csv” không phải tệp CSV mà là một ảnh PNG bị đổi tên');
      const docAsXlsx = await upload(await docxOf(['1. Việc']), 'vanban.xlsx', { programId: program2024 });
      expect(body(docAsXlsx).message).toBe(
        'Tệp “vanban.xlsx” thực chất là tài liệu Word (.docx); hãy đổi lại phần mở rộng .docx',
      );
    });

    it('should refuse an empty file', async () => {
      const res = await upload(Buffer.alloc(0), 'rong.csv', { programId: program2024 });
      expectStatus(res, 400);
      expect(body(res).message).toBe('Tệp “rong.csv” rỗng');
    });

    it('should name the missing headers', async () => {
      const res = await upload(
        csvOf([
          ['TT', 'Nội dung', 'Thời hạn'],
          [1, 'Việc', 'Quý I/2024'],
        ]),
        'a.csv',
        { programId: program2024 },
      );
      expectStatus(res, 400);
      expect(body(res).message).toMatch(/^Bảng thiếu cột “Cơ quan chủ trì”/);
      expect(body(res).details).toEqual([{ field: 'file', message: 'Tệp: thiếu cột “Cơ quan chủ trì”' }]);
      const none = await upload(Buffer.from('1. Một đoạn\nkhông phải bảng'), 'a.csv', { programId: program2024 });
      expect(body(none).message).toMatch(
        /^Không tìm thấy dòng tiêu đề của bảng: cần các cột “Nội dung”, “Cơ quan chủ trì”/,
      );
      const text = await upload(Buffer.from('Văn bản không có mục nào.'), 'a.txt', { programId: program2024 });
      expect(body(text).message).toBe(
        'Không tìm thấy nhiệm vụ nào: văn bản không có câu giao việc (“Giao Sở … chủ trì”, “Đề nghị …”, “… có trách nhiệm …”), mục đánh số (1., 2.1., a)) hay gạch đầu dòng (-, +)',
      );
    });

    it(`should refuse a file over UPLOAD_LIMIT_MB with 413`, async () => {
      const res = await upload(Buffer.alloc(UPLOAD_LIMIT_MB * 1024 * 1024 + 1024, 0x41), 'lon.txt', {
        programId: program2024,
      });
      expectStatus(res, 413);
      expect(body(res).message).toBe(`Tệp vượt quá dung lượng cho phép ${UPLOAD_LIMIT_MB} MB`);
    });

    it('should refuse a zip bomb disguised as .xlsx and as .docx', async () => {
      const xlsx = await upload(zipBomb('xlsx', 150), 'bom.xlsx', { programId: program2024 });
      expectStatus(xlsx, 400);
      expect(body(xlsx).message).toMatch(/^Tệp “bom.xlsx” bị từ chối: giải nén ra .*zip bomb/);
      const docx = await upload(zipBomb('docx', 120, { lie: true }), 'bom.docx', { programId: program2024 });
      expectStatus(docx, 400);
      expect(body(docx).message).toMatch(/^Tệp “bom.docx” bị từ chối: giải nén ra hơn 100 MB/);
    });

    it('should refuse 50,000 rows (the limit is 20,000)', async () => {
      const many = [HEADER.slice(0, 3), ...Array.from({ length: 50_000 }, (_, i) => [i + 1, `V${i}`, 'STC'])];
      const csv = await upload(csvOf(many), 'nhieu.csv', { programId: program2024 });
      expectStatus(csv, 400);
      expect(body(csv).message).toBe(
        'Tệp có 50.001 dòng, vượt quá giới hạn 20.000 dòng mỗi lần nhập; hãy chia thành nhiều tệp nhỏ hơn',
      );
      const xlsx = await upload(await xlsxOf(many), 'nhieu.xlsx', { programId: program2024 });
      expectStatus(xlsx, 400);
      expect(body(xlsx).message).toBe(
        'Tệp có 50.001 dòng, vượt quá giới hạn 20.000 dòng mỗi lần nhập; hãy chia thành nhiều tệp nhỏ hơn',
      );
    });

    it('should name the row of a title over 2,000 characters', async () => {
      const res = await upload(
        csvOf([HEADER.slice(0, 3), [1, 'Việc', 'STC'], [2, 'y'.repeat(5000), 'STC']]),
        'dai.csv',
        { programId: program2024 },
      );
      expectStatus(res, 200);
      const item = (res.body as ImportReport).items[1];
      expect([item.ref, item.errors]).toEqual([
        'Dòng 3',
        [{ field: 'title', message: 'Nội dung dài 5.000 ký tự, vượt quá giới hạn 2.000 ký tự' }],
      ]);
    });

    it('should check the form: the file, the program, the flags and the default lead', async () => {
      const noFile = await t.http.post('/api/imports').set(bearer(office)).field('programId', String(program2024));
      expectStatus(noFile, 400);
      expect(body(noFile).message).toBe('Thiếu tệp: gửi tệp trong trường “file” (multipart/form-data)');
      const json = await t.http.post('/api/imports').set(bearer(office)).send({ programId: program2024 });
      expectStatus(json, 415);
      expect(body(json).message).toBe(
        'Định dạng dữ liệu không được hỗ trợ: cần gửi multipart/form-data, không phải application/json',
      );
      const noProgram = await upload(Buffer.from('1. Việc'), 'a.txt', {});
      expectStatus(noProgram, 400);
      expect(body(noProgram).details.map((d) => d.field)).toContain('programId');
      expectStatus(await upload(Buffer.from('1. Việc'), 'a.txt', { programId: 999_999 }), 404);
      const badFlag = await upload(Buffer.from('1. Việc'), 'a.txt', { programId: program2024, dryRun: 'maybe' });
      expect(body(badFlag).details.map((d) => d.field)).toEqual(['dryRun']);
      const unknownField = await upload(Buffer.from('1. Việc'), 'a.txt', { programId: program2024, mode: 'fast' });
      expect(body(unknownField).details).toEqual([{ field: 'mode', message: 'Trường “mode” không được phép' }]);
      const badLead = await upload(Buffer.from('1. Việc'), 'a.txt', {
        programId: program2024,
        defaultLeadAgencyId: agencies.get('SNNMT'),
      });
      expectStatus(badLead, 400);
      expect(body(badLead).details[0].field).toBe('defaultLeadAgencyId');
      expect(body(badLead).message).toMatch(
        /^Cơ quan chủ trì mặc định không dùng được: Sở Nông nghiệp và Môi trường chỉ hoạt động từ ngày 01\/03\/2025/,
      );
      const twoFiles = await t.http
        .post('/api/imports')
        .set(bearer(office))
        .field('programId', String(program2024))
        .attach('file', Buffer.from('1. a'), 'a.txt')
        .attach('file', Buffer.from('1. b'), 'b.txt');
      expect(body(twoFiles).message).toBe('Chỉ gửi một tệp, trong trường “file”');
    });

    it('should refuse uploads to agency users and leaders', async () => {
      for (const role of [UserRole.Agency, UserRole.Leader]) {
        expectStatus(
          await upload(Buffer.from('1. Việc'), 'a.txt', { programId: program2024 }, { token: sessions[role].token }),
          403,
        );
      }
    });
  });

  it('should document the routes in OpenAPI, with the multipart form and examples', async () => {
    const json = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
            responses: Record<string, unknown>;
          }
        >
      >;
    };
    const post = json.paths['/api/imports'].post;
    expect(Object.keys(post.requestBody!.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(post.requestBody!.content['multipart/form-data'].schema.properties)).toEqual([
      'file',
      'programId',
      'dryRun',
      'defaultLeadAgencyId',
    ]);
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(['200', '201', '202', '400', '413', '415', '422']),
    );
    expect(json.paths['/api/imports/{id}'].get).toBeDefined();
    expect(json.paths['/api/imports/template.xlsx'].get).toBeDefined();
  });

  it('should keep the committed fixtures readable', () => {
    expect(importFixture('ok', SECTION_B_FILE).toString('utf8')).toMatch(/^B\. CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024/);
  });
});
