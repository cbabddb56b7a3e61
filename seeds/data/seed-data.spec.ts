import * as fs from 'fs';
import * as path from 'path';
import { AgencyKind } from '../../src/modules/agencies/agency.enums';
import { nameKey } from '../../src/modules/agencies/agency-search';
import { OPEN_STATUSES, TaskKind, TaskOrigin, TaskStatus } from '../../src/modules/tasks/task.enums';
import { UserRole } from '../../src/modules/users/user-role.enum';
import {
  AGENCIES,
  AGENCY_GROUPS,
  DISTRICT_CODES,
  PROVINCE,
  findAgency,
  isAgencyActiveOn,
  resolveAgencyOn,
} from './agencies.data';
import { addDays, diffDays, isIsoDate, isWeekend, lastDayOfMonth, lastDayOfQuarter, lunarYearName, shiftYears } from './date-utils';
import { DemoTaskSeed, MAX_OVERDUE_DAYS, buildDemo, buildDemoTasks, demoProgram, mulberry32 } from './demo-tasks.data';
import { shiftText } from './year-shift';
import { PROGRAM_2024, PROGRAM_2024_ADDED, ProgramItemSeed } from './program-2024.data';
import { DEMO_USERS } from './users.data';

// --- Independent helpers (deliberately not the ones the data uses) -----------------------------

/** DESIGN.md "Deadline phrases": the last day a phrase names; null = recurring; undefined = unknown. */
function parseDuePhrase(text: string): string | null | undefined {
  const t = text.trim().toLowerCase();
  const pad = (n: number | string) => String(n).padStart(2, '0');
  if (/^(thường xuyên|hằng năm|hàng năm)$/.test(t)) return null;
  let m = /^(?:trước ngày |ngày )?(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  m = /^tháng (\d{1,2})(?:\/| năm )(\d{4})$/.exec(t);
  if (m) return lastDayOfMonth(Number(m[2]), Number(m[1]));
  m = /^quý (i|ii|iii|iv|[1-4])(?:\/| năm )(\d{4})$/.exec(t);
  if (m) {
    const q = { i: 1, ii: 2, iii: 3, iv: 4 }[m[1]] ?? Number(m[1]);
    return lastDayOfQuarter(Number(m[2]), q);
  }
  m = /^(?:6 tháng đầu năm|giữa năm) (\d{4})$/.exec(t);
  if (m) return `${m[1]}-06-30`;
  m = /^(?:6 tháng cuối năm|cuối năm|năm) (\d{4})$/.exec(t);
  if (m) return `${m[1]}-12-31`;
  return undefined;
}

/** Days off from config/holidays.json (if readable); weekends always count. */
function loadDaysOff(): { off: Set<string>; workingSaturdays: Set<string> } {
  const off = new Set<string>();
  const workingSaturdays = new Set<string>();
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(__dirname, '../../config/holidays.json'), 'utf8'));
    for (const d of raw.days ?? []) {
      if (d.kind === 'working_day') workingSaturdays.add(d.date);
      else off.add(d.date);
    }
  } catch {
    // weekends only
  }
  return { off, workingSaturdays };
}
const DAYS_OFF = loadDaysOff();

/** Bộ luật Dân sự, Điều 148: a deadline on a day off moves to the next working day. */
function effectiveDue(date: string): string {
  let d = date;
  while ((isWeekend(d) && !DAYS_OFF.workingSaturdays.has(d)) || DAYS_OFF.off.has(d)) d = addDays(d, 1);
  return d;
}

const localToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );

const isOpen = (t: DemoTaskSeed) => OPEN_STATUSES.includes(t.status);
const isDone = (t: DemoTaskSeed) => t.status === TaskStatus.Done;
const isStopped = (t: DemoTaskSeed) => t.status === TaskStatus.Withdrawn || t.status === TaskStatus.Deferred;

/**
 * Days the demo might be started on: before, during and after the 2025 reorganisation, in Tết, on a
 * 29 February, years later, and now.
 */
const TODAYS = [
  '2024-06-15',
  '2024-12-31',
  '2025-02-05',
  '2025-02-28',
  '2025-03-01',
  '2025-09-03',
  '2026-02-20',
  '2026-06-30',
  '2026-12-05',
  '2028-02-29',
  '2031-03-10',
  '2031-12-31',
  localToday(),
];

