import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DATETIME } from 'src/core/database/column-types';
import { Task } from 'src/modules/tasks/task.entity';
import { MailKind, MailStatus } from './mail.enums';

export interface MailAttachmentRef {
  filename: string;
  /** Path relative to DATA_DIR/files. */
  path: string;
  contentType: string;
}

/** The mail log: every message the system sends and its fate. */
@Entity('mail_messages')
@Index('IDX_mail_messages_status_created', ['status', 'createdAt'])
@Index('IDX_mail_messages_kind_created', ['kind', 'createdAt'])
export class MailMessage {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  kind!: MailKind;

  @Column({ type: 'simple-json' })
  to!: string[];

  @Column({ type: 'simple-json' })
  cc!: string[];

  /** Lowercased recipients joined with commas, for the `to` filter of the mail log. */
  @Column({ type: 'text', default: '' })
  recipientsText!: string;

  @Column({ type: 'varchar', length: 500 })
  subject!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'simple-json' })
  attachments!: MailAttachmentRef[];

  @Column({ type: 'varchar', length: 16 })
  status!: MailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** Message-ID given by the transport. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  messageId!: string | null;

  @Index('IDX_mail_messages_agency')
  @Column({ type: 'integer', nullable: true })
  agencyId!: number | null;

  @ManyToMany(() => Task)
  @JoinTable({
    name: 'mail_message_tasks',
    joinColumn: { name: 'mailMessageId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'taskId', referencedColumnName: 'id' },
  })
  tasks?: Task[];

  @Column({ type: DATETIME, nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: DATETIME })
  createdAt!: Date;

  @UpdateDateColumn({ type: DATETIME })
  updatedAt!: Date;
}
