import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One day of the official calendar (seeded from config/holidays.json; the office may edit it). */
@Entity('holidays')
export class Holiday {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** holiday | compensatory (days off) | working_day (a weekend day officially worked). */
  @Column({ type: 'varchar', length: 16 })
  kind!: 'holiday' | 'compensatory' | 'working_day';
}
