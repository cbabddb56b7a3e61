import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TaskFile } from 'src/modules/files/task-file.entity';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { bearer, createTask } from 'test/fixtures/tasks.fixture';
import { createUser, TEST_USER_PASSWORD } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(1000)]);

/** Attachments with UPLOAD_LIMIT_MB=1: what is stored, who reads it, and what is refused. */
describe('task files (e2e)', () => {
  let t: TestApp;
  let office: string;
  let lead: string;
  let coordinating: string;
  let outsider: string;
  let taskId: number;
  let port: number;

  const rows = () => t.get(DataSource).getRepository(TaskFile).count();
  const stored = () => {
    const dir = join(t.config.files.dir, 'tasks');
    return existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.')).length : 0;
  };
  const tmpFiles = () => {
    const dir = join(t.config.files.dir, 'tmp');
    return existsSync(dir) ? readdirSync(dir).length : 0;
  };
  const upload = (token: string, name: string, data: Buffer, fields: Record<string, string> = {}) => {
    let req = t.http.post(`/api/tasks/${taskId}/files`).set(bearer(token));
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', data, { filename: name, contentType: 'application/octet-stream' });
  };

  beforeAll(async () => {
    t = await TestApp.start({ workers: false, env: { UPLOAD_LIMIT_MB: '1' } });
    port = (t.app.getHttpServer().address() as { port: number }).port;
    const admin = await t.login();
    const a = (await createAgency(t, admin)).id;
    const b = (await createAgency(t, admin)).id;
    const c = (await createAgency(t, admin)).id;
    const sign = async (role: UserRole, agencyId?: number) =>
      t.login((await createUser(t, admin, { role, agencyId })).email, TEST_USER_PASSWORD);
    office = await sign(UserRole.Office);
    lead = await sign(UserRole.Agency, a);
    coordinating = await sign(UserRole.Agency, b);
    outsider = await sign(UserRole.Agency, c);
    taskId = (await createTask(t, office, { leadAgencyId: a, coordinatingAgencyIds: [b] })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should keep a PDF result byte-identical, list it and its history row, and refuse it to another agency', async () => {
    const res = await upload(lead, 'Quyết định 2150-QĐ-UBND.pdf', PDF).expect(201);
    expect(res.body).toMatchObject({ fileName: 'Quyết định 2150-QĐ-UBND.pdf', contentType: 'application/pdf', size: PDF.length, purpose: 'result' });
    const get = (token: string) =>
      t.http
        .get(`/api/files/${res.body.id}`)
        .set(bearer(token))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
    const down = await get(lead).expect(200);
    expect(Buffer.compare(down.body as Buffer, PDF)).toBe(0);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="Quyet dinh 2150-QD-UBND.pdf"; filename*=UTF-8''${encodeURIComponent('Quyết định 2150-QĐ-UBND.pdf')}`,
    );
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare((await get(office).expect(200)).body as Buffer, PDF)).toBe(0);
    await get(coordinating).expect(200);
    const refused = await get(outsider).expect(404);
    expect(JSON.parse((refused.body as Buffer).toString('utf8'))).toMatchObject({ message: 'Không tìm thấy tệp' });
    await t.http.get(`/api/tasks/${taskId}/files`).set(bearer(outsider)).expect(404);
    const list = await t.http.get(`/api/tasks/${taskId}/files`).set(bearer(coordinating)).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, limit: 50 });
    expect(list.body.items.map((f: { id: number }) => f.id)).toContain(res.body.id);
    const history = await t.http.get(`/api/tasks/${taskId}/history`).set(bearer(office)).expect(200);
    expect(history.body.items[0]).toMatchObject({ action: 'attach', field: 'file', toValue: 'Quyết định 2150-QĐ-UBND.pdf' });
  });

  it('should let only the lead agency and the office attach', async () => {
    await upload(coordinating, 'a.pdf', PDF).expect(403);
    await upload(outsider, 'a.pdf', PDF).expect(404);
    await upload(office, 'Biên bản.png', PNG).expect(201);
  });

  it('should keep evidence with its request, for the lead agency and the office but not the coordinating agency', async () => {
    const req = await t.http
      .post(`/api/tasks/${taskId}/requests`)
      .set(bearer(lead))
      .send({ type: 'withdrawal', reason: 'Nhiệm vụ trùng với Kế hoạch số 12/KH-UBND' })
      .expect(201);
    const res = await upload(lead, 'Kế hoạch 12-KH-UBND.pdf', PDF, { purpose: 'evidence', requestId: String(req.body.id) }).expect(201);
    expect(res.body).toMatchObject({ purpose: 'evidence', requestId: req.body.id });
    await t.http.get(`/api/files/${res.body.id}`).set(bearer(office)).expect(200);
    await t.http.get(`/api/files/${res.body.id}`).set(bearer(lead)).expect(200);
    await t.http.get(`/api/files/${res.body.id}`).set(bearer(coordinating)).expect(404);
    await t.http.post(`/api/requests/${req.body.id}/reject`).set(bearer(office)).send({ comment: 'Chưa đủ căn cứ' }).expect(200);
  });

  describe('bad files change nothing', () => {
    let before: { rows: number; stored: number };
    beforeEach(async () => {
      before = { rows: await rows(), stored: stored() };
    });
    afterEach(async () => {
      expect({ rows: await rows(), stored: stored() }).toEqual(before);
      expect(tmpFiles()).toBe(0);
    });

    it('should refuse content that is not its extension', async () => {
      const res = await upload(lead, 'anh-chup.pdf', PNG).expect(400);
      expect(res.body.message).toBe('Nội dung tệp là PNG, không khớp phần mở rộng ".pdf" của tên tệp');
      expect(res.body.details).toEqual([{ field: 'file', message: expect.stringContaining('không khớp') }]);
    });

    it('should refuse content of no accepted kind (an executable named .pdf)', async () => {
      const res = await upload(lead, 'bao-cao.pdf', Buffer.concat([Buffer.from('MZ\x90\x00'), randomBytes(500)])).expect(400);
      expect(res.body.message).toMatch(/^Chỉ nhận tệp PDF, DOCX, XLSX/);
    });

    it('should refuse a raw control character in the name (the form is not readable)', async () => {
      const res = await upload(lead, 'bao\u001bcao.pdf', PDF).expect(400);
      expect(res.body.message).toMatch(/ký tự điều khiển|multipart/);
    });

    // Sent as raw multipart: supertest itself would cut the path off a name.
    it.each([
      ['filename="../../../etc/cron.d/x.pdf"', /đường dẫn/],
      ['filename="..\\..\\boot.pdf"', /đường dẫn/],
      ["filename*=UTF-8''..%2F..%2Fx.pdf", /đường dẫn/],
      ["filename*=UTF-8''bao%00cao.pdf", /ký tự điều khiển/],
      ["filename*=UTF-8''bao%0Acao.pdf", /ký tự điều khiển/],
    ])('should refuse the name in %s', async (param, message) => {
      const body = Buffer.concat([
        Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; ${param}\r\nContent-Type: application/pdf\r\n\r\n`),
        PDF,
        Buffer.from('\r\n--b--\r\n'),
      ]);
      const res = await t.http
        .post(`/api/tasks/${taskId}/files`)
        .set(bearer(lead))
        .set('Content-Type', 'multipart/form-data; boundary=b')
        .send(body)
        .expect(400);
      expect(res.body.message).toMatch(message);
    });

    it('should refuse a missing file and an empty one', async () => {
      await t.http.post(`/api/tasks/${taskId}/files`).set(bearer(lead)).field('purpose', 'result').expect(400);
      await upload(lead, 'rong.pdf', Buffer.alloc(0)).expect(400);
    });

    it('should refuse evidence without its request, or with another task’s request', async () => {
      const res = await upload(lead, 'minh-chung.pdf', PDF, { purpose: 'evidence' }).expect(400);
      expect(res.body.details[0].field).toBe('requestId');
      // Said in Vietnamese only: no API name (requestId, purpose, evidence) in what people read.
      expect(res.body.message).toBe('Tài liệu kèm đề nghị cần chọn đề nghị mà nó đi kèm');
      expect(res.body.details[0].message).toBe('Đề nghị: bắt buộc với tài liệu kèm đề nghị');
      const misplaced = await upload(lead, 'ket-qua.pdf', PDF, { purpose: 'result', requestId: '1' }).expect(400);
      expect([misplaced.body.message, misplaced.body.details[0].message]).toEqual([
        'Chỉ tài liệu kèm đề nghị mới gắn với một đề nghị',
        'Đề nghị: chỉ dùng cho tài liệu kèm đề nghị',
      ]);
      await upload(lead, 'minh-chung.pdf', PDF, { purpose: 'evidence', requestId: '987654' }).expect(404);
    });

    it('should refuse a file past the limit sent without a length (chunked), removing what was written', async () => {
      const res = await upload(lead, 'lon.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2 * 1024 * 1024)]));
      expect(res.status).toBe(413);
      expect(res.body.message).toBe('Tệp vượt quá dung lượng cho phép 1 MB');
    });

    it('should answer a declared 200 MB upload with 413 before reading its body', async () => {
      const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/tasks/${taskId}/files`,
          headers: {
            Authorization: `Bearer ${lead}`,
            'Content-Type': 'multipart/form-data; boundary=x',
            'Content-Length': String(200 * 1024 * 1024),
          },
        });
        let sent = 0;
        req.on('response', (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
        });
        req.on('error', reject);
        // 256 KB of the 200 MB, then wait for the answer: the server must not wait for the rest.
        const chunk = randomBytes(64 * 1024);
        for (let i = 0; i < 4; i++) {
          req.write(chunk);
          sent += chunk.length;
        }
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).message).toBe('Tệp vượt quá dung lượng cho phép 1 MB');
      expect(answer.sent).toBeLessThan(1024 * 1024);
    });
  });
});
