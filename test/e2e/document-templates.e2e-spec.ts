import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { DataSource } from 'typeorm';
import { addDays } from 'src/core/time/local-date';
import { defaultTemplatePath } from 'src/modules/document-templates/document-templates.service';
import { ReminderLetter } from 'src/modules/reminders/reminder-letter.entity';
import { RemindersService } from 'src/modules/reminders/reminders.service';
import { UserRole } from 'src/modules/users/user-role.enum';
import { ReminderFixtures } from 'test/fixtures/reminder-tasks.fixture';
import { createUser, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { binaryBody } from 'test/utils/binary-body';
import { TestApp } from 'test/utils/create-test-app';
import { waitFor } from 'test/utils/spawn-process';
import { docxText } from 'test/utils/docx-text';

const D = '2024-07-15'; // a Monday
const NAME = 'cong-van-don-doc';
const REPORT = 'phu-luc-bao-cao';

/** The shipped template with the XML of its text edited. */
function edited(edit: (xml: string) => string, name = NAME): Buffer {
  const zip = new PizZip(readFileSync(defaultTemplatePath(name)));
  zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
  return zip.generate({ type: 'nodebuffer' });
}

describe('document templates (e2e)', () => {
  let t: TestApp;
  let office: string;
  let agencyUser: string;
  let f: ReminderFixtures;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const upload = (file: Buffer | null, token = office, name = NAME) => {
    const req = t.http.put(`/api/document-templates/${name}`).set(auth(token));
    return file ? req.attach('file', file, { filename: 'mau-cong-van.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }) : req.field('note', 'không có tệp');
  };
  const list = async () => (await t.http.get('/api/document-templates').set(auth(office)).expect(200)).body.items as { name: string; custom: boolean }[];
  const current = async (name = NAME) => [(await list()).find((x) => x.name === name)!];
  const download = (name = NAME) =>
    t.http
      .get(`/api/document-templates/${name}/file`)
      .set(auth(office))
      .buffer(true)
      .parse(binaryBody as never)
      .expect(200);

  beforeAll(async () => {
    t = await TestApp.start({ workers: true });
    f = new ReminderFixtures(t);
    const admin = await t.login();
    const officeUser = await createUser(t, admin, { role: UserRole.Office });
    office = await t.login(officeUser.email, TEST_USER_PASSWORD);
    const agency = await f.agency({ name: 'Sở Thử mẫu' });
    const member = await createUser(t, admin, { role: UserRole.Agency, agencyId: agency.id });
    agencyUser = await t.login(member.email, TEST_USER_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should list the công văn and the report templates with their placeholders, the defaults in use', async () => {
    const all = await list();
    expect(all).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: NAME, label: 'Công văn đôn đốc thực hiện nhiệm vụ quá hạn', custom: false, updatedAt: null }),
        expect.objectContaining({ name: REPORT, label: 'Phụ lục báo cáo kết quả thực hiện nhiệm vụ (Phụ lục I, II, III)', custom: false, updatedAt: null }),
      ]),
    );
    expect(all).toHaveLength(2);
    const fields = (name: string) => Object.keys((all.find((x) => x.name === name) as unknown as { fields: object }).fields);
    expect(fields(NAME)).toEqual(expect.arrayContaining(['agencyName', 'tasks', 'replyBy']));
    expect(fields(REPORT)).toEqual(expect.arrayContaining(['programItems', 'programItemsByAgency', 'tasks', 'byAgency', 'overdue', 'periodTitle']));
    const file = await download();
    expect(docxText(file.body as Buffer)).toContain('Kính gửi: {agencyName}.');
  });

  it.each([
    ['an unknown placeholder', () => edited((xml) => xml.replace('{agencyName}.', '{agencyName} {soCongVan}.')), 'Mẫu văn bản dùng trường không được hỗ trợ: {soCongVan} không có trong danh sách trường của mẫu'],
    ['an unclosed loop', () => edited((xml) => xml.replace('{/tasks}', '')), 'Mẫu văn bản có lỗi cú pháp ở chỗ đánh dấu {…}'],
    ['a broken document', () => Buffer.from('PK\u0003\u0004 hỏng'), 'Tệp không phải là văn bản Word (.docx) hợp lệ'],
    ['a PDF', () => Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'Tệp không phải là văn bản Word (.docx) hợp lệ'],
  ])('should refuse %s with a clear 400 and keep the template in use', async (_what, file, message) => {
    const before = (await download()).body as Buffer;
    const res = await upload(file()).expect(400);
    expect(res.body.message).toBe(message);
    expect(res.body.details[0].field).toBe('file');
    expect((await current())[0].custom).toBe(false);
    expect(Buffer.compare((await download()).body as Buffer, before)).toBe(0);
  });

  it('should refuse a missing file, an unknown template and an agency user', async () => {
    expect((await upload(null).expect(400)).body.message).toBe('Chưa chọn tệp mẫu văn bản (.docx)');
    expect((await upload(readFileSync(defaultTemplatePath(NAME)), office, 'bao-cao-khac').expect(404)).body.message).toBe('Không tìm thấy mẫu văn bản');
    await upload(readFileSync(defaultTemplatePath(NAME)), agencyUser).expect(403);
    expect((await current())[0].custom).toBe(false);
  });

  it('should take the office\'s own wording, which the next escalation uses', async () => {
    const own = edited((xml) => xml.replace('Kính gửi: ', 'Kính gửi đồng chí Thủ trưởng ').replace('{agencyName}.', '{agencyName} (mẫu của Văn phòng).'));
    const res = await upload(own).expect(200);
    expect(res.body).toMatchObject({ name: NAME, custom: true, updatedAt: expect.any(String) });
    expect(docxText((await download()).body as Buffer)).toContain('Kính gửi đồng chí Thủ trưởng {agencyName} (mẫu của Văn phòng).');

    const agency = await f.agency({ name: 'Sở Xây dựng (thử mẫu)' });
    await f.task({ agency, dueDate: addDays(D, -14), sourceDocument: 'Kế hoạch số 14/KH-UBND' });
    const scan = await t.get(RemindersService).scan({ asOf: D });
    const digest = scan.digests.find((d) => d.agencyId === agency.id)!;
    expect(digest.letterId).toBeTruthy();
    // The letter is drawn by its own job after the scan (size 0 until then).
    const letters = t.get(DataSource).getRepository(ReminderLetter);
    await waitFor(async () => (await letters.findOneByOrFail({ id: digest.letterId! })).size > 0, 30_000, 'the letter job');
    const letter = await letters.findOneByOrFail({ id: digest.letterId! });
    const text = docxText(readFileSync(t.get(RemindersService).letterPath(letter)));
    expect(text).toContain('Kính gửi đồng chí Thủ trưởng Sở Xây dựng (thử mẫu) (mẫu của Văn phòng).');
    expect(text).toContain('Kế hoạch số 14/KH-UBND');

    // Back to the default.
    expect((await t.http.delete(`/api/document-templates/${NAME}`).set(auth(office)).expect(200)).body.custom).toBe(false);
    expect(docxText((await download()).body as Buffer)).toContain('Kính gửi: {agencyName}.');
  });

  describe('the report appendix template', () => {
    /** Builds a DOCX report of July 2024 through the API and the worker, and returns its text. */
    const reportText = async (): Promise<string> => {
      const created = await t.http.post('/api/reports').set(auth(office)).send({ from: '2024-07-01', to: '2024-07-31', formats: ['docx'], reportNumber: '88' }).expect(202);
      let run: Record<string, unknown> = {};
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
        run = (await t.http.get(`/api/reports/${created.body.id}`).set(auth(office)).expect(200)).body;
        if (run.status === 'done' || run.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(run.status).toBe('done');
      const file = await t.http.get(`/api/reports/${created.body.id}/files/docx`).set(auth(office)).buffer(true).parse(binaryBody as never).expect(200);
      return docxText(file.body as Buffer);
    };

    beforeAll(async () => {
      const agency = await f.agency({ name: 'Sở Thử báo cáo' });
      await f.task({ agency, dueDate: '2024-07-10', assignedAt: '2024-06-01', title: 'Nhiệm vụ quá hạn của báo cáo thử', sourceDocument: 'Công văn số 7/UBND-TH' });
    });

    it.each([
      ['an unknown placeholder', () => edited((xml) => xml.replace('{agencyName}', '{tenCoQuan}'), REPORT), 'Mẫu văn bản dùng trường không được hỗ trợ: {tenCoQuan} không có trong danh sách {#programItemsByAgency} … {/programItemsByAgency}'],
      ['an unknown field of the whole document', () => edited((xml) => xml.replace('{periodTitle}', '{kyBaoCao}'), REPORT), 'Mẫu văn bản dùng trường không được hỗ trợ: {kyBaoCao} không có trong danh sách trường của mẫu'],
      ['a loop left open', () => edited((xml) => xml.replace('{/overdue}', ''), REPORT), 'Mẫu văn bản có lỗi cú pháp ở chỗ đánh dấu {…}'],
      ['a broken zip', () => readFileSync(defaultTemplatePath(REPORT)).subarray(0, 4000), 'Tệp không phải là văn bản Word (.docx) hợp lệ'],
    ])('should refuse %s with a Vietnamese 400 and change nothing', async (_what, file, message) => {
      const before = (await download(REPORT)).body as Buffer;
      const res = await upload(file(), office, REPORT).expect(400);
      expect(res.body.message).toBe(message);
      expect(res.body.details[0].field).toBe('file');
      expect((await current(REPORT))[0].custom).toBe(false);
      expect(Buffer.compare((await download(REPORT)).body as Buffer, before)).toBe(0);
    });

    it("should build the next report run with the office's own template, and the default again after a reset", async () => {
      const before = await reportText();
      expect(before).toContain('PHỤ LỤC III\n');
      expect(before).toContain('Nhiệm vụ quá hạn của báo cáo thử');
      expect(before).not.toContain('Văn phòng UBND tỉnh lập');

      const own = edited(
        (xml) =>
          xml
            .replace('PHỤ LỤC III<', 'PHỤ LỤC III (MẪU CỦA VĂN PHÒNG)<')
            .replace('DANH SÁCH NHIỆM VỤ CHƯA HOÀN THÀNH QUÁ HẠN {periodTitle}', 'DANH SÁCH NHIỆM VỤ QUÁ HẠN {periodTitle} — Văn phòng UBND tỉnh lập ngày {asOf}'),
        REPORT,
      );
      expect((await upload(own, office, REPORT).expect(200)).body).toMatchObject({ name: REPORT, custom: true });
      // The công văn is another template: untouched.
      expect((await current(NAME))[0].custom).toBe(false);

      const after = await reportText();
      expect(after).toContain('PHỤ LỤC III (MẪU CỦA VĂN PHÒNG)');
      expect(after).toContain('DANH SÁCH NHIỆM VỤ QUÁ HẠN TỪ NGÀY 01/7/2024 ĐẾN NGÀY 31/7/2024 — Văn phòng UBND tỉnh lập ngày 31/7/2024');
      expect(after).toContain('Nhiệm vụ quá hạn của báo cáo thử');
      expect(after).toContain('(Kèm theo Báo cáo số 88/BC-UBND');

      expect((await t.http.delete(`/api/document-templates/${REPORT}`).set(auth(office)).expect(200)).body.custom).toBe(false);
      expect(await reportText()).not.toContain('MẪU CỦA VĂN PHÒNG');
    });
  });
});
