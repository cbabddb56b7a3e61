import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';
import { NotificationDelivery, NotificationKind } from './notification.enums';

/** One entry of a user's inbox ("Thông báo"), and how it is (or was) emailed. */
@Entity('notifications')
@Index('IDX_notifications_user_read', ['userId', 'readAt'])
@Index('IDX_notifications_digest', ['delivery', 'digestedAt'])
export class Notification {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;

  @Column({ type: 'varchar', length: 32 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  /** Lines of text, joined with \n. */
  @Column({ type: 'text' })
  body!: string;

  /** The app page it is about (/app/tasks/12), relative to APP_URL. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  link!: string | null;

  @Column({ type: 'integer', nullable: true })
  taskId!: number | null;

  @Column({ type: 'integer', nullable: true })
  requestId!: number | null;

  /** How it goes out, from the user's preference when it was made. */
  @Column({ type: 'varchar', length: 16 })
  delivery!: NotificationDelivery;

  /** The immediate email (mail log), when one was made. */
  @Column({ type: 'integer', nullable: true })
  mailMessageId!: number | null;

  /** When a daily digest took it (delivery = digest). */
  @Column({ type: DATETIME, nullable: true })
  digestedAt!: Date | null;

  @Column({ type: DATETIME, nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;
}
