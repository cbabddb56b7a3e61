import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';

/**
 * A browser sign-in. The cookie carries a random token; only its SHA-256 is stored, so a copy of
 * the table does not let anyone sign in. Sign-out sets revokedAt: the same cookie replayed later is
 * refused. csrfToken is the synchronizer token every unsafe request of this session must echo in
 * the X-CSRF-Token header.
 */
@Entity('auth_sessions')
@Index('IDX_auth_sessions_user', ['userId'])
export class AuthSession {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_auth_sessions_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 64 })
  csrfToken!: string;

  @Column({ type: 'integer' })
  userId!: number;

  /** users.tokenVersion at sign-in: bumping it (sign out everywhere) ends this session too. */
  @Column({ type: 'integer' })
  tokenVersion!: number;

  @Column({ type: DATETIME })
  expiresAt!: Date;

  @Column({ type: DATETIME, nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;
}
