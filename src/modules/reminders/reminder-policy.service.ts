import { BadRequestException, Injectable } from '@nestjs/common';
import { ReminderPolicy } from 'src/modules/programs/program.entity';
import { ProgramsService } from 'src/modules/programs/programs.service';
import { compactOverride, effectivePolicy, loadReminderDefaults, validatePolicyOverride } from './reminder-policy';

export interface ProgramPolicyView {
  programId: number;
  policy: ReminderPolicy;
  override: Partial<ReminderPolicy> | null;
  defaults: ReminderPolicy;
}

/**
 * The reminder policy: defaults from config/reminders.json, overridden per program.
 *
 * Program.reminderPolicy belongs to the programs module: this validates the override and reads and
 * writes it through ProgramsService (get, reminderPolicyOverrides, setReminderPolicy).
 */
@Injectable()
export class ReminderPolicyService {
  private defaultsCache: ReminderPolicy | null = null;

  constructor(
    private readonly programsService: ProgramsService,
  ) {}

  /** config/reminders.json, validated once (a bad file fails the first scan, naming the field). */
  defaults(): ReminderPolicy {
    return (this.defaultsCache ??= loadReminderDefaults());
  }

  async get(programId: number): Promise<ProgramPolicyView> {
    const override = await this.readOverride(programId);
    return this.view(programId, override);
  }

  /** Replaces the program's override with `input` (fields left out follow the defaults; {} clears it). */
  async put(programId: number, input: Partial<ReminderPolicy>): Promise<ProgramPolicyView> {
    const problems = validatePolicyOverride(input);
    if (problems.length) {
      throw new BadRequestException({
        message: 'Dữ liệu không hợp lệ',
        details: problems.map((m) => ({ field: m.split(':')[0], message: m })),
      });
    }
    await this.readOverride(programId);
    const override = compactOverride(input);
    await this.writeOverride(programId, override);
    return this.view(programId, override);
  }

  /** The policies of every program that overrides the defaults (one query), by program id. */
  async overrides(): Promise<Map<number, ReminderPolicy>> {
    const rows = [...(await this.programsService.reminderPolicyOverrides())];
    const defaults = this.defaults();
    return new Map(rows.filter(([, policy]) => compactOverride(policy)).map(([id, policy]) => [id, effectivePolicy(defaults, policy)]));
  }

  private view(programId: number, override: Partial<ReminderPolicy> | null): ProgramPolicyView {
    const defaults = this.defaults();
    return { programId, policy: effectivePolicy(defaults, override), override: compactOverride(override), defaults };
  }

  private async readOverride(programId: number): Promise<Partial<ReminderPolicy> | null> {
    return (await this.programsService.get(programId)).reminderPolicy;
  }

  private async writeOverride(programId: number, override: Partial<ReminderPolicy> | null): Promise<void> {
    await this.programsService.setReminderPolicy(programId, override);
  }
}
