export enum AgencyKind {
  /** Sở, ban, ngành. */
  Department = 'department',
  /** UBND huyện, thị xã, thành phố. */
  District = 'district',
  /** Bộ, ngành trung ương. */
  Central = 'central',
  Other = 'other',
}
