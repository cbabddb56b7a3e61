import { CalendarService } from 'src/modules/calendar/calendar.service';
import { TaskKind, TaskStatus } from 'src/modules/tasks/task.enums';
import { REPORT_2020_H1_TASKS, REPORT_2020_H1_WINDOW } from '../../seeds/fixtures/report-2020-h1.fixture';
import { loadReport2020H1ThroughApi, REPORT_2020_H1_SUBMITTED_AT } from 'test/fixtures/report-2020-h1-api.fixture';
import { binaryBody } from 'test/utils/binary-body';
import { docxXml } from 'test/utils/docx-text';
import { TestApp } from 'test/utils/create-test-app';
import { readDocx, readXlsx, rowValues } from 'test/utils/office-read-back';

jest.setTimeout(120_000);

/**
 * The seed's own figures (seeds/002: "đã hoàn thành 42 nhiệm vụ (đạt 91,3%)", "37/42 nội dung (đạt
 * tỷ lệ 88,1%)"), reproduced from the first half of 2020 entered through the API.
 */
describe('the seed report of 6 tháng đầu năm 2020, loaded through the API (e2e)', () => {
  let t: TestApp;
  let office: string;
  let ids: Map<string, number>;
  const auth = () => ({ Authorization: `Bearer ${office}` });
  const { from, to } = REPORT_2020_H1_WINDOW;

  beforeAll(async () => {
    t = await TestApp.start({ env: { PROVINCE_NAME: REPORT_2020_H1_WINDOW.provinceName } });
    office = await t.login();
    ids = await loadReport2020H1ThroughApi(t, office);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should read 46 / 42 / 4, 91,3% and 37/42 = 88,1% from the appendix JSON', async () => {
    const res = await t.http.get('/api/reports/appendix').query({ from, to }).set(auth()).expect(200);
    expect(res.body.tasks).toMatchObject({ total: 46, done: 42, doneOnTime: 42, doneLate: 0, open: 4, openInTime: 4, openOverdue: 0, doneRate: 0.913, completionRate: 1 });
    expect(res.body.programItems).toEqual({ initial: 40, added: 3, withdrawnOrDeferred: 1, total: 42, submitted: 37, issued: 33, notSubmitted: 5, submittedRate: 0.881 });
    // Phụ lục I per lead agency adds up to its total row.
    const rows = res.body.programItemsByAgency as { agencyCode: string; total: number; submitted: number; issued: number }[];
    expect(rows.reduce((s, r) => s + r.total, 0)).toBe(42);
    expect(rows.reduce((s, r) => s + r.submitted, 0)).toBe(37);
    expect(rows.find((r) => r.agencyCode === 'SNNPTNT')).toMatchObject({ total: 4, submitted: 1, issued: 1, notSubmitted: 3 });
    expect(res.body.byAgency.reduce((s: number, a: { total: number }) => s + a.total, 0)).toBe(46);
  });

  it('should count column (5) by the submission date: judged before it, the submitted items are not yet submitted', async () => {
    const asOf = '2020-06-19';
    const before = await t.http.get('/api/reports/appendix').query({ from, to, asOf }).set(auth()).expect(200);
    // Done by 19/6 (submitted on their completion day); the four submitted on 20/6 are not yet.
    const doneBy = REPORT_2020_H1_TASKS.filter((f) => f.kind === TaskKind.Proposal && f.status === TaskStatus.Done && f.completedAt! <= asOf).length;
    expect(doneBy).toBeGreaterThan(10);
    expect(doneBy).toBeLessThan(33);
    expect(before.body.programItems).toMatchObject({ submitted: doneBy, issued: doneBy, notSubmitted: 42 - doneBy });
    const onTheDay = await t.http.get('/api/reports/appendix').query({ from, to, asOf: REPORT_2020_H1_SUBMITTED_AT }).set(auth()).expect(200);
    expect(onTheDay.body.programItems.submitted - onTheDay.body.programItems.issued).toBe(4);
    const task = await t.http.get(`/api/tasks/${ids.get('I.34')}`).set(auth()).expect(200);
    expect(task.body).toMatchObject({ status: 'submitted', submittedAt: REPORT_2020_H1_SUBMITTED_AT });
  });

  it('should print the same figures, each rate labelled, in the XLSX and the DOCX', async () => {
    const created = await t.http.post('/api/reports').set(auth()).send({ from, to, formats: ['xlsx', 'docx'], reportNumber: '165', reportDate: '2020-07-01' }).expect(202);
    let run: Record<string, any> = {};
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      run = (await t.http.get(`/api/reports/${created.body.id}`).set(auth()).expect(200)).body;
      if (run.status === 'done' || run.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(run.status).toBe('done');
    const file = (format: string) =>
      t.http
        .get(`/api/reports/${run.id}/files/${format}`)
        .set(auth())
        .buffer(true)
        .parse(binaryBody as never)
        .expect(200);

    const wb = await readXlsx((await file('xlsx')).body as Buffer);
    const p1 = wb.getWorksheet('Phụ lục I')!;
    const last = p1.rowCount;
    expect(rowValues(p1, last, 10)).toEqual([null, 'Tổng cộng', 40, 3, 1, 42, 37, 33, 5, 0.881]);
    const p2 = wb.getWorksheet('Phụ lục II')!;
    expect(rowValues(p2, 7, 11).slice(9)).toEqual(['Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao', 'Tỷ lệ hoàn thành so với số nhiệm vụ đã đến hạn']);
    expect(rowValues(p2, 10, 11)).toEqual([46, 0, 46, 42, 42, 0, 4, 4, 0, 0.913, 1]);

    const doc = await readDocx((await file('docx')).body as Buffer);
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining([
        'Đã trình 37/42 đề án phải trình (đạt 88,1%); đã ban hành 33; chưa trình 5.',
        '- Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao: 42/46 = 91,3%;',
        '- Tỷ lệ hoàn thành so với số nhiệm vụ đã đến hạn (đã hoàn thành và chưa hoàn thành quá hạn): 42/42 = 100,0%.',
      ]),
    );
    expect(doc.headers.some((h) => h.includes('PAGE'))).toBe(true);

    // The figures read back out of word/document.xml (unzipped here, cell by cell) of the DOCX the
    // worker rendered through the appendix template: 46 / 42 / 4, 91,3% and 37/42 = 88,1%.
    const xml = docxXml((await file('docx')).body as Buffer);
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((tbl) =>
      [...tbl[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
        [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => [...tc[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
      ),
    );
    const rowOf = (first: string, second: string) => tables.flat().find((r) => r[0] === first && r[1] === second);
    // Phụ lục I, total row: (1) 40, (2) 3, (3) 1, (4) 42, (5) 37, (6) 33, (7) 5, (8) 88,1%.
    expect(rowOf('', 'Tổng cộng')).toEqual(['', 'Tổng cộng', '40', '3', '1', '42', '37', '33', '5', '88,1%']);
    // Phụ lục II: A 46 (0 carried over, 46 given), B 42 (42 on time, 0 late), E 4 (4 in time, 0 overdue), 91,3%, 100,0%.
    expect(rowOf('46', '0')).toEqual(['46', '0', '46', '42', '42', '0', '4', '4', '0', '91,3%', '100,0%']);
    // Phụ lục II per agency adds up to 46 / 42 / 4 on its total row.
    const byAgencyTotal = tables.flat().filter((r) => r[1] === 'Tổng cộng' && r.length === 11);
    expect(byAgencyTotal).toEqual([['', 'Tổng cộng', '46', '42', '42', '0', '4', '4', '0', '91,3%', '100,0%']]);
    expect(xml).toContain('- Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao: 42/46 = 91,3%;');
    expect(xml).toContain('+ Số nhiệm vụ chưa hoàn thành: 04, trong đó: trong hạn: 04; quá hạn: 0;');
    expect(xml).not.toMatch(/\{[#^/]?[a-zA-Z]+\}/);
  });

  it('should keep the submission date through the lifecycle: returned clears it, done keeps it or takes the completion date', async () => {
    const id = ids.get('I.35')!;
    const get = async () => (await t.http.get(`/api/tasks/${id}`).set(auth()).expect(200)).body as Record<string, any>;
    const patch = async (change: Record<string, unknown>) =>
      (await t.http.patch(`/api/tasks/${id}`).set(auth()).send({ version: (await get()).version, ...change }).expect(200)).body as Record<string, any>;
    expect((await patch({ status: 'in_progress' })).submittedAt).toBeNull();
    const today = t.get(CalendarService).today();
    const again = await patch({ status: 'submitted' });
    expect(again.submittedAt).toBe(today);
    const done = await patch({ status: 'done', completedAt: again.submittedAt, resultDocument: 'Quyết định số 1/QĐ-UBND' });
    expect(done).toMatchObject({ submittedAt: again.submittedAt, completedAt: again.submittedAt });
    const other = ids.get('I.39')!; // in progress → done directly: submitted on its completion day
    const row = (await t.http.get(`/api/tasks/${other}`).set(auth()).expect(200)).body;
    const doneDirectly = await t.http
      .patch(`/api/tasks/${other}`)
      .set(auth())
      .send({ version: row.version, status: 'done', completedAt: '2020-07-10', resultDocument: 'Nghị quyết số 9/NQ-HĐND' })
      .expect(200);
    expect(doneDirectly.body).toMatchObject({ submittedAt: '2020-07-10', completedAt: '2020-07-10' });
  });

  it('should open on the last closed period, never one still running', async () => {
    const res = await t.http.get('/api/reports/default-period').query({ kind: 'quarter', window: 'calendar' }).set(auth()).expect(200);
    expect(res.body).toEqual({ period: expect.stringMatching(/^\d{4}-Q[1-4]$/), window: 'calendar', from: expect.any(String), to: expect.any(String), label: expect.stringMatching(/^Quý [IV]+ năm \d{4}$/) });
    const today = t.get(CalendarService).today();
    expect(res.body.to < today).toBe(true);
    // The quarter after it has not closed yet: it ends today or later.
    const [y, q] = res.body.period.split('-Q').map(Number);
    const next = q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
    const following = await t.http.get('/api/reports/appendix').query({ period: next, window: 'calendar' }).set(auth()).expect(200);
    expect(following.body.period.to >= today).toBe(true);
    await t.http.get('/api/reports/default-period').query({ kind: 'week' }).set(auth()).expect(400);
  });
});
