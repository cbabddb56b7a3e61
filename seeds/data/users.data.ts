import { UserRole } from '../../src/modules/users/user-role.enum';

// Demo users. Names are fictional. No passwords here: the seed runner sets the demo password
// (and creates the admin from ADMIN_EMAIL in config).

export interface UserSeed {
  email: string;
  fullName: string;
  role: UserRole;
  agencyCode?: string;
}

/**
 * The provincial leaders as program items name them in "lãnh đạo phụ trách". The Chủ tịch and the
 * Phó Chủ tịch Thường trực are demo users (chutich@, phochutich@); the other two are not.
 */
export const LEADER_IN_CHARGE = {
  CHAIRMAN: 'Chủ tịch UBND tỉnh',
  STANDING_VICE: 'Phó Chủ tịch Thường trực UBND tỉnh Đặng Quốc Bảo',
  ECONOMY_VICE: 'Phó Chủ tịch UBND tỉnh Lê Hoàng Việt',
  SOCIAL_VICE: 'Phó Chủ tịch UBND tỉnh Nguyễn Thị Bích Ngọc',
} as const;

export const DEMO_USERS: UserSeed[] = [
  // Chuyên viên Phòng Tổng hợp, Văn phòng UBND tỉnh: loads programs, assigns, chases.
  { email: 'vanphong@nhiemvu.example', fullName: 'Lê Thị Mỹ Duyên', role: UserRole.Office, agencyCode: 'VPUBND' },
  // Chủ tịch UBND tỉnh.
  { email: 'chutich@nhiemvu.example', fullName: 'Hoàng Minh Tâm', role: UserRole.Leader },
  // Phó Chủ tịch Thường trực UBND tỉnh.
  { email: 'phochutich@nhiemvu.example', fullName: 'Đặng Quốc Bảo', role: UserRole.Leader },
  // Agency users (chuyên viên / lãnh đạo phòng of each agency).
  { email: 'hangntt.stc@nhiemvu.example', fullName: 'Nguyễn Thị Thu Hằng', role: UserRole.Agency, agencyCode: 'STC' },
  { email: 'phuctv.syt@nhiemvu.example', fullName: 'Trần Văn Phúc', role: UserRole.Agency, agencyCode: 'SYT' },
  { email: 'sonvt.sxd@nhiemvu.example', fullName: 'Võ Thanh Sơn', role: UserRole.Agency, agencyCode: 'SXD' },
  { email: 'lanpn.snnmt@nhiemvu.example', fullName: 'Phan Ngọc Lan', role: UserRole.Agency, agencyCode: 'SNNMT' },
  {
    email: 'locht.dongxoai@nhiemvu.example',
    fullName: 'Huỳnh Tấn Lộc',
    role: UserRole.Agency,
    agencyCode: 'UBND-DX',
  },
  {
    email: 'hoadt.bugiamap@nhiemvu.example',
    fullName: 'Điểu Thị Hoa',
    role: UserRole.Agency,
    agencyCode: 'UBND-BGM',
  },
];
