import { DEFAULT_GROUP_DEFS } from '../../src/modules/agencies/groups/agency-group-def';
import { AgencyKind } from '../../src/modules/agencies/agency.enums';

// Demo agencies of Bình Phước province as of 2024, plus the first wave of the 2025 reorganisation
// (merger of departments effective 01/3/2025). Emails are fictional, under the reserved domain
// nhiemvu.example.
//
// Deliberately NOT modelled here:
// - the abolition of the district level and the merger of Bình Phước into Đồng Nai (01/7/2025):
//   the districts stay active; an admin records those changes later through the API, which is what
//   the demo is meant to show;
// - other 2025 changes (Ban Dân tộc → Sở Dân tộc và Tôn giáo, regional branches of the Treasury,
//   State Bank, Statistics, Tax): these agencies are kept as they were in 2024.

export interface AgencySeed {
  code: string;
  name: string;
  kind: AgencyKind;
  aliases: string[];
  emails: string[];
  validFrom?: string;
  validTo?: string;
  successorCode?: string;
}

export interface AgencyGroupSeed {
  name: string;
  aliases: string[];
  kind: AgencyKind;
}

export const PROVINCE = {
  name: 'Bình Phước',
  provinceName: 'tỉnh Bình Phước',
  peoplesCommittee: 'UBND tỉnh Bình Phước',
  peoplesCommitteeFull: 'Ủy ban nhân dân tỉnh Bình Phước',
  peoplesCouncil: 'HĐND tỉnh Bình Phước',
  emailDomain: 'nhiemvu.example',
} as const;

/** Last day of the agencies closed by the 2025 merger of departments and ministries. */
export const REORGANISATION_2025_LAST_DAY = '2025-02-28';
/** First day of the agencies created by it. */
export const REORGANISATION_2025_FIRST_DAY = '2025-03-01';

const mail = (local: string): string => `${local}@${PROVINCE.emailDomain}`;

const dept = (code: string, name: string, aliases: string[], extra: Partial<AgencySeed> = {}): AgencySeed => ({
  code,
  name,
  kind: AgencyKind.Department,
  aliases,
  emails: [mail(code.toLowerCase())],
  ...extra,
});

const closedDept = (code: string, name: string, aliases: string[], successorCode: string): AgencySeed =>
  dept(code, name, aliases, { validTo: REORGANISATION_2025_LAST_DAY, successorCode });

type DistrictType = 'thành phố' | 'thị xã' | 'huyện';

const district = (code: string, type: DistrictType, place: string, extra: Partial<AgencySeed> = {}): AgencySeed => {
  const short = type === 'thành phố' ? 'TP' : type === 'thị xã' ? 'TX' : 'H.';
  const aliases =
    type === 'huyện'
      ? [`UBND H. ${place}`, `UBND H.${place}`, `huyện ${place}`]
      : [`UBND ${short} ${place}`, `UBND ${short}. ${place}`, `${type} ${place}`, `${short} ${place}`];
  return {
    code,
    name: `UBND ${type} ${place}`,
    kind: AgencyKind.District,
    aliases: [`Ủy ban nhân dân ${type} ${place}`, ...aliases],
    emails: [mail(code.toLowerCase())],
    ...extra,
  };
};

const other = (code: string, name: string, aliases: string[], extra: Partial<AgencySeed> = {}): AgencySeed => ({
  code,
  name,
  kind: AgencyKind.Other,
  aliases,
  emails: [mail(code.toLowerCase())],
  ...extra,
});

const ministry = (code: string, name: string, aliases: string[], extra: Partial<AgencySeed> = {}): AgencySeed => ({
  code,
  name,
  kind: AgencyKind.Central,
  aliases,
  emails: [mail(code.toLowerCase())],
  ...extra,
});

