import { AgencyResponseDto } from 'src/modules/agencies/dto/agency-response.dto';
import { TaskResponseDto } from 'src/modules/tasks/dto/task-response.dto';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency } from 'test/fixtures/agencies.fixture';
import { bearer, createTask } from 'test/fixtures/tasks.fixture';
import { signInEveryRole } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';

jest.setTimeout(180_000);

/**
 * `GET /api/tasks?q=…` through the search index (task-search.ts, migration TaskSearchIndex): the
 * words people type without diacritics, combined with the other filters and with agency scoping,
 * and kept in step by the app's writes — a PATCH of the title and a merge of agencies.
 */
describe('task text search (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let office: string;
  let agencyUser: string;
  let stc: AgencyResponseDto;
  let syt: AgencyResponseDto;
  const made: Record<string, TaskResponseDto> = {};

  const search = async (query: Record<string, unknown>, token = office) => {
    const res = await t.http.get('/api/tasks').query(query).set(bearer(token)).expect(200);
    const body = res.body as { items: TaskResponseDto[]; total: number };
    return { titles: body.items.map((i) => i.title).sort(), total: body.total };
  };

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    admin = await t.login();
    stc = await createAgency(t, admin, { code: 'STC', name: 'Sở Tài chính' });
    syt = await createAgency(t, admin, { code: 'SYT', name: 'Sở Y tế' });
    const sessions = await signInEveryRole(t, stc.id);
    office = sessions[UserRole.Office].token;
    agencyUser = sessions[UserRole.Agency].token;
    const specs = [
      { key: 'quarter', leadAgencyId: stc.id, title: 'Báo cáo quý II về thu ngân sách', dueDate: '2024-06-28' },
      { key: 'final', leadAgencyId: syt.id, title: 'Báo cáo quyết toán kinh phí y tế', dueDate: '2024-07-15' },
      { key: 'reversed', leadAgencyId: stc.id, title: 'Quý III: tổng hợp báo cáo', dueDate: '2024-09-30' },
      { key: 'fire', leadAgencyId: syt.id, title: 'Phòng cháy, chữa cháy tại bệnh viện', dueDate: '2024-03-29' },
    ];
    for (const { key, ...s } of specs) made[key] = await createTask(t, office, s);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should find what is typed without diacritics, the words in their order, the last one unfinished', async () => {
    expect(await search({ q: 'bao cao quy' })).toEqual({
      titles: ['Báo cáo quyết toán kinh phí y tế', 'Báo cáo quý II về thu ngân sách'],
      total: 2,
    });
    expect((await search({ q: 'bao cao quy ii' })).titles).toEqual(['Báo cáo quý II về thu ngân sách']);
    expect((await search({ q: 'phong chay chua chay' })).titles).toEqual(['Phòng cháy, chữa cháy tại bệnh viện']);
    expect((await search({ q: 'tong hop bao' })).titles).toEqual(['Quý III: tổng hợp báo cáo']);
  });

  it('should combine q with the other filters and the agency scope, in the items and in the total', async () => {
    expect(await search({ q: 'bao cao', agencyId: syt.id })).toEqual({ titles: ['Báo cáo quyết toán kinh phí y tế'], total: 1 });
    expect(await search({ q: 'bao cao', dueTo: '2024-07-01' })).toEqual({ titles: ['Báo cáo quý II về thu ngân sách'], total: 1 });
    expect(await search({ q: 'bao cao', limit: 1 })).toMatchObject({ total: 3 });
    // An agency user sees only what its agency leads or coordinates.
    expect(await search({ q: 'bao cao' }, agencyUser)).toEqual({
      titles: ['Báo cáo quý II về thu ngân sách', 'Quý III: tổng hợp báo cáo'],
      total: 2,
    });
  });

  it('should answer hostile queries with a list, never an error', async () => {
    for (const q of ['"', 'NEAR(bao cao)', 'bao* OR cao', '-cao', 'title:bao', '(bao', "'; DROP TABLE tasks; --", '%_\\', 'x'.repeat(200)]) {
      await t.http.get('/api/tasks').query({ q }).set(bearer(office)).expect(200);
    }
    expect((await search({ q: '"bao cao" NEAR quy' })).total).toBe(0);
    expect((await search({ q: '%%' })).total).toBe(0);
  });

  it('should find a task by its new title after a PATCH, and no longer by its old one', async () => {
    const task = made.fire;
    await t.http
      .patch(`/api/tasks/${task.id}`)
      .set(bearer(office))
      .send({ version: task.version, title: 'Diễn tập cứu nạn, cứu hộ tại bệnh viện' })
      .expect(200);
    expect((await search({ q: 'phong chay' })).total).toBe(0);
    expect((await search({ q: 'dien tap cuu nan cuu ho' })).titles).toEqual(['Diễn tập cứu nạn, cứu hộ tại bệnh viện']);
  });

  it("should find handed-over tasks under the successor's filter after a merge, and no longer under the old agency's", async () => {
    const old = await createAgency(t, admin, { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', validFrom: '2008-01-01' });
    const moved = await createTask(t, office, { leadAgencyId: old.id, title: 'Thẩm định dự án đầu tư công trung hạn', dueDate: '2025-06-30' });
    expect((await search({ q: 'dau tu cong trung', agencyId: old.id })).total).toBe(1);
    await t.http.post(`/api/agencies/${old.id}/merge`).set(bearer(admin)).send({ intoAgencyId: stc.id, date: '2025-02-28' }).expect(200);
    expect((await search({ q: 'dau tu cong trung', agencyId: old.id })).total).toBe(0);
    expect(await search({ q: 'dau tu cong trung', agencyId: stc.id })).toEqual({ titles: [moved.title], total: 1 });
    expect((await search({ q: 'dau tu cong trung' }, agencyUser)).titles).toEqual([moved.title]);
  });
});
