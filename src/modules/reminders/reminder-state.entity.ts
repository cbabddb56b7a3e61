import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Small facts the reminder scan keeps between runs, by key. Today one: `policyFingerprint`, the
 * reminder policies (defaults and every program's override) that task_reminder_days was computed
 * with; when they differ the scan resets the stored days to the writers' floor (RemindersService).
 */
@Entity('reminder_state')
export class ReminderState {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'text' })
  value!: string;
}