export const AGENCIES: AgencySeed[] = [
  // --- Sở, ban, ngành (department) -----------------------------------------------------------
  dept('VPUBND', 'Văn phòng UBND tỉnh', [
    'Văn phòng Ủy ban nhân dân tỉnh',
    'VP UBND tỉnh',
    'VPUBND tỉnh',
    'Văn phòng UBND tỉnh Bình Phước',
  ]),
  dept('SNV', 'Sở Nội vụ', ['Sở NV', 'Sở Nội vụ tỉnh Bình Phước']),
  dept('STP', 'Sở Tư pháp', ['Sở TP', 'Sở Tư pháp tỉnh Bình Phước']),
  closedDept(
    'SKHDT',
    'Sở Kế hoạch và Đầu tư',
    ['Sở KH&ĐT', 'Sở KHĐT', 'Sở KH và ĐT', 'Sở Kế hoạch - Đầu tư', 'Sở Kế hoạch và Đầu tư tỉnh Bình Phước'],
    'STC',
  ),
  dept('STC', 'Sở Tài chính', ['Sở TC', 'Sở Tài chính tỉnh Bình Phước']),
  dept('SCT', 'Sở Công Thương', ['Sở CT', 'Sở Công Thương tỉnh Bình Phước']),
  closedDept(
    'SNNPTNT',
    'Sở Nông nghiệp và Phát triển nông thôn',
    ['Sở NN&PTNT', 'Sở NNPTNT', 'Sở NN và PTNT', 'Sở Nông nghiệp và PTNT', 'Sở Nông nghiệp - PTNT'],
    'SNNMT',
  ),
  closedDept(
    'SGTVT',
    'Sở Giao thông vận tải',
    ['Sở GTVT', 'Sở GT-VT', 'Sở Giao thông - Vận tải', 'Sở Giao thông vận tải tỉnh Bình Phước'],
    'SXD',
  ),
  dept('SXD', 'Sở Xây dựng', ['Sở XD', 'Sở Xây dựng tỉnh Bình Phước']),
  closedDept(
    'STNMT',
    'Sở Tài nguyên và Môi trường',
    ['Sở TN&MT', 'Sở TNMT', 'Sở TN và MT', 'Sở Tài nguyên - Môi trường', 'Sở Tài nguyên và Môi trường tỉnh Bình Phước'],
    'SNNMT',
  ),
  closedDept(
    'STTTT',
    'Sở Thông tin và Truyền thông',
    ['Sở TT&TT', 'Sở TTTT', 'Sở TT và TT', 'Sở Thông tin - Truyền thông'],
    'SKHCN',
  ),
  closedDept(
    'SLDTBXH',
    'Sở Lao động - Thương binh và Xã hội',
    ['Sở LĐTB&XH', 'Sở LĐTBXH', 'Sở LĐ-TB&XH', 'Sở Lao động, Thương binh và Xã hội', 'Sở Lao động - TB&XH'],
    'SNV',
  ),
  dept('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', [
    'Sở VHTTDL',
    'Sở VH-TT-DL',
    'Sở VHTT&DL',
    'Sở Văn hóa - Thể thao và Du lịch',
    'Sở Văn hoá, Thể thao và Du lịch',
  ]),
  dept('SKHCN', 'Sở Khoa học và Công nghệ', ['Sở KH&CN', 'Sở KHCN', 'Sở KH và CN', 'Sở Khoa học - Công nghệ']),
  dept('SGDDT', 'Sở Giáo dục và Đào tạo', ['Sở GD&ĐT', 'Sở GDĐT', 'Sở GD và ĐT', 'Sở Giáo dục - Đào tạo']),
  // Two contact addresses: the department's mailbox and its records office (văn thư).
  dept('SYT', 'Sở Y tế', ['Sở YT', 'Sở Y tế tỉnh Bình Phước'], {
    emails: [mail('syt'), mail('vanthu.syt')],
  }),
  dept('SNGV', 'Sở Ngoại vụ', ['Sở NgV', 'Sở Ngoại vụ tỉnh Bình Phước']),
  dept('TTT', 'Thanh tra tỉnh', ['Thanh tra tỉnh Bình Phước', 'TTr tỉnh', 'Thanh tra Bình Phước']),
  // No contact email on record (tests and demo need that case).
  dept('BDT', 'Ban Dân tộc', ['Ban Dân tộc tỉnh', 'BDT tỉnh', 'Ban Dân tộc tỉnh Bình Phước'], { emails: [] }),
  dept('BQLKKT', 'Ban Quản lý Khu kinh tế', [
    'Ban Quản lý Khu kinh tế tỉnh',
    'BQL Khu kinh tế',
    'Ban QLKKT',
    'BQLKKT tỉnh',
  ]),
  // Created by the 2025 merger of Sở Tài nguyên và Môi trường and Sở Nông nghiệp và PTNT.
  dept('SNNMT', 'Sở Nông nghiệp và Môi trường', ['Sở NN&MT', 'Sở NNMT', 'Sở NN và MT', 'Sở Nông nghiệp - Môi trường'], {
    validFrom: REORGANISATION_2025_FIRST_DAY,
  }),

  // --- UBND huyện, thị xã, thành phố (district) -------------------------------------------------
  // Kept active: the abolition of the district level (01/7/2025) is recorded by an admin through the
  // API, not seeded.
  district('UBND-DX', 'thành phố', 'Đồng Xoài'),
  district('UBND-BL', 'thị xã', 'Bình Long'),
  district('UBND-PL', 'thị xã', 'Phước Long'),
  district('UBND-CT', 'thị xã', 'Chơn Thành'),
  district('UBND-DP', 'huyện', 'Đồng Phú'),
  district('UBND-BDG', 'huyện', 'Bù Đăng'),
  // No contact email on record.
  district('UBND-BDP', 'huyện', 'Bù Đốp', { emails: [] }),
  district('UBND-BGM', 'huyện', 'Bù Gia Mập'),
  district('UBND-HQ', 'huyện', 'Hớn Quản'),
  district('UBND-LN', 'huyện', 'Lộc Ninh'),
  district('UBND-PR', 'huyện', 'Phú Riềng'),

  // --- Provincial branches of central bodies and other provincial bodies (other) ---------------
  other('CTT', 'Cục Thuế tỉnh Bình Phước', ['Cục Thuế tỉnh', 'Cục Thuế', 'Cục Thuế Bình Phước']),
  other('CAT', 'Công an tỉnh Bình Phước', ['Công an tỉnh', 'CA tỉnh', 'Công an Bình Phước']),
  other('BCHQS', 'Bộ Chỉ huy Quân sự tỉnh Bình Phước', [
    'Bộ Chỉ huy Quân sự tỉnh',
    'Bộ CHQS tỉnh',
    'BCH Quân sự tỉnh',
  ]),
  other('BCHBDBP', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh Bình Phước', [
    'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
    'Bộ đội Biên phòng tỉnh',
    'BĐBP tỉnh',
  ]),
  other('KBNN', 'Kho bạc Nhà nước Bình Phước', ['Kho bạc Nhà nước tỉnh', 'KBNN tỉnh', 'KBNN Bình Phước']),
  other('BHXH', 'Bảo hiểm xã hội tỉnh Bình Phước', ['Bảo hiểm xã hội tỉnh', 'BHXH tỉnh', 'BHXH Bình Phước']),
  other('NHNN', 'Ngân hàng Nhà nước chi nhánh tỉnh Bình Phước', [
    'Ngân hàng Nhà nước chi nhánh tỉnh',
    'Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh Bình Phước',
    'NHNN chi nhánh tỉnh',
    'NHNN tỉnh',
  ]),
  other('CTK', 'Cục Thống kê tỉnh Bình Phước', ['Cục Thống kê tỉnh', 'Cục Thống kê', 'CTK tỉnh']),
  // No contact email on record.
  other('QLTT', 'Cục Quản lý thị trường tỉnh Bình Phước', [
    'Cục Quản lý thị trường tỉnh',
    'Cục QLTT tỉnh',
    'QLTT tỉnh',
  ], { emails: [] }),
  other('DPTTH', 'Đài Phát thanh - Truyền hình và Báo Bình Phước', [
    'Đài Phát thanh - Truyền hình tỉnh',
    'Đài PT-TH tỉnh',
    'Đài PTTH tỉnh',
    'Đài PT-TH và Báo Bình Phước',
    'BPTV',
  ]),
  other('BQLDA', 'Ban Quản lý dự án đầu tư xây dựng tỉnh', [
    'Ban QLDA ĐTXD tỉnh',
    'Ban QLDA đầu tư xây dựng tỉnh',
    'BQLDA tỉnh',
  ]),
  other('MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', [
    'Ủy ban MTTQ Việt Nam tỉnh',
    'UBMTTQVN tỉnh',
    'Ủy ban MTTQVN tỉnh',
    'MTTQ tỉnh',
  ]),

  // --- Ministries (central) --------------------------------------------------------------------
  // The ministries merged on the same day as the departments (Nghị định của Chính phủ, hiệu lực
  // 01/3/2025); only those the demo refers to are listed.
  ministry('BO-KHDT', 'Bộ Kế hoạch và Đầu tư', ['Bộ KH&ĐT', 'Bộ KHĐT', 'BKHĐT'], {
    validTo: REORGANISATION_2025_LAST_DAY,
    successorCode: 'BO-TC',
  }),
  ministry('BO-TC', 'Bộ Tài chính', ['Bộ TC', 'BTC']),
  ministry('BO-YT', 'Bộ Y tế', ['BYT', 'Bộ YT']),
  ministry('BO-TNMT', 'Bộ Tài nguyên và Môi trường', ['Bộ TN&MT', 'Bộ TNMT', 'BTNMT'], {
    validTo: REORGANISATION_2025_LAST_DAY,
    successorCode: 'BO-NNMT',
  }),
  ministry('BO-NNPTNT', 'Bộ Nông nghiệp và Phát triển nông thôn', ['Bộ NN&PTNT', 'Bộ NNPTNT', 'BNNPTNT'], {
    validTo: REORGANISATION_2025_LAST_DAY,
    successorCode: 'BO-NNMT',
  }),
  ministry('BO-NNMT', 'Bộ Nông nghiệp và Môi trường', ['Bộ NN&MT', 'Bộ NNMT', 'BNNMT'], {
    validFrom: REORGANISATION_2025_FIRST_DAY,
  }),
  ministry('BO-GTVT', 'Bộ Giao thông vận tải', ['Bộ GTVT', 'BGTVT'], {
    validTo: REORGANISATION_2025_LAST_DAY,
    successorCode: 'BO-XD',
  }),
  ministry('BO-XD', 'Bộ Xây dựng', ['Bộ XD', 'BXD']),
  ministry('BO-NV', 'Bộ Nội vụ', ['BNV', 'Bộ NV']),
  ministry('BO-CT', 'Bộ Công Thương', ['BCT', 'Bộ CT']),
  ministry('BO-GDDT', 'Bộ Giáo dục và Đào tạo', ['Bộ GD&ĐT', 'Bộ GDĐT', 'BGDĐT']),
];

