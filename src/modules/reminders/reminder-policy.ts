import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from 'src/core/config/project-root';
import { fieldLabel } from 'src/core/http/field-labels';
import { toFieldErrors } from 'src/core/http/vietnamese-messages';
import { ReminderPolicy } from 'src/modules/programs/program.entity';
import { ReminderPolicyDto } from './dto/reminder-policy.dto';

export const POLICY_KEYS: readonly (keyof ReminderPolicy)[] = [
  'beforeDays',
  'onDueDate',
  'overdueEveryDays',
  'escalateAfterDays',
  'sendTime',
  'workingDaysOnly',
  'enabled',
];

export class ReminderConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReminderConfigError';
  }
}

export function reminderDefaultsPath(): string {
  return join(projectRoot(), 'config', 'reminders.json');
}

/** Reads and validates config/reminders.json (every field required). Throws a ReminderConfigError naming the bad field. */
export function loadReminderDefaults(file: string = reminderDefaultsPath()): ReminderPolicy {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new ReminderConfigError(`${file}: cannot read: ${(err as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ReminderConfigError(`${file}: expected an object`);
  delete raw._comment;
  const problems = validatePolicyOverride(raw);
  const missing = POLICY_KEYS.filter((k) => raw[k] === undefined);
  if (missing.length) problems.push(...missing.map((k) => `${k}: là bắt buộc`));
  if (problems.length) throw new ReminderConfigError(`${file}: ${problems.join('; ')}`);
  return normalizePolicy(raw as unknown as ReminderPolicy);
}

/** Field problems of a (partial) policy, as the API reports them; [] when valid. Unknown fields are refused. */
export function validatePolicyOverride(raw: Record<string, unknown>): string[] {
  const dto = plainToInstance(ReminderPolicyDto, raw);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  // Named by key ("sendTime: …"): config/reminders.json is read by operators; through the API the
  // error filter turns the key into its Vietnamese label.
  return toFieldErrors(errors).map((e) => {
    const label = fieldLabel(e.field);
    return `${e.field}: ${e.message.startsWith(`${label}: `) ? e.message.slice(label.length + 2) : 'trường này không được phép'}`;
  });
}

/** Offsets sorted from the farthest to the nearest day before the deadline, without repeats. */
export function normalizePolicy(p: ReminderPolicy): ReminderPolicy {
  return { ...p, beforeDays: [...new Set(p.beforeDays)].sort((a, b) => b - a) };
}

/** Only the known fields that are set: what is stored in Program.reminderPolicy. Null when nothing is overridden. */
export function compactOverride(input: Partial<ReminderPolicy> | null | undefined): Partial<ReminderPolicy> | null {
  if (!input) return null;
  const out: Partial<ReminderPolicy> = {};
  for (const key of POLICY_KEYS) {
    const value = input[key];
    if (value !== undefined && value !== null) (out as Record<string, unknown>)[key] = value;
  }
  return Object.keys(out).length ? out : null;
}

/** The policy that applies to a program: its override over the defaults. */
export function effectivePolicy(
  defaults: ReminderPolicy,
  override: Partial<ReminderPolicy> | null | undefined,
): ReminderPolicy {
  const o = compactOverride(override);
  return o ? normalizePolicy({ ...defaults, ...o }) : defaults;
}

/** The cron pattern of a local time: '07:30' → '30 7 * * *'; with a weekday (1 = Monday) → '30 7 * * 1'. */
export function cronPattern(sendTime: string, dayOfWeek?: number): string {
  const m = /^(\d{2}):(\d{2})$/.exec(sendTime);
  if (!m) throw new RangeError(`Invalid send time ${JSON.stringify(sendTime)}: expected HH:MM`);
  return `${Number(m[2])} ${Number(m[1])} * * ${dayOfWeek ?? '*'}`;
}
