export enum UserRole {
  Admin = 'admin',
  /** Văn phòng UBND tỉnh: programs, assignment, approvals, reports. */
  Office = 'office',
  /** Chủ tịch, Phó Chủ tịch: read everything, approve. */
  Leader = 'leader',
  /** A department or district: its own agency only. */
  Agency = 'agency',
}