/** The groups documents name collectively: those a new database starts with (agency_groups, editable). */
export const AGENCY_GROUPS: AgencyGroupSeed[] = DEFAULT_GROUP_DEFS.filter((g) => g.members.kind).map((g) => ({
  name: g.name,
  aliases: g.aliases,
  kind: g.members.kind!,
}));

// --- Pure helpers ----------------------------------------------------------------------------

const BY_CODE = new Map(AGENCIES.map((a) => [a.code, a]));

export function findAgency(code: string): AgencySeed | undefined {
  return BY_CODE.get(code);
}

export function getAgency(code: string): AgencySeed {
  const agency = BY_CODE.get(code);
  if (!agency) throw new Error(`Unknown agency code ${code}`);
  return agency;
}

/** Whether the agency exists on that day (validFrom ≤ date ≤ validTo, bounds optional). */
export function isAgencyActiveOn(code: string, date: string): boolean {
  const a = getAgency(code);
  return (!a.validFrom || a.validFrom <= date) && (!a.validTo || date <= a.validTo);
}

/**
 * The agency that holds a task of `code` on `date`: follows successors forward past a closure, or
 * steps back to a predecessor when `date` is before the agency existed (a demo started "in 2024"
 * has no Sở Nông nghiệp và Môi trường yet).
 */
export function resolveAgencyOn(code: string, date: string): string {
  let current = code;
  for (let guard = 0; guard < 10; guard++) {
    const a = getAgency(current);
    if (a.validTo && date > a.validTo && a.successorCode) {
      current = a.successorCode;
      continue;
    }
    if (a.validFrom && date < a.validFrom) {
      const predecessor = AGENCIES.find((p) => p.successorCode === current && isAgencyActiveOn(p.code, date));
      if (predecessor) {
        current = predecessor.code;
        continue;
      }
    }
    return current;
  }
  throw new Error(`Successor chain of ${code} does not settle`);
}

export function agenciesOfKind(kind: AgencyKind, activeOn?: string): AgencySeed[] {
  return AGENCIES.filter((a) => a.kind === kind && (!activeOn || isAgencyActiveOn(a.code, activeOn)));
}

/** Codes of every district-level unit (UBND huyện, thị xã, thành phố). */
export const DISTRICT_CODES: string[] = AGENCIES.filter((a) => a.kind === AgencyKind.District).map((a) => a.code);
