import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';
import { User } from 'src/modules/users/user.entity';

/** A list view a user saved: its filters and sort, by name, for one page (today the task list). */
@Entity('saved_views')
@Index('UQ_saved_views_user_page_name', ['userId', 'page', 'name'], { unique: true })
export class SavedView {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;

  /** A user's views go with the user. */
  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  /** Which list: 'tasks'. */
  @Column({ type: 'varchar', length: 32 })
  page!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The list's query parameters (filters and sort), as checked against the list's own query DTO. */
  @Column({ type: 'simple-json' })
  query!: Record<string, unknown>;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;
}
