import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { Program, ReminderPolicy } from 'src/modules/programs/program.entity';
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
 * Program.reminderPolicy belongs to the programs module. ProgramsService.get() reads a program (and
 * answers 404), but it has no method that writes this column (its update DTO does not carry it), so
 * writeOverride() updates that one column through this module's own Program repository — an UPDATE
 * of `reminderPolicy` alone, nothing else of the program. Replace it with a ProgramsService method
 * when the programs module gets one. The scan's bulk read of the overrides uses the same repository
 * (one query for all programs that have one).
 */
@Injectable()
export class ReminderPolicyService {
  private defaultsCache: ReminderPolicy | null = null;

  constructor(
    @InjectRepository(Program) private readonly programs: Repository<Program>,
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
    const rows = await this.programs.find({
      select: { id: true, reminderPolicy: true },
      where: { reminderPolicy: Not(IsNull()) },
    });
    const defaults = this.defaults();
    return new Map(
      rows
        .filter((r) => compactOverride(r.reminderPolicy))
        .map((r) => [r.id, effectivePolicy(defaults, r.reminderPolicy)]),
    );
  }

  private view(programId: number, override: Partial<ReminderPolicy> | null): ProgramPolicyView {
    const defaults = this.defaults();
    return { programId, policy: effectivePolicy(defaults, override), override: compactOverride(override), defaults };
  }

  private async readOverride(programId: number): Promise<Partial<ReminderPolicy> | null> {
    return (await this.programsService.get(programId)).reminderPolicy;
  }

  private async writeOverride(programId: number, override: Partial<ReminderPolicy> | null): Promise<void> {
    await this.programs.update({ id: programId }, { reminderPolicy: override });
  }
}
