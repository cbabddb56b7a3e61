import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';
import { AgencyKind } from './agency.enums';

/** Cơ quan, đơn vị. Never deleted: a merged agency stays for past reports, with validTo and a successor. */
@Entity('agencies')
export class Agency {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_agencies_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: AgencyKind;

  /** Other spellings people write ("Sở TN&MT", "Sở TNMT"). */
  @Column({ type: 'simple-json' })
  aliases!: string[];

  /** Contact addresses that receive reminder digests. */
  @Column({ type: 'simple-json' })
  emails!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'integer', nullable: true })
  successorId!: number | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'successorId' })
  successor?: Agency | null;

  /** Name, code and aliases folded (lowercase, no diacritics) for search and matching. */
  @Column({ type: 'varchar', length: 2000, default: '' })
  searchText!: string;

  /** Secret of the agency's calendar feed (.ics); rotated by issuing a new one. */
  @Index('UQ_agencies_calendar_token', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  calendarToken!: string | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;

  @UpdateDateColumn({ type: DATETIME })
  updatedAt!: Date;
}