const EMAIL = /^[a-z0-9._-]+@nhiemvu\.example$/;
const SUBMIT_TO = ['UBND tỉnh', 'Chủ tịch UBND tỉnh', 'HĐND tỉnh', 'Tỉnh ủy'];
const OUTPUT_FORMS = ['Quyết định', 'Tờ trình', 'Báo cáo', 'Kế hoạch', 'Nghị quyết', 'Đề án', 'Chỉ thị'];

function checkItemReferences(item: ProgramItemSeed, where: string): void {
  expect(findAgency(item.leadAgencyCode)).toBeDefined();
  for (const c of item.coordinatingAgencyCodes) expect({ where, c, known: !!findAgency(c) }).toEqual({ where, c, known: true });
  expect({ where, leadAlsoCoordinates: item.coordinatingAgencyCodes.includes(item.leadAgencyCode) }).toEqual({
    where,
    leadAlsoCoordinates: false,
  });
  expect(new Set(item.coordinatingAgencyCodes).size).toBe(item.coordinatingAgencyCodes.length);
}

function checkDue(item: ProgramItemSeed, where: string): void {
  expect({ where, dueText: typeof item.dueText === 'string' && item.dueText.length > 0 }).toEqual({ where, dueText: true });
  const parsed = parseDuePhrase(item.dueText!);
  expect({ where, dueText: item.dueText, dueDate: parsed }).toEqual({ where, dueText: item.dueText, dueDate: item.dueDate });
  if (item.dueDate !== null) expect(isIsoDate(item.dueDate)).toBe(true);
}

