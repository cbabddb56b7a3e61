import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';
import { AgencyKind } from '../agency.enums';

/**
 * A name documents use for several agencies at once ("UBND các huyện, thị xã, thành phố" = every
 * district; "các sở, ban, ngành"), office-editable data of this province. Members: every agency of
 * `memberKind`, or those listed in `memberCodes` (none: a group kept as a note, "các cơ quan liên quan").
 */
@Entity('agency_groups')
export class AgencyGroup {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_agency_groups_name', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'simple-json' })
  aliases!: string[];

  @Column({ type: 'varchar', length: 16, nullable: true })
  memberKind!: AgencyKind | null;

  @Column({ type: 'simple-json', nullable: true })
  memberCodes!: string[] | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;

  @UpdateDateColumn({ type: DATETIME })
  updatedAt!: Date;
}
