import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationDelivery, NotificationKind } from './notification.enums';

/** A user's choice for one kind; no row = immediate email. */
@Entity('notification_preferences')
@Index('UQ_notification_preferences_user_kind', ['userId', 'kind'], { unique: true })
export class NotificationPreference {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;

  @Column({ type: 'varchar', length: 32 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 16 })
  delivery!: NotificationDelivery;
}