describe('seed data', () => {
  describe('agencies', () => {
    it('should have 50–60 agencies with unique short uppercase ASCII codes', () => {
      expect(AGENCIES.length).toBeGreaterThanOrEqual(50);
      expect(AGENCIES.length).toBeLessThanOrEqual(60);
      const codes = AGENCIES.map((a) => a.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)?$/);
      for (const code of codes) expect(code.length).toBeLessThanOrEqual(10);
      for (const a of AGENCIES) expect(Object.values(AgencyKind)).toContain(a.kind);
    });

    it('should list the departments of Bình Phước, the People’s Committee office and the provincial branches', () => {
      const names = AGENCIES.map((a) => a.name);
      for (const name of [
        'Văn phòng UBND tỉnh',
        'Sở Nội vụ',
        'Sở Tư pháp',
        'Sở Kế hoạch và Đầu tư',
        'Sở Tài chính',
        'Sở Công Thương',
        'Sở Nông nghiệp và Phát triển nông thôn',
        'Sở Giao thông vận tải',
        'Sở Xây dựng',
        'Sở Tài nguyên và Môi trường',
        'Sở Thông tin và Truyền thông',
        'Sở Lao động - Thương binh và Xã hội',
        'Sở Văn hóa, Thể thao và Du lịch',
        'Sở Khoa học và Công nghệ',
        'Sở Giáo dục và Đào tạo',
        'Sở Y tế',
        'Sở Ngoại vụ',
        'Thanh tra tỉnh',
        'Ban Dân tộc',
        'Ban Quản lý Khu kinh tế',
        'Sở Nông nghiệp và Môi trường',
      ])
        expect(names).toContain(name);
      for (const code of ['CTT', 'CAT', 'BCHQS', 'KBNN', 'BHXH', 'NHNN', 'DPTTH'])
        expect(findAgency(code)?.kind).toBe(AgencyKind.Other);
      for (const name of ['Bộ Kế hoạch và Đầu tư', 'Bộ Tài chính', 'Bộ Y tế', 'Bộ Tài nguyên và Môi trường', 'Bộ Giao thông vận tải'])
        expect(AGENCIES.find((a) => a.name === name)?.kind).toBe(AgencyKind.Central);
      expect(findAgency('STC')?.name).toBe('Sở Tài chính');
      expect(findAgency('UBND-DX')?.name).toBe('UBND thành phố Đồng Xoài');
    });

    it('should have the 11 district-level units of Bình Phước, all active', () => {
      const districts = AGENCIES.filter((a) => a.kind === AgencyKind.District);
      expect(districts.map((a) => a.name).sort()).toEqual(
        [
          'UBND thành phố Đồng Xoài',
          'UBND thị xã Bình Long',
          'UBND thị xã Phước Long',
          'UBND thị xã Chơn Thành',
          'UBND huyện Đồng Phú',
          'UBND huyện Bù Đăng',
          'UBND huyện Bù Đốp',
          'UBND huyện Bù Gia Mập',
          'UBND huyện Hớn Quản',
          'UBND huyện Lộc Ninh',
          'UBND huyện Phú Riềng',
        ].sort(),
      );
      expect(DISTRICT_CODES).toHaveLength(11);
      for (const d of districts) {
        expect(d.validTo).toBeUndefined();
        expect(d.successorCode).toBeUndefined();
      }
      expect(PROVINCE.peoplesCommittee).toBe('UBND tỉnh Bình Phước');
    });

    it('should have unique aliases that clash with no name, alias or group (as nameKey compares names: no case, diacritics or punctuation)', () => {
      const seen = new Map<string, string>();
      const add = (text: string, owner: string) => {
        const key = nameKey(text);
        // Spellings of one owner may differ only in punctuation ("Sở Giao thông - Vận tải").
        const other = seen.get(key);
        expect({ text, owner, clashesWith: other === owner ? null : (other ?? null) }).toEqual({ text, owner, clashesWith: null });
        seen.set(key, owner);
      };
      for (const a of AGENCIES) {
        add(a.name, a.code);
        for (const alias of a.aliases) add(alias, a.code);
        expect(a.aliases.length).toBeGreaterThan(0);
      }
      for (const g of AGENCY_GROUPS) {
        add(g.name, `group ${g.name}`);
        for (const alias of g.aliases) add(alias, `group ${g.name}`);
      }
      for (const alias of ['Sở TN&MT', 'Sở TNMT', 'Sở KH&ĐT', 'Sở KHĐT', 'Sở NN&PTNT', 'Sở LĐTB&XH', 'Sở VHTTDL', 'Sở TT&TT'])
        expect(seen.has(nameKey(alias))).toBe(true);
      expect(seen.get(nameKey('Công an tỉnh'))).toBe('CAT');
      expect(seen.get(nameKey('UBND TP Đồng Xoài'))).toBe('UBND-DX');
      expect(seen.get(nameKey('Cục Thuế'))).toBe('CTT');
    });

    it('should give emails only under nhiemvu.example, with 2–3 agencies without email and one with two', () => {
      const all = AGENCIES.flatMap((a) => a.emails);
      for (const e of all) expect(e).toMatch(EMAIL);
      expect(new Set(all).size).toBe(all.length);
      const none = AGENCIES.filter((a) => a.emails.length === 0);
      expect(none.length).toBeGreaterThanOrEqual(2);
      expect(none.length).toBeLessThanOrEqual(3);
      expect(AGENCIES.filter((a) => a.emails.length === 2).length).toBeGreaterThanOrEqual(1);
    });

    it('should have valid dates and successors that take over the day after a closure', () => {
      for (const a of AGENCIES) {
        if (a.validFrom) expect(isIsoDate(a.validFrom)).toBe(true);
        if (a.validTo) expect(isIsoDate(a.validTo)).toBe(true);
        if (a.validFrom && a.validTo) expect(a.validFrom < a.validTo).toBe(true);
        if (a.successorCode) {
          const successor = findAgency(a.successorCode);
          expect(successor).toBeDefined();
          expect(a.validTo).toBeDefined();
          expect(isAgencyActiveOn(successor!.code, addDays(a.validTo!, 1))).toBe(true);
          expect(successor!.kind).toBe(a.kind);
        }
        if (a.validTo) expect(a.successorCode).toBeDefined();
      }
    });

    it('should model the 2025 merger of departments', () => {
      const merged: Record<string, string> = {
        SKHDT: 'STC',
        STNMT: 'SNNMT',
        SNNPTNT: 'SNNMT',
        STTTT: 'SKHCN',
        SLDTBXH: 'SNV',
        SGTVT: 'SXD',
      };
      for (const [from, to] of Object.entries(merged)) {
        expect(findAgency(from)?.validTo).toBe('2025-02-28');
        expect(findAgency(from)?.successorCode).toBe(to);
        expect(resolveAgencyOn(from, '2025-02-28')).toBe(from);
        expect(resolveAgencyOn(from, '2025-03-01')).toBe(to);
      }
      expect(findAgency('SNNMT')?.validFrom).toBe('2025-03-01');
      expect(resolveAgencyOn('SNNMT', '2024-06-01')).toMatch(/^(STNMT|SNNPTNT)$/);
      expect(resolveAgencyOn('STC', '2030-01-01')).toBe('STC');
    });

    it('should define groups whose kind has members', () => {
      const kinds = AGENCY_GROUPS.map((g) => g.kind);
      expect(kinds).toContain(AgencyKind.District);
      expect(kinds).toContain(AgencyKind.Department);
      expect(AGENCY_GROUPS.find((g) => g.kind === AgencyKind.District)?.name).toBe('UBND các huyện, thị xã, thành phố');
      for (const g of AGENCY_GROUPS) expect(AGENCIES.some((a) => a.kind === g.kind)).toBe(true);
    });
  });

  describe('users', () => {
    it('should have the office user, two leaders and agency users of existing agencies', () => {
      const emails = DEMO_USERS.map((u) => u.email);
      expect(new Set(emails).size).toBe(emails.length);
      for (const u of DEMO_USERS) {
        expect(u.email).toMatch(EMAIL);
        expect(u.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
        if (u.agencyCode) expect(findAgency(u.agencyCode)).toBeDefined();
        if (u.role === UserRole.Agency) expect(u.agencyCode).toBeDefined();
      }
      expect(DEMO_USERS.find((u) => u.email === 'vanphong@nhiemvu.example')?.role).toBe(UserRole.Office);
      expect(DEMO_USERS.find((u) => u.email === 'chutich@nhiemvu.example')?.role).toBe(UserRole.Leader);
      expect(DEMO_USERS.filter((u) => u.role === UserRole.Leader)).toHaveLength(2);
      const agencyUsers = DEMO_USERS.filter((u) => u.role === UserRole.Agency).map((u) => u.agencyCode);
      for (const code of ['STC', 'SYT', 'SXD', 'SNNMT', 'UBND-DX']) expect(agencyUsers).toContain(code);
      expect(agencyUsers.filter((c) => findAgency(c!)?.kind === AgencyKind.District).length).toBeGreaterThanOrEqual(2);
      // Agency user addresses are personal, not the agency's contact mailbox.
      const contact = new Set(AGENCIES.flatMap((a) => a.emails));
      for (const e of emails) expect(contact.has(e)).toBe(false);
    });
  });

  describe('program 2024', () => {
    const items = PROGRAM_2024.items;

    it('should describe the program and carry every item of section B', () => {
      expect(PROGRAM_2024).toMatchObject({ code: 'CTCT-2024', year: 2024, period: 'year' });
      expect(PROGRAM_2024.issuingDocument).toMatch(/^Báo cáo số \d+\/BC-UBND ngày \d{2}\/\d{1,2}\/2023/);
      expect(PROGRAM_2024.issuedAt).toMatch(/^2023-12-\d{2}$/);
      const codes = items.map((i) => i.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (let n = 1; n <= 10; n++) expect(codes).toContain(`B.${n}`);
      for (let n = 1; n <= 4; n++) expect(codes).toContain(`B.2.${n}`);
      const extra = items.filter((i) => /^B\.(\d+)$/.test(i.code) && Number(i.code.slice(2)) > 10);
      expect(extra.length).toBeGreaterThanOrEqual(25);
      expect(extra.length).toBeLessThanOrEqual(40);
      for (const i of extra) expect(i.kind).toBe(TaskKind.Proposal);
    });

    it('should give proposals an output form, a body to submit to and a leader in charge', () => {
      for (const i of items.filter((x) => x.kind === TaskKind.Proposal)) {
        expect(OUTPUT_FORMS).toContain(i.outputForm);
        expect(SUBMIT_TO).toContain(i.submitTo);
        expect(i.leaderInCharge).toMatch(/^(Chủ tịch|Phó Chủ tịch)/);
      }
    });

    it('should reference existing agencies and have due dates consistent with their phrases', () => {
      for (const i of items) {
        checkItemReferences(i, i.code);
        checkDue(i, i.code);
        expect(i.title.length).toBeGreaterThan(10);
        expect(i.title).not.toMatch(/\n/);
        if (i.dueDate) expect(i.dueDate.startsWith('2024')).toBe(true);
      }
      expect(items.filter((i) => i.dueDate === null).length).toBeGreaterThanOrEqual(3);
    });

    it('should date items added during the year by their source document', () => {
      for (const [code, day] of Object.entries(PROGRAM_2024_ADDED)) {
        const item = items.find((i) => i.code === code);
        expect(item?.sourceDocument).toBeDefined();
        const [y, m, d] = day.split('-').map(Number);
        expect(item!.sourceDocument).toContain(`ngày ${String(d).padStart(2, '0')}/${m < 3 ? String(m).padStart(2, '0') : m}/${y}`);
        expect(day > PROGRAM_2024.issuedAt).toBe(true);
      }
    });
  });

  describe('moving the demo to the year it is started in', () => {
    it('should move dates by whole years and name the lunar year', () => {
      expect(shiftYears('2024-06-30', 2)).toBe('2026-06-30');
      expect(shiftYears('2024-02-29', 2)).toBe('2026-02-28');
      expect(shiftYears('2023-12-04', 7)).toBe('2030-12-04');
      expect(lunarYearName(2024)).toBe('Giáp Thìn');
      expect(lunarYearName(2026)).toBe('Bính Ngọ');
      expect(lunarYearName(2031)).toBe('Tân Hợi');
    });

    it('should move the years a text counts from and keep names fixed in time', () => {
      expect(shiftText('Quý II/2024', 2)).toBe('Quý II/2026');
      expect(shiftText('mùa khô 2023-2024', 7)).toBe('mùa khô 2030-2031');
      expect(shiftText('Tết Nguyên đán Giáp Thìn và mùa lễ hội Xuân 2024', 2)).toBe('Tết Nguyên đán Bính Ngọ và mùa lễ hội Xuân 2026');
      expect(shiftText('triển khai thi hành Luật Đất đai năm 2024 năm 2024', 3)).toBe('triển khai thi hành Luật Đất đai năm 2024 năm 2027');
      expect(shiftText('Quy hoạch tỉnh thời kỳ 2021-2030, giai đoạn 2024-2030, đến năm 2030', 5)).toBe(
        'Quy hoạch tỉnh thời kỳ 2021-2030, giai đoạn 2024-2030, đến năm 2030',
      );
      expect(shiftText('theo Nghị định số 29/2023/NĐ-CP năm 2023', 1)).toBe('theo Nghị định số 29/2023/NĐ-CP năm 2024');
      expect(shiftText('năm 2024', 0)).toBe('năm 2024');
    });

    it.each([2024, 2026, 2028, 2031])('should give the program of %i its year, its days and its phrases', (year) => {
      const program = demoProgram(year);
      expect(program).toMatchObject({ code: `CTCT-${year}`, year, title: `Chương trình công tác năm ${year} của UBND tỉnh` });
      expect(program.issuedAt.startsWith(`${year - 1}-12-`)).toBe(true);
      expect(isWeekend(program.issuedAt)).toBe(false);
      const [y, m, d] = program.issuedAt.split('-').map(Number);
      expect(program.issuingDocument).toContain(`ngày ${String(d).padStart(2, '0')}/${m}/${y}`);
      expect(program.items).toHaveLength(PROGRAM_2024.items.length);
      for (const i of program.items) {
        checkDue(i, i.code);
        if (i.dueDate) expect(i.dueDate.startsWith(String(year))).toBe(true);
      }
      for (const [code, day] of Object.entries(program.added)) {
        expect(day.startsWith(String(year))).toBe(true);
        expect(isWeekend(day)).toBe(false);
        const [ay, am, ad] = day.split('-').map(Number);
        expect(program.items.find((i) => i.code === code)!.sourceDocument).toContain(
          `ngày ${String(ad).padStart(2, '0')}/${am < 3 ? String(am).padStart(2, '0') : am}/${ay}`,
        );
      }
    });

    it.each(TODAYS)('should look like a live province on %s: nothing overdue for months, nothing dated years away', (today) => {
      const { program, tasks, requests } = buildDemo(today);
      expect(program.year).toBe(Number(today.slice(0, 4)));
      for (const t of tasks) {
        for (const day of [t.assignedAt, t.dueDate, t.completedAt]) {
          if (day !== null) expect({ code: t.code, day, near: Math.abs(diffDays(day, today)) <= 400 }).toEqual({ code: t.code, day, near: true });
        }
        if (isOpen(t) && t.dueDate !== null) {
          const late = diffDays(effectiveDue(t.dueDate), today);
          expect({ code: t.code, overdueAtMost8Weeks: late <= MAX_OVERDUE_DAYS }).toEqual({ code: t.code, overdueAtMost8Weeks: true });
        }
      }
      expect(MAX_OVERDUE_DAYS).toBeLessThanOrEqual(8 * 7);
      expect(requests.length).toBeGreaterThanOrEqual(2);
      for (const r of requests) {
        const task = tasks.find((t) => t.code === r.taskCode)!;
        expect(isOpen(task)).toBe(true);
        expect(DEMO_USERS.find((u) => u.email === r.requesterEmail)?.agencyCode).toBe(task.leadAgencyCode);
        if (r.proposedDueDate) expect(r.proposedDueDate > task.dueDate!).toBe(true);
      }
    });
  });

  describe('demo tasks', () => {
    it('should be deterministic for the same day and use a working PRNG', () => {
      for (const today of ['2025-06-01', localToday()]) {
        expect(JSON.stringify(buildDemoTasks(today))).toBe(JSON.stringify(buildDemoTasks(today)));
      }
      const a = mulberry32(42);
      const b = mulberry32(42);
      const xs = Array.from({ length: 5 }, () => a());
      expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
      for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    });

    it('should reject a malformed day', () => {
      expect(() => buildDemoTasks('2025-13-01')).toThrow();
      expect(() => buildDemoTasks('1/3/2025')).toThrow();
    });

    describe.each(TODAYS)('as of %s', (today) => {
      const tasks = buildDemoTasks(today);

      it('should have valid dates, never in the future', () => {
        for (const t of tasks) {
          expect(isIsoDate(t.assignedAt)).toBe(true);
          expect(t.assignedAt <= today).toBe(true);
          if (t.completedAt !== null) {
            expect(isIsoDate(t.completedAt)).toBe(true);
            expect({ code: t.code, notFuture: t.completedAt <= today }).toEqual({ code: t.code, notFuture: true });
            expect(t.completedAt >= t.assignedAt).toBe(true);
          }
          if (t.dueDate !== null) expect(t.dueDate > t.assignedAt).toBe(true);
        }
      });

      it('should have consistent statuses', () => {
        for (const t of tasks) {
          const where = `${t.programCode ?? '-'} ${t.code}`;
          expect(Object.values(TaskStatus)).toContain(t.status);
          expect({ where, doneHasDate: isDone(t) === (t.completedAt !== null) }).toEqual({ where, doneHasDate: true });
          expect(Number.isInteger(t.progress) && t.progress >= 0 && t.progress <= 100).toBe(true);
          if (isDone(t)) expect(t.progress).toBe(100);
          if (t.status === TaskStatus.New) expect(t.progress).toBe(0);
          if (!isDone(t)) expect(t.resultDocument).toBeNull();
          if (isDone(t) && t.kind === TaskKind.Proposal) expect({ where, result: !!t.resultDocument }).toEqual({ where, result: true });
          if (t.dueDate === null) expect(isDone(t) || isStopped(t)).toBe(false);
        }
      });

      it('should reference existing agencies and keep due phrases consistent', () => {
        for (const t of tasks) {
          checkItemReferences(t, t.code);
          checkDue(t, t.code);
          expect(Object.values(TaskOrigin)).toContain(t.origin);
          expect(Object.values(TaskKind)).toContain(t.kind);
          expect(t.sourceDocument).toMatch(/số \d{2,}/);
        }
      });

      it('should lead and coordinate open tasks only by agencies that exist today', () => {
        for (const t of tasks.filter(isOpen)) {
          expect({ code: t.code, lead: t.leadAgencyCode, active: isAgencyActiveOn(t.leadAgencyCode, today) }).toEqual({
            code: t.code,
            lead: t.leadAgencyCode,
            active: true,
          });
          for (const c of t.coordinatingAgencyCodes) expect({ code: t.code, c, active: isAgencyActiveOn(c, today) }).toEqual({ code: t.code, c, active: true });
        }
      });

      it('should have done tasks finished by an agency that existed then (before a closure)', () => {
        for (const t of tasks.filter(isDone)) {
          expect({ code: t.code, lead: t.leadAgencyCode, active: isAgencyActiveOn(t.leadAgencyCode, t.completedAt!) }).toEqual({
            code: t.code,
            lead: t.leadAgencyCode,
            active: true,
          });
        }
      });

      it('should have unique (programCode, code) and well-formed codes and origins', () => {
        const keys = tasks.map((t) => `${t.programCode ?? ''}|${t.code}`);
        expect(new Set(keys).size).toBe(keys.length);
        const program = demoProgram(Number(today.slice(0, 4)));
        const itemCodes = new Set(program.items.map((i) => i.code));
        for (const t of tasks) {
          if (t.programCode !== null) {
            expect(t.programCode).toBe(`CTCT-${today.slice(0, 4)}`);
            expect(itemCodes.has(t.code)).toBe(true);
            expect(t.origin).toBe(program.added[t.code] ? TaskOrigin.Added : TaskOrigin.Initial);
            expect(t.assignedAt).toBe(program.added[t.code] ?? program.issuedAt);
          } else {
            expect(t.code).toMatch(/^GV-(\d{4}|CUR)-\d{3}$/);
            expect(t.origin).toBe(TaskOrigin.Added);
          }
          const given = /^GV-(\d{4})-/.exec(t.code);
          if (given) {
            expect(t.kind).toBe(TaskKind.Task);
            expect(t.assignedAt.startsWith(given[1])).toBe(true);
            // The stand-alone work of the last twelve months (a day that fell in Tết moves past it).
            expect(diffDays(t.assignedAt, today)).toBeLessThanOrEqual(366 + 14);
          }
        }
      });

      it('should number documents consistently (one number, one date) and never reuse a result document', () => {
        const byNumber = new Map<string, Set<string>>();
        for (const t of tasks) {
          for (const doc of [t.sourceDocument, t.resultDocument]) {
            if (!doc) continue;
            const date = / ngày (\d{2})\/(\d{1,2})\/(\d{4})/.exec(doc);
            expect({ doc, dated: !!date }).toEqual({ doc, dated: true });
            const key = `${doc.replace(date![0], '')}@${date![3]}`;
            if (!byNumber.has(key)) byNumber.set(key, new Set());
            byNumber.get(key)!.add(doc);
          }
        }
        for (const [key, docs] of byNumber) expect({ key, variants: docs.size }).toEqual({ key, variants: 1 });
        const results = tasks.map((t) => t.resultDocument).filter((r): r is string => !!r);
        expect(new Set(results).size).toBe(results.length);
      });

      it('should always show overdue and due-soon current work, some of it for agencies without email', () => {
        const current = tasks.filter((t) => t.code.startsWith('GV-CUR-'));
        expect(current).toHaveLength(27);
        for (const t of current) {
          const ago = (Date.parse(today) - Date.parse(t.assignedAt)) / 86_400_000;
          const dueIn = (Date.parse(t.dueDate!) - Date.parse(today)) / 86_400_000;
          expect(ago >= 10 && ago <= 60).toBe(true);
          expect(dueIn >= -20 && dueIn <= 40).toBe(true);
        }
        const open = current.filter(isOpen);
        const overdue = open.filter((t) => effectiveDue(t.dueDate!) < today);
        const dueSoon = open.filter((t) => effectiveDue(t.dueDate!) >= today && effectiveDue(t.dueDate!) <= addDays(today, 7));
        expect(overdue.length).toBeGreaterThanOrEqual(4);
        expect(dueSoon.length).toBeGreaterThanOrEqual(4);
        expect(current.filter(isDone).length).toBeGreaterThanOrEqual(4);
        const noEmail = current.filter((t) => findAgency(t.leadAgencyCode)!.emails.length === 0);
        expect(noEmail.length).toBeGreaterThanOrEqual(3);
        expect(noEmail.filter((t) => isOpen(t) && effectiveDue(t.dueDate!) < today).length).toBeGreaterThanOrEqual(1);
      });
    });

    it('should tell a year\'s story at the end of it', () => {
      const today = '2026-12-31';
      const tasks = buildDemoTasks(today);
      const classify = (t: DemoTaskSeed): string => {
        if (isStopped(t)) return 'stopped';
        if (t.dueDate === null) return isOpen(t) ? 'recurring' : 'invalid';
        const due = effectiveDue(t.dueDate);
        if (isDone(t)) return t.completedAt! <= due ? 'onTime' : 'late';
        return due < today ? 'overdue' : 'inTime';
      };
      const count = (list: DemoTaskSeed[]) =>
        list.reduce<Record<string, number>>((acc, t) => ((acc[classify(t)] = (acc[classify(t)] ?? 0) + 1), acc), {});

      const program = tasks.filter((t) => t.programCode === 'CTCT-2026');
      expect(program).toHaveLength(PROGRAM_2024.items.length);
      const p = count(program);
      expect(p.onTime).toBeGreaterThan(program.length / 2);
      expect(p.late).toBeGreaterThanOrEqual(3);
      expect(p.stopped).toBeGreaterThanOrEqual(2);
      expect(p.recurring).toBeGreaterThanOrEqual(3);
      expect(p.invalid).toBeUndefined();
      expect(program.filter((t) => t.status === TaskStatus.Submitted).length).toBeGreaterThanOrEqual(1);
      expect(program.filter((t) => t.origin === TaskOrigin.Added).length).toBeGreaterThanOrEqual(1);

      const standalone = tasks.filter((t) => /^GV-\d{4}-/.test(t.code));
      expect(standalone.length).toBeGreaterThanOrEqual(140);
      expect(standalone.length).toBeLessThanOrEqual(160);
      const s = count(standalone);
      const share = (k: string) => (s[k] ?? 0) / standalone.length;
      expect(share('onTime')).toBeGreaterThanOrEqual(0.62);
      expect(share('onTime')).toBeLessThanOrEqual(0.78);
      expect(share('late')).toBeGreaterThanOrEqual(0.06);
      expect(share('late')).toBeLessThanOrEqual(0.14);
      // What was overdue for months was finished late (the late share); what is left is recent.
      expect(share('overdue')).toBeGreaterThanOrEqual(0.02);
      expect(share('overdue')).toBeLessThanOrEqual(0.14);
      expect(share('stopped')).toBeGreaterThanOrEqual(0.03);
      expect(share('stopped')).toBeLessThanOrEqual(0.08);
      expect(share('recurring')).toBeGreaterThanOrEqual(0.02);
      expect(s.invalid).toBeUndefined();
      expect(new Set(standalone.map((t) => t.leadAgencyCode)).size).toBeGreaterThanOrEqual(30);
      expect(new Set(standalone.map((t) => t.title)).size).toBe(standalone.length);
    });

    it('should hand open work of merged agencies to their successors and keep the old ones for done work', () => {
      const before = buildDemoTasks('2025-02-28');
      const after = buildDemoTasks('2025-03-01');
      const closed = AGENCIES.filter((a) => a.validTo === '2025-02-28').map((a) => a.code);
      expect(before.some((t) => isOpen(t) && closed.includes(t.leadAgencyCode))).toBe(true);
      expect(after.some((t) => isOpen(t) && closed.includes(t.leadAgencyCode))).toBe(false);
      expect(after.some((t) => isOpen(t) && t.leadAgencyCode === 'SNNMT')).toBe(true);
      expect(after.some((t) => isDone(t) && closed.includes(t.leadAgencyCode))).toBe(true);
    });

    it('should contain only the tasks already given on an early day', () => {
      const tasks = buildDemoTasks('2024-01-10');
      expect(tasks.filter((t) => t.programCode !== null)).toHaveLength(
        PROGRAM_2024.items.length - Object.keys(PROGRAM_2024_ADDED).length,
      );
      expect(tasks.filter((t) => t.programCode !== null && isDone(t))).toHaveLength(0);
    });
  });
});
