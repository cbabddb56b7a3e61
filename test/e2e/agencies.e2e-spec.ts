import { DataSource } from 'typeorm';
import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { AgencyGroup } from 'src/modules/agencies/groups/agency-group.entity';
import { AgencyResponseDto } from 'src/modules/agencies/dto/agency-response.dto';
import { TaskHistory } from 'src/modules/tasks/task-history.entity';
import { Task } from 'src/modules/tasks/task.entity';
import { TaskKind, TaskOrigin, TaskStatus } from 'src/modules/tasks/task.enums';
import { UserRole } from 'src/modules/users/user-role.enum';
import { createAgency, makeAgency } from 'test/fixtures/agencies.fixture';
import { ALL_ROLES, RoleSession, signInEveryRole } from 'test/fixtures/users.fixture';
import { TestApp } from 'test/utils/create-test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('agencies (e2e)', () => {
  let t: TestApp;
  let sessions: Record<UserRole, RoleSession>;
  let admin: string;
  let home: AgencyResponseDto;

  beforeAll(async () => {
    t = await TestApp.start({ workers: false });
    admin = await t.login();
    home = await createAgency(t, admin, { code: 'HOME', name: 'Sở Nhà' });
    sessions = await signInEveryRole(t, home.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('permissions', () => {
    it.each(ALL_ROLES)('should let %s list and get agencies', async (role) => {
      const { token } = sessions[role];
      const list = await t.http.get('/api/agencies').set(bearer(token)).expect(200);
      expect(list.body.items.map((a: AgencyResponseDto) => a.code)).toContain('HOME');
      const one = await t.http.get(`/api/agencies/${home.id}`).set(bearer(token)).expect(200);
      expect(one.body.name).toBe('Sở Nhà');
    });

    it.each([
      [UserRole.Admin, 201, 200],
      [UserRole.Office, 403, 403],
      [UserRole.Leader, 403, 403],
      [UserRole.Agency, 403, 403],
    ])('should answer %s with %i on create and %i on update', async (role, createStatus, updateStatus) => {
      const { token } = sessions[role];
      const created = await t.http.post('/api/agencies').set(bearer(token)).send(makeAgency());
      expect(created.status).toBe(createStatus);
      const updated = await t.http.patch(`/api/agencies/${home.id}`).set(bearer(token)).send({ name: 'Sở Nhà' });
      expect(updated.status).toBe(updateStatus);
      if (updateStatus === 403) expect(updated.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Bạn không có quyền thực hiện thao tác này', details: [] });
    });

    it.each([UserRole.Office, UserRole.Leader, UserRole.Agency])('should refuse the merge to %s and change nothing', async (role) => {
      const from = await createAgency(t, admin);
      const into = await createAgency(t, admin);
      await t.http.post(`/api/agencies/${from.id}/merge`).set(bearer(sessions[role].token)).send({ intoAgencyId: into.id, date: '2025-02-28' }).expect(403);
      const after = await t.http.get(`/api/agencies/${from.id}`).set(bearer(admin)).expect(200);
      expect(after.body).toMatchObject({ active: true, successorId: null, validTo: null });
    });

    it('should refuse every agencies route without a token', async () => {
      await t.http.get('/api/agencies').expect(401);
      await t.http.get(`/api/agencies/${home.id}`).expect(401);
      await t.http.post('/api/agencies').send(makeAgency()).expect(401);
      await t.http.patch(`/api/agencies/${home.id}`).send({ name: 'x' }).expect(401);
      await t.http.post(`/api/agencies/${home.id}/merge`).send({ intoAgencyId: 1, date: '2025-01-01' }).expect(401);
    });
  });

  describe('create, get, update', () => {
    it('should create an agency, normalise code and emails, and return only public fields', async () => {
      const res = await t.http
        .post('/api/agencies')
        .set(bearer(admin))
        .send({ code: ' ubnd-xyz ', name: 'UBND huyện Thử', kind: 'district', aliases: ['UBND H. Thử', 'huyện Thử'], emails: [' UbndXyz@NhiemVu.example '] })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        code: 'UBND-XYZ',
        name: 'UBND huyện Thử',
        kind: 'district',
        aliases: ['UBND H. Thử', 'huyện Thử'],
        emails: ['ubndxyz@nhiemvu.example'],
        active: true,
        validFrom: null,
        validTo: null,
        successorId: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const got = await t.http.get(`/api/agencies/${res.body.id}`).set(bearer(sessions.agency.token)).expect(200);
      expect(got.body).toEqual(res.body);
    });

    it('should update only the fields sent, and clear nullable ones with null', async () => {
      const a = await createAgency(t, admin, { validFrom: '2024-01-01', validTo: '2024-12-31' });
      const res = await t.http.patch(`/api/agencies/${a.id}`).set(bearer(admin)).send({ name: 'Sở Đổi tên', validTo: null, aliases: [] }).expect(200);
      expect(res.body).toMatchObject({ code: a.code, name: 'Sở Đổi tên', kind: a.kind, emails: a.emails, validFrom: '2024-01-01', validTo: null, aliases: [] });
      const empty = await t.http.patch(`/api/agencies/${a.id}`).set(bearer(admin)).send({}).expect(200);
      expect(empty.body).toMatchObject({ name: 'Sở Đổi tên', active: true });
    });

    it('should keep SQL and markup in names verbatim, and find them with q', async () => {
      const nasty = [`Sở "Thử"'); DROP TABLE agencies;--`, '<script>alert("xss")</script> Sở Hỏi', "Ban O'Brien % _ \\ 100%"];
      for (const name of nasty) {
        const created = await createAgency(t, admin, { name, aliases: [name] });
        expect(created.name).toBe(name);
        expect(created.aliases).toEqual([name]);
        const got = await t.http.get(`/api/agencies/${created.id}`).set(bearer(admin)).expect(200);
        expect(got.body.name).toBe(name);
        const found = await t.http.get('/api/agencies').query({ q: name }).set(bearer(admin)).expect(200);
        expect(found.body.items.map((x: AgencyResponseDto) => x.id)).toEqual([created.id]);
      }
      // The table is still there.
      await t.http.get('/api/agencies').set(bearer(admin)).expect(200);
    });

    it('should answer 409 to a duplicate code, whatever its case, on create and on update', async () => {
      const a = await createAgency(t, admin, { code: 'DUP-1' });
      const b = await createAgency(t, admin, { code: 'DUP-2' });
      const res = await t.http.post('/api/agencies').set(bearer(admin)).send(makeAgency({ code: 'dup-1' })).expect(409);
      expect(res.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Mã cơ quan, đơn vị DUP-1 đã được sử dụng',
        details: [{ field: 'code', message: 'Mã: mã DUP-1 đã được sử dụng' }],
      });
      await t.http.patch(`/api/agencies/${b.id}`).set(bearer(admin)).send({ code: 'DUP-1' }).expect(409);
      // Its own code is no conflict.
      await t.http.patch(`/api/agencies/${a.id}`).set(bearer(admin)).send({ code: 'DUP-1' }).expect(200);
    });

    it('should rename an agency, replace its aliases and emails, and find it by the new names only', async () => {
      const a = await createAgency(t, admin, { name: 'Sở Văn hóa và Thể thao (đổi tên)', aliases: ['Sở VHTT cũ'] });
      const res = await t.http
        .patch(`/api/agencies/${a.id}`)
        .set(bearer(admin))
        .send({ name: 'Sở Văn hóa, Thể thao và Du lịch (đổi tên)', aliases: ['Sở VHTTDL mới', 'Sở VH-TT-DL mới'], emails: ['  VHTTDL@Nhiemvu.Example ', 'vanthu.vhttdl@nhiemvu.example'], kind: 'other' })
        .expect(200);
      expect(res.body).toMatchObject({
        name: 'Sở Văn hóa, Thể thao và Du lịch (đổi tên)',
        aliases: ['Sở VHTTDL mới', 'Sở VH-TT-DL mới'],
        emails: ['vhttdl@nhiemvu.example', 'vanthu.vhttdl@nhiemvu.example'],
        kind: 'other',
      });
      const find = async (q: string) => ((await t.http.get('/api/agencies').query({ q }).set(bearer(admin)).expect(200)).body.items as AgencyResponseDto[]).map((x) => x.id);
      expect(await find('du lich doi ten')).toEqual([a.id]);
      expect(await find('vhttdl moi')).toEqual([a.id]);
      expect(await find('Sở VHTT cũ')).toEqual([]);
    });

    it('should answer 409 naming the agency when a new name or alias is another agency\'s, whatever its case, accents or punctuation, and change nothing', async () => {
      const owner = await createAgency(t, admin, { code: 'SKHCN-T', name: 'Sở Khoa học và Công nghệ (thử)', aliases: ['Sở KH&CN (thử)'] });
      const a = await createAgency(t, admin);
      const alias = await t.http.patch(`/api/agencies/${a.id}`).set(bearer(admin)).send({ aliases: ['Sở Mới (thử)', 'so kh cn (thu)'] }).expect(409);
      expect(alias.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Tên “so kh cn (thu)” đã được dùng cho Sở Khoa học và Công nghệ (thử) (SKHCN-T)',
        details: [{ field: 'aliases', message: 'Tên gọi khác: “so kh cn (thu)” đã được dùng cho Sở Khoa học và Công nghệ (thử) (SKHCN-T)' }],
      });
      const name = await t.http.patch(`/api/agencies/${a.id}`).set(bearer(admin)).send({ name: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ (THỬ)' }).expect(409);
      expect(name.body.details).toEqual([{ field: 'name', message: expect.stringContaining('đã được dùng cho Sở Khoa học và Công nghệ (thử) (SKHCN-T)') }]);
      // An alias of another agency used as a name, on create.
      const created = await t.http.post('/api/agencies').set(bearer(admin)).send(makeAgency({ name: 'Sở KH&CN (thử)' })).expect(409);
      expect(created.body.message).toBe('Tên “Sở KH&CN (thử)” đã được dùng cho Sở Khoa học và Công nghệ (thử) (SKHCN-T)');
      expect((await t.http.get(`/api/agencies/${a.id}`).set(bearer(admin)).expect(200)).body).toEqual(a);
      // Its own names are no conflict, nor are names kept from before.
      await t.http.patch(`/api/agencies/${owner.id}`).set(bearer(admin)).send({ name: 'Sở Khoa học và Công nghệ (thử)', aliases: ['Sở KH&CN (thử)', 'Sở KHCN (thử)'] }).expect(200);
    });

    it('should let a successor take over the names of an agency merged into it', async () => {
      const into = await createAgency(t, admin, { name: 'Cục Lưu trữ mới (thử)' });
      await createAgency(t, admin, { name: 'Cục Lưu trữ cũ (thử)', aliases: ['Cục LT&VT (thử)'], successorId: into.id, active: false });
      const res = await t.http.patch(`/api/agencies/${into.id}`).set(bearer(admin)).send({ aliases: ['Cục LT&VT (thử)'] }).expect(200);
      expect(res.body.aliases).toEqual(['Cục LT&VT (thử)']);
    });

    it('should keep agency names and group names apart: a name or alias of one is a 409 naming the other, both ways, and changes nothing', async () => {
      const agency = await createAgency(t, admin, { code: 'SNHOM-T', name: 'Sở Thử Nhóm (thử)', aliases: ['Sở TN-Nhóm (thử)'] });
      const group = (
        await t.http.post('/api/agency-groups').set(bearer(admin)).send({ name: 'Khối thử nghiệm (thử)', aliases: ['Các đơn vị khối thử'], memberKind: 'department' }).expect(201)
      ).body as { id: number; name: string; aliases: string[] };
      const groups = async () => (await t.http.get('/api/agency-groups').set(bearer(admin)).expect(200)).body as unknown[];
      const groupsBefore = await groups();

      // A group named like the agency: its name, or an alias spelled another way.
      const byName = await t.http.post('/api/agency-groups').set(bearer(admin)).send({ name: 'SỞ THỬ NHÓM (THỬ)', memberKind: 'department' }).expect(409);
      expect(byName.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Tên “SỞ THỬ NHÓM (THỬ)” đã được dùng cho Sở Thử Nhóm (thử) (SNHOM-T)',
        details: [{ field: 'name', message: 'Tên: “SỞ THỬ NHÓM (THỬ)” đã được dùng cho Sở Thử Nhóm (thử) (SNHOM-T)' }],
      });
      const byAlias = await t.http.post('/api/agency-groups').set(bearer(admin)).send({ name: 'Nhóm khác (thử)', aliases: ['so tn nhom thu'], memberKind: 'department' }).expect(409);
      expect(byAlias.body.details).toEqual([{ field: 'aliases', message: 'Tên gọi khác: “so tn nhom thu” đã được dùng cho Sở Thử Nhóm (thử) (SNHOM-T)' }]);
      const edited = await t.http.patch(`/api/agency-groups/${group.id}`).set(bearer(admin)).send({ aliases: ['Các đơn vị khối thử', 'Sở Thử Nhóm (thử)'] }).expect(409);
      expect(edited.body.message).toBe('Tên “Sở Thử Nhóm (thử)” đã được dùng cho Sở Thử Nhóm (thử) (SNHOM-T)');
      expect(await groups()).toEqual(groupsBefore);

      // An agency renamed, given an alias or created with a group's name or spelling.
      const renamed = await t.http.patch(`/api/agencies/${agency.id}`).set(bearer(admin)).send({ name: 'Khối Thử Nghiệm (thử)' }).expect(409);
      expect(renamed.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Tên “Khối Thử Nghiệm (thử)” đã thuộc nhóm “Khối thử nghiệm (thử)”',
        details: [{ field: 'name', message: 'Tên: “Khối Thử Nghiệm (thử)” đã thuộc nhóm “Khối thử nghiệm (thử)”' }],
      });
      const aliased = await t.http.patch(`/api/agencies/${agency.id}`).set(bearer(admin)).send({ aliases: ['Sở TN-Nhóm (thử)', 'cac don vi khoi thu'] }).expect(409);
      expect(aliased.body.details).toEqual([{ field: 'aliases', message: 'Tên gọi khác: “cac don vi khoi thu” đã thuộc nhóm “Khối thử nghiệm (thử)”' }]);
      const created = await t.http.post('/api/agencies').set(bearer(admin)).send(makeAgency({ aliases: ['Các đơn vị - khối thử'] })).expect(409);
      expect(created.body.message).toBe('Tên “Các đơn vị - khối thử” đã thuộc nhóm “Khối thử nghiệm (thử)”');
      expect((await t.http.get(`/api/agencies/${agency.id}`).set(bearer(admin)).expect(200)).body).toEqual(agency);

      // Their own names are no conflict.
      await t.http.patch(`/api/agency-groups/${group.id}`).set(bearer(admin)).send({ name: 'Khối thử nghiệm (thử)', aliases: ['Các đơn vị khối thử', 'Khối TN (thử)'] }).expect(200);
      await t.http.patch(`/api/agencies/${agency.id}`).set(bearer(admin)).send({ name: 'Sở Thử Nhóm (thử)', aliases: ['Sở TN-Nhóm (thử)', 'Sở TNN (thử)'] }).expect(200);
    });

    it('should not let an overlap of agency and group names from before block other edits', async () => {
      const agency = await createAgency(t, admin, { name: 'Sở Chồng Tên (thử)' });
      const group = (await t.http.post('/api/agency-groups').set(bearer(admin)).send({ name: 'Nhóm chồng tên (thử)', memberKind: 'department' }).expect(201)).body as { id: number };
      // Data saved before the rule existed: the group also answers to the agency's name.
      await t.get(DataSource).getRepository(AgencyGroup).update(group.id, { aliases: ['Sở Chồng Tên (thử)'] });
      await t.http.patch(`/api/agency-groups/${group.id}`).set(bearer(admin)).send({ memberKind: 'district' }).expect(200);
      await t.http.patch(`/api/agencies/${agency.id}`).set(bearer(admin)).send({ emails: ['chong.ten@nhiemvu.example'] }).expect(200);
      // A spelling new to the group is still checked.
      await t.http.patch(`/api/agency-groups/${group.id}`).set(bearer(admin)).send({ aliases: ['Sở Chồng Tên (thử)', agency.aliases[0]] }).expect(409);
    });

    it.each([
      ['emails', { emails: ['stc@'] }],
      ['emails', { emails: ['stc@nhiemvu.example', 'hai dia chi@nhiemvu.example'] }],
      ['emails', { emails: [`${'x'.repeat(250)}@nhiemvu.example`] }],
      ['emails', { emails: Array.from({ length: 21 }, (_, i) => `a${i}@nhiemvu.example`) }],
      ['emails', { emails: ['<script>@nhiemvu.example'] }],
      ['aliases', { aliases: ['   '] }],
      ['aliases', { aliases: ['Sở\u0000Lỗi'] }],
      ['name', { name: '' }],
      ['kind', { kind: 'ministry' }],
    ])('should refuse a bad %s on update (%j) with a field-level 400 and change nothing', async (field, patch) => {
      const a = await createAgency(t, admin);
      const res = await t.http.patch(`/api/agencies/${a.id}`).set(bearer(admin)).send(patch).expect(400);
      expect((res.body.details as { field: string }[]).map((d) => d.field.split('.')[0])).toContain(field);
      expect((await t.http.get(`/api/agencies/${a.id}`).set(bearer(admin)).expect(200)).body).toEqual(a);
    });

    it('should set and check a successor: it must exist, not be the agency itself, nor lead back to it', async () => {
      const a = await createAgency(t, admin);
      const b = await createAgency(t, admin, { successorId: a.id });
      expect(b.successorId).toBe(a.id);
      const missing = await t.http.post('/api/agencies').set(bearer(admin)).send(makeAgency({ successorId: 99999999 })).expect(400);
      expect(missing.body.details).toEqual([{ field: 'successorId', message: 'Cơ quan kế thừa: không tìm thấy cơ quan, đơn vị có mã định danh 99999999' }]);
      const self = await t.http.patch(`/api/agencies/${a.id}`).set(bearer(admin)).send({ successorId: a.id }).expect(400);
      expect(self.body.details[0].field).toBe('successorId');
      const cycle = await t.http.patch(`/api/agencies/${a.id}`).set(bearer(admin)).send({ successorId: b.id }).expect(400);
      expect(cycle.body.details[0].message).toMatch(/vòng|quay lại/);
      await t.http.patch(`/api/agencies/${b.id}`).set(bearer(admin)).send({ successorId: null }).expect(200);
    });
  });

  describe('bad input', () => {
    const fieldsOf = (body: { details: { field: string }[] }) => body.details.map((d) => d.field);

    it('should name every missing required field', async () => {
      const res = await t.http.post('/api/agencies').set(bearer(admin)).send({}).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'Dữ liệu không hợp lệ' });
      expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['code', 'name', 'kind']));
    });

    it.each([
      ['code', { code: 'S T C' }],
      ['code', { code: '<script>' }],
      ['code', { code: 'ĐHQG' }],
      ['code', { code: '-STC' }],
      ['code', { code: 'A'.repeat(33) }],
      ['code', { code: 12 }],
      ['name', { name: '' }],
      ['name', { name: '   ' }],
      ['name', { name: 123 }],
      ['name', { name: 'x'.repeat(256) }],
      ['name', { name: 'x'.repeat(100_000) }],
      ['kind', { kind: 'ministry' }],
      ['aliases', { aliases: 'Sở TC' }],
      ['aliases', { aliases: [1, 2] }],
      ['aliases', { aliases: [''] }],
      ['aliases', { aliases: Array.from({ length: 31 }, (_, i) => `alias ${i}`) }],
      ['aliases', { aliases: Array.from({ length: 30 }, (_, i) => `${i} ${'x'.repeat(200)}`) }],
      ['emails', { emails: ['not-an-email'] }],
      ['emails', { emails: 'stc@nhiemvu.example' }],
      ['active', { active: 'yes' }],
      ['active', { active: null }],
      ['validFrom', { validFrom: '2024-02-30' }],
      ['validFrom', { validFrom: '15/03/2024' }],
      ['validTo', { validFrom: '2024-06-01', validTo: '2024-05-31' }],
      ['successorId', { successorId: 'abc' }],
      ['successorId', { successorId: 0 }],
      ['successorId', { successorId: 1.5 }],
      ['successorId', { successorId: 99999999999 }],
      ['isAdmin', { isAdmin: true }],
      ['searchText', { searchText: 'x' }],
      ['calendarToken', { calendarToken: 'x' }],
    ])('should refuse a bad %s on create (%j) and store nothing', async (field, patch) => {
      const before = (await t.http.get('/api/agencies').set(bearer(admin))).body.total;
      const res = await t.http.post('/api/agencies').set(bearer(admin)).send({ ...makeAgency(), ...patch }).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
      // Each detail names its field in Vietnamese, never by its API name.
      for (const d of res.body.details) expect(d.message).not.toMatch(new RegExp(`^${d.field}: `));
      expect((await t.http.get('/api/agencies').set(bearer(admin))).body.total).toBe(before);
    });

    it('should say in Vietnamese only why the end of validity is before its start', async () => {
      const res = await t.http.post('/api/agencies').set(bearer(admin)).send({ ...makeAgency(), validFrom: '2024-06-01', validTo: '2024-05-31' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'validTo', message: 'Hiệu lực đến ngày: không được trước ngày bắt đầu hoạt động (01/06/2024)' }]);
    });

    it.each([
      ['name', { name: null }],
      ['code', { code: null }],
      ['kind', { kind: null }],
      ['aliases', { aliases: null }],
      ['emails', { emails: null }],
      ['active', { active: null }],
      ['name', { name: 42 }],
      ['unknown', { unknown: 1 }],
    ])('should refuse a bad %s on update (%j) and change nothing', async (field, patch) => {
      const a = await createAgency(t, admin);
      const res = await t.http.patch(`/api/agencies/${a.id}`).set(bearer(admin)).send(patch).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
      const after = await t.http.get(`/api/agencies/${a.id}`).set(bearer(admin)).expect(200);
      expect(after.body).toEqual(a);
    });

    it.each(['abc', '0', '-1', '1.5', '1e3', '0x10', '%2012', '99999999999'])('should answer 400 to the id %s', async (id) => {
      const res = await t.http.get(`/api/agencies/${id}`).set(bearer(admin)).expect(400);
      expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Mã định danh không hợp lệ', details: [{ field: 'id', message: 'Mã định danh: phải là số nguyên dương' }] });
      await t.http.patch(`/api/agencies/${id}`).set(bearer(admin)).send({ name: 'x' }).expect(400);
      await t.http.post(`/api/agencies/${id}/merge`).set(bearer(admin)).send({ intoAgencyId: home.id, date: '2025-01-01' }).expect(400);
    });

    it('should answer 404 in Vietnamese to an unknown id', async () => {
      const res = await t.http.get('/api/agencies/99999999').set(bearer(admin)).expect(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Không tìm thấy cơ quan, đơn vị', details: [] });
      await t.http.patch('/api/agencies/99999999').set(bearer(admin)).send({ name: 'x' }).expect(404);
    });

    it.each([
      ['page', { page: -1 }],
      ['page', { page: 0 }],
      ['page', { page: 'abc' }],
      ['limit', { limit: 0 }],
      ['limit', { limit: 501 }],
      ['limit', { limit: 2.5 }],
      ['kind', { kind: 'ministry' }],
      ['active', { active: 'maybe' }],
      ['q', { q: 'x'.repeat(201) }],
      ['q', { q: ['a', 'b'] }],
      ['sort', { sort: 'name' }],
    ])('should refuse a bad list query %s (%j)', async (field, query) => {
      const res = await t.http.get('/api/agencies').query(query).set(bearer(admin)).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
    });
  });

  describe('list', () => {
    let tnmt: AgencyResponseDto;
    let closed: AgencyResponseDto;

    beforeAll(async () => {
      tnmt = await createAgency(t, admin, { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường', aliases: ['Sở TN&MT', 'Sở TNMT'] });
      closed = await createAgency(t, admin, { code: 'UBND-DX', name: 'UBND thành phố Đồng Xoài', kind: AgencyKind.District, aliases: ['TP Đồng Xoài'], active: false });
    });

    const codes = async (query: Record<string, unknown>) => {
      const res = await t.http.get('/api/agencies').query({ limit: 500, ...query }).set(bearer(sessions.agency.token)).expect(200);
      return (res.body.items as AgencyResponseDto[]).map((a) => a.code);
    };

    it('should match code, name and aliases without regard to case or diacritics', async () => {
      expect(await codes({ q: 'tai nguyen' })).toEqual(['STNMT']);
      expect(await codes({ q: 'TÀI NGUYÊN và   môi' })).toEqual(['STNMT']);
      expect(await codes({ q: 'tn&mt' })).toEqual(['STNMT']);
      expect(await codes({ q: 'stnmt' })).toEqual(['STNMT']);
      expect(await codes({ q: 'dong xoai' })).toEqual(['UBND-DX']);
      expect(await codes({ q: 'ĐỒNG XOÀI' })).toEqual(['UBND-DX']);
      expect(await codes({ q: 'môi trường tài nguyên' })).toEqual(['STNMT']);
      expect(await codes({ q: 'no such agency' })).toEqual([]);
    });

    it('should take %, _ and SQL in q literally', async () => {
      const total = (await t.http.get('/api/agencies').set(bearer(admin))).body.total as number;
      for (const wildcard of ['%', '_']) {
        const res = await t.http.get('/api/agencies').query({ q: wildcard, limit: 500 }).set(bearer(admin)).expect(200);
        expect(res.body.total).toBeLessThan(total);
        for (const a of res.body.items as AgencyResponseDto[]) expect([a.code, a.name, ...a.aliases].join(' ')).toContain(wildcard);
      }
      expect(await codes({ q: "' OR '1'='1" })).toEqual([]);
      expect(await codes({ q: '<script>alert(1)</script>' })).toEqual([]);
    });

    it('should filter by kind and active', async () => {
      const districts = await codes({ kind: 'district' });
      expect(districts).toContain('UBND-DX');
      expect(districts).not.toContain('STNMT');
      const inactive = await codes({ active: 'false' });
      expect(inactive).toContain(closed.code);
      expect(inactive).not.toContain(tnmt.code);
      expect(await codes({ active: 'true' })).not.toContain(closed.code);
      expect(await codes({ kind: 'district', active: 'true', q: 'dong xoai' })).toEqual([]);
    });

    it('should page with a total, ordered by code', async () => {
      const all = await t.http.get('/api/agencies').query({ limit: 500 }).set(bearer(admin)).expect(200);
      const total = all.body.total as number;
      expect(total).toBe(all.body.items.length);
      const allCodes = (all.body.items as AgencyResponseDto[]).map((a) => a.code);
      expect([...allCodes].sort()).toEqual(allCodes);
      const page2 = await t.http.get('/api/agencies').query({ page: 2, limit: 3 }).set(bearer(admin)).expect(200);
      expect(page2.body).toMatchObject({ total, page: 2, limit: 3 });
      expect(page2.body.items.map((a: AgencyResponseDto) => a.code)).toEqual(allCodes.slice(3, 6));
      const beyond = await t.http.get('/api/agencies').query({ page: 1000 }).set(bearer(admin)).expect(200);
      expect(beyond.body).toMatchObject({ items: [], total, page: 1000, limit: 50 });
    });
  });

  describe('merge', () => {
    let ds: DataSource;
    let seq = 0;

    beforeAll(() => {
      ds = t.get(DataSource);
    });

    /** Tasks are inserted straight into the database: this suite does not depend on the tasks API. */
    async function insertTask(leadAgencyId: number, status: TaskStatus, coordinating: number[] = []): Promise<Task> {
      seq += 1;
      const repo = ds.getRepository(Task);
      return repo.save(
        repo.create({
          programId: null,
          code: `M.${seq}`,
          title: `Nhiệm vụ thử sáp nhập ${seq}`,
          kind: TaskKind.Task,
          leadAgencyId,
          coordinatingAgencies: coordinating.map((id) => ({ id })),
          assignedAt: '2025-01-02',
          dueDate: '2025-06-30',
          effectiveDueDate: '2025-06-30',
          dueText: 'Quý II/2025',
          origin: TaskOrigin.Initial,
          status,
          progress: status === TaskStatus.Done ? 100 : 0,
          completedAt: status === TaskStatus.Done ? '2025-01-20' : null,
          searchText: `nhiem vu thu sap nhap ${seq}`,
        }),
      );
    }

    async function reload(id: number): Promise<{ task: Task; coordinating: number[]; history: TaskHistory[] }> {
      const task = await ds.getRepository(Task).findOneOrFail({ where: { id }, relations: { coordinatingAgencies: true } });
      const history = await ds.getRepository(TaskHistory).find({ where: { taskId: id }, order: { id: 'ASC' } });
      return { task, coordinating: (task.coordinatingAgencies ?? []).map((a) => a.id).sort((x, y) => x - y), history };
    }

    const merge = (id: number, body: object, token = admin) => t.http.post(`/api/agencies/${id}/merge`).set(bearer(token)).send(body);

    it('should close the agency and hand its open tasks and coordinating places to the successor, with history', async () => {
      const old = await createAgency(t, admin, { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', validFrom: '2008-01-01' });
      const into = await createAgency(t, admin, { code: 'STC', name: 'Sở Tài chính' });
      const c = await createAgency(t, admin, { name: 'Sở Phối hợp C' });
      const d = await createAgency(t, admin, { name: 'Sở Phối hợp D' });

      const openNew = await insertTask(old.id, TaskStatus.New, [c.id]);
      const openDoing = await insertTask(old.id, TaskStatus.InProgress, [into.id, c.id]);
      const openSubmitted = await insertTask(old.id, TaskStatus.Submitted);
      const done = await insertTask(old.id, TaskStatus.Done, [c.id]);
      const withdrawn = await insertTask(old.id, TaskStatus.Withdrawn);
      const deferred = await insertTask(old.id, TaskStatus.Deferred);
      const coordinatingOpen = await insertTask(c.id, TaskStatus.New, [old.id, d.id]);
      const coordinatingDone = await insertTask(c.id, TaskStatus.Done, [old.id]);
      const ledBySuccessor = await insertTask(into.id, TaskStatus.InProgress, [old.id]);
      const both = await insertTask(d.id, TaskStatus.Submitted, [old.id, into.id]);
      const untouched = [done, withdrawn, deferred, coordinatingDone];

      // The preview lists exactly what the merge then moves, and changes nothing.
      const before = await Promise.all([openNew, coordinatingOpen, both].map((x) => reload(x.id)));
      const preview = await t.http.post(`/api/agencies/${old.id}/merge-preview`).set(bearer(admin)).send({ intoAgencyId: into.id, date: '2025-02-28' }).expect(200);
      expect(preview.body.agency).toMatchObject({ id: old.id, active: false, successorId: into.id });
      expect(preview.body.leadTasks.map((x: { id: number }) => x.id)).toEqual([openNew.id, openDoing.id, openSubmitted.id]);
      expect(preview.body.leadTasks[0]).toEqual({ id: openNew.id, code: openNew.code, title: openNew.title, dueDate: '2025-06-30', status: 'new' });
      expect(preview.body.coordinatingTasks.map((x: { id: number }) => x.id)).toEqual([openDoing.id, coordinatingOpen.id, ledBySuccessor.id, both.id]);
      expect(await Promise.all([openNew, coordinatingOpen, both].map((x) => reload(x.id)))).toEqual(before);
      expect((await t.http.get(`/api/agencies/${old.id}`).set(bearer(admin)).expect(200)).body).toMatchObject({ active: true, successorId: null });
      await t.http.post(`/api/agencies/${old.id}/merge-preview`).set(bearer(sessions[UserRole.Office].token)).send({ intoAgencyId: into.id, date: '2025-02-28' }).expect(403);

      const res = await merge(old.id, { intoAgencyId: into.id, date: '2025-02-28' }).expect(200);
      expect(res.body.agency).toMatchObject({ id: old.id, active: false, validTo: '2025-02-28', successorId: into.id, validFrom: '2008-01-01' });
      expect(res.body.leadTaskIds).toEqual(preview.body.leadTasks.map((x: { id: number }) => x.id));
      // Previewing a merge into the agency now merged: the same clear error as the merge.
      const other = await createAgency(t, admin, { name: 'Sở Sáp nhập tiếp' });
      const intoMerged = await t.http.post(`/api/agencies/${other.id}/merge-preview`).set(bearer(admin)).send({ intoAgencyId: old.id, date: '2025-03-01' }).expect(400);
      expect(intoMerged.body.message).toBe('Không thể sáp nhập vào Sở Kế hoạch và Đầu tư: cơ quan, đơn vị này đã ngừng hoạt động');
      expect(res.body.successor).toMatchObject({ id: into.id, active: true, successorId: null });
      expect(res.body.leadTaskIds).toEqual([openNew.id, openDoing.id, openSubmitted.id]);
      expect(res.body.coordinatingTaskIds).toEqual([openDoing.id, coordinatingOpen.id, ledBySuccessor.id, both.id]);

      const comment = 'Sáp nhập Sở Kế hoạch và Đầu tư (SKHDT) vào Sở Tài chính (STC); Sở Kế hoạch và Đầu tư hoạt động đến hết ngày 28/02/2025';
      const adminUser = sessions.admin.user;
      const mergeRow = (field: string, fromValue: string, toValue: string) => ({
        action: 'merge',
        field,
        fromValue,
        toValue,
        comment,
        userId: adminUser.id,
        userName: adminUser.fullName,
      });

      for (const [task, coordinating] of [
        [openNew, [c.id]],
        [openSubmitted, []],
      ] as const) {
        const r = await reload(task.id);
        expect(r.task.leadAgencyId).toBe(into.id);
        expect(r.task.version).toBe(task.version + 1);
        expect(r.coordinating).toEqual(coordinating);
        expect(r.history).toEqual([expect.objectContaining(mergeRow('leadAgencyId', String(old.id), String(into.id)))]);
      }

      // The successor coordinated this one: now it leads, so it leaves the coordinating list.
      const doing = await reload(openDoing.id);
      expect(doing.task.leadAgencyId).toBe(into.id);
      expect(doing.coordinating).toEqual([c.id]);
      expect(doing.task.version).toBe(openDoing.version + 1);
      expect(doing.history).toEqual([
        expect.objectContaining(mergeRow('leadAgencyId', String(old.id), String(into.id))),
        expect.objectContaining(mergeRow('coordinatingAgencyIds', [c.id, into.id].sort((x, y) => x - y).join(','), String(c.id))),
      ]);

      const coord = await reload(coordinatingOpen.id);
      expect(coord.task.leadAgencyId).toBe(c.id);
      expect(coord.coordinating).toEqual([into.id, d.id].sort((x, y) => x - y));
      expect(coord.task.version).toBe(coordinatingOpen.version + 1);
      expect(coord.history).toEqual([
        expect.objectContaining(mergeRow('coordinatingAgencyIds', [old.id, d.id].sort((x, y) => x - y).join(','), [into.id, d.id].sort((x, y) => x - y).join(','))),
      ]);

      // Led by the successor, coordinated by the old agency: the old agency just goes.
      const led = await reload(ledBySuccessor.id);
      expect(led.task.leadAgencyId).toBe(into.id);
      expect(led.coordinating).toEqual([]);
      expect(led.history).toEqual([expect.objectContaining(mergeRow('coordinatingAgencyIds', String(old.id), ''))]);

      // Both coordinated: the successor is kept once.
      const b = await reload(both.id);
      expect(b.coordinating).toEqual([into.id]);

      for (const task of untouched) {
        const r = await reload(task.id);
        expect(r.task.leadAgencyId).toBe(task.leadAgencyId);
        expect(r.task.version).toBe(task.version);
        expect(r.history).toEqual([]);
      }
      expect((await reload(done.id)).coordinating).toEqual([c.id]);
      expect((await reload(coordinatingDone.id)).coordinating).toEqual([old.id]);

      // The closed agency is still there, for past reports.
      const got = await t.http.get(`/api/agencies/${old.id}`).set(bearer(sessions.agency.token)).expect(200);
      expect(got.body).toMatchObject({ code: 'SKHDT', active: false, validTo: '2025-02-28', successorId: into.id });
    });

    it('should merge an agency without tasks', async () => {
      const from = await createAgency(t, admin);
      const into = await createAgency(t, admin);
      const res = await merge(from.id, { intoAgencyId: into.id, date: '2025-06-30' }).expect(200);
      expect(res.body).toMatchObject({ leadTaskIds: [], coordinatingTaskIds: [], agency: { active: false, validTo: '2025-06-30' } });
    });

    it('should refuse merging into itself, into an inactive or merged agency, or an agency already merged', async () => {
      const a = await createAgency(t, admin, { name: 'Sở Gốc A' });
      const b = await createAgency(t, admin, { name: 'Sở Đích B' });
      const inactive = await createAgency(t, admin, { name: 'Sở Đã giải thể', active: false });

      const self = await merge(a.id, { intoAgencyId: a.id, date: '2025-02-28' }).expect(400);
      expect(self.body.message).toBe('Không thể sáp nhập một cơ quan, đơn vị vào chính nó');
      expect(self.body.details).toEqual([{ field: 'intoAgencyId', message: 'Cơ quan tiếp nhận: phải khác cơ quan được sáp nhập' }]);

      const intoInactive = await merge(a.id, { intoAgencyId: inactive.id, date: '2025-02-28' }).expect(400);
      expect(intoInactive.body.message).toBe('Không thể sáp nhập vào Sở Đã giải thể: cơ quan, đơn vị này đã ngừng hoạt động');

      const missing = await merge(a.id, { intoAgencyId: 99999999, date: '2025-02-28' }).expect(400);
      expect(missing.body.details).toEqual([{ field: 'intoAgencyId', message: 'Cơ quan tiếp nhận: không tìm thấy cơ quan, đơn vị có mã định danh 99999999' }]);

      await merge(a.id, { intoAgencyId: b.id, date: '2025-02-28' }).expect(200);
      const again = await merge(a.id, { intoAgencyId: b.id, date: '2025-03-31' }).expect(400);
      expect(again.body.message).toBe('Cơ quan, đơn vị Sở Gốc A đã được sáp nhập vào Sở Đích B (hoạt động đến hết ngày 28/02/2025)');

      const c = await createAgency(t, admin);
      const intoMerged = await merge(c.id, { intoAgencyId: a.id, date: '2025-02-28' }).expect(400);
      expect(intoMerged.body.message).toBe('Không thể sáp nhập vào Sở Gốc A: cơ quan, đơn vị này đã ngừng hoạt động');

      const after = await t.http.get(`/api/agencies/${a.id}`).set(bearer(admin)).expect(200);
      expect(after.body).toMatchObject({ validTo: '2025-02-28', successorId: b.id });
      expect((await t.http.get(`/api/agencies/${c.id}`).set(bearer(admin))).body).toMatchObject({ active: true, successorId: null });
    });

    it('should refuse a date before the agency existed, and bad bodies', async () => {
      const a = await createAgency(t, admin, { validFrom: '2025-03-01' });
      const b = await createAgency(t, admin);
      const early = await merge(a.id, { intoAgencyId: b.id, date: '2025-02-28' }).expect(400);
      expect(early.body.details[0].field).toBe('date');
      expect(early.body.details[0].message).toMatch(/không được trước ngày bắt đầu hoạt động của cơ quan được sáp nhập$/);
      expect(early.body.details[0].message).not.toMatch(/validFrom/);
      for (const body of [
        {},
        { intoAgencyId: b.id },
        { date: '2025-02-28' },
        { intoAgencyId: String(b.id), date: '2025-02-28' },
        { intoAgencyId: b.id, date: '2025-02-30' },
        { intoAgencyId: b.id, date: '28/02/2025' },
        { intoAgencyId: 0, date: '2025-02-28' },
        { intoAgencyId: 99999999999, date: '2025-02-28' },
        { intoAgencyId: b.id, date: '2025-02-28', force: true },
      ]) {
        const res = await merge(a.id, body);
        expect(res.status).toBe(400);
        expect(res.body.details.length).toBeGreaterThan(0);
      }
      await merge(99999999, { intoAgencyId: b.id, date: '2025-02-28' }).expect(404);
      expect((await t.http.get(`/api/agencies/${a.id}`).set(bearer(admin))).body).toMatchObject({ active: true, validTo: null });
    });

    it('should change nothing when the hand-over fails half-way (one transaction)', async () => {
      const from = await createAgency(t, admin);
      const into = await createAgency(t, admin);
      const task = await insertTask(from.id, TaskStatus.New);
      const postgres = ds.options.type === 'postgres';
      // Make the history insert fail, after the agency was closed and the task moved.
      if (postgres) {
        await ds.query(`CREATE FUNCTION fail_history() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$ LANGUAGE plpgsql`);
        await ds.query('CREATE TRIGGER fail_history BEFORE INSERT ON task_history FOR EACH ROW EXECUTE FUNCTION fail_history()');
      } else {
        await ds.query(`CREATE TRIGGER fail_history BEFORE INSERT ON task_history BEGIN SELECT RAISE(ABORT, 'boom'); END`);
      }
      try {
        const res = await merge(from.id, { intoAgencyId: into.id, date: '2025-02-28' });
        expect(res.status).toBe(500);
      } finally {
        await ds.query(postgres ? 'DROP TRIGGER fail_history ON task_history' : 'DROP TRIGGER fail_history');
        if (postgres) await ds.query('DROP FUNCTION fail_history()');
      }
      expect((await t.http.get(`/api/agencies/${from.id}`).set(bearer(admin))).body).toMatchObject({ active: true, validTo: null, successorId: null });
      const r = await reload(task.id);
      expect(r.task.leadAgencyId).toBe(from.id);
      expect(r.task.version).toBe(task.version);
      // And it works once the fault is gone.
      await merge(from.id, { intoAgencyId: into.id, date: '2025-02-28' }).expect(200);
      expect((await reload(task.id)).task.leadAgencyId).toBe(into.id);
    });
  });

  it('should document every agencies route in /api/docs', async () => {
    const json = await t.http.get('/api/docs-json').expect(200);
    const paths = json.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths['/api/agencies'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(paths['/api/agencies/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(Object.keys(paths['/api/agencies/{id}/merge'])).toEqual(['post']);
    expect(Object.keys(paths['/api/agencies/{id}/merge'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
    expect(json.body.components.schemas.CreateAgencyDto.properties.code.example).toBe('STC');
  });
});

describe('agencies with the demo data (e2e)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await TestApp.start({ workers: false, seed: true });
    token = await t.login('hangntt.stc@nhiemvu.example', 'nhiemvu-demo');
  });
  afterAll(async () => {
    await t?.close();
  });

  const find = async (q: string) =>
    ((await t.http.get('/api/agencies').query({ q }).set(bearer(token)).expect(200)).body.items as AgencyResponseDto[]).map((a) => a.code);

  it('should find the seeded agencies by any spelling the documents use', async () => {
    expect(await find('Sở KH&ĐT')).toEqual(['SKHDT']);
    expect(await find('so ke hoach va dau tu')).toEqual(['SKHDT']);
    expect(await find('Sở TN&MT')).toEqual(['STNMT']);
    expect(await find('TN&MT')).toEqual(expect.arrayContaining(['STNMT', 'BO-TNMT']));
    expect(await find('Bù Gia Mập')).toEqual(['UBND-BGM']);
  });

  it('should show the 2025 merger: closed agencies keep their successor', async () => {
    const [skhdt] = (await t.http.get('/api/agencies').query({ q: 'SKHDT' }).set(bearer(token)).expect(200)).body.items as AgencyResponseDto[];
    const [stc] = (await t.http.get('/api/agencies').query({ q: 'STC' }).set(bearer(token)).expect(200)).body.items as AgencyResponseDto[];
    expect(skhdt).toMatchObject({ active: false, validTo: '2025-02-28', successorId: stc.id });
    const inactive = await t.http.get('/api/agencies').query({ active: false, limit: 500 }).set(bearer(token)).expect(200);
    expect((inactive.body.items as AgencyResponseDto[]).every((a) => a.successorId !== null)).toBe(true);
  });
});
