export enum ProgramPeriod {
  Year = 'year',
  Half = 'half',
  Quarter = 'quarter',
  Month = 'month',
}
