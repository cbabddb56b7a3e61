import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';
import { Agency } from 'src/modules/agencies/agency.entity';
import { UserRole } from './user-role.enum';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Stored lowercased. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 255 })
  email!: string;

  @Column({ type: 'varchar', length: 255 })
  fullName!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: UserRole;

  /** Required for role `agency`; null for the others. */
  @Index('IDX_users_agency')
  @Column({ type: 'integer', nullable: true })
  agencyId!: number | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agencyId' })
  agency?: Agency | null;

  @Column({ type: 'varchar', length: 100, select: false })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Agency users may opt out of the reminder digests sent to their agency. */
  @Column({ type: 'boolean', default: false })
  remindersOptOut!: boolean;

  /** Bumped to invalidate every token issued before (sign out everywhere, password change). */
  @Column({ type: 'integer', default: 0 })
  tokenVersion!: number;

  @Column({ type: DATETIME, nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;

  @UpdateDateColumn({ type: DATETIME })
  updatedAt!: Date;
}
