import { createHash } from 'node:crypto';
import { ReminderPolicy } from 'src/modules/programs/program.entity';

/**
 * What the reminder days in task_reminder_days were computed with (reminder_state, key
 * policyFingerprint): a hash of the default policy and of each overriding program's effective policy.
 * Kept per program so that a change resets only the tasks whose policy changed.
 */
export interface PolicyFingerprint {
  defaults: string;
  /** Program id → hash of its effective policy (defaults merged with its override). */
  programs: Record<string, string>;
}

/** Which tasks go back to the floor: those of `programIds`, and with `others` every task of no program or of a program without an override. */
export interface PolicyResetScope {
  programIds: number[];
  others: boolean;
}

const hash = (p: ReminderPolicy) => createHash('sha256').update(JSON.stringify(p)).digest('hex');

export function policyFingerprint(defaults: ReminderPolicy, overrides: Map<number, ReminderPolicy>): PolicyFingerprint {
  const programs: Record<string, string> = {};
  for (const [id, policy] of [...overrides].sort((a, b) => a[0] - b[0])) programs[String(id)] = hash(policy);
  return { defaults: hash(defaults), programs };
}

/** The stored value read back; null when it is not one (nothing stored, or the one hash of earlier versions). */
export function parsePolicyFingerprint(value: string | null | undefined): PolicyFingerprint | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<PolicyFingerprint> | null;
    return parsed && typeof parsed.defaults === 'string' && parsed.programs && typeof parsed.programs === 'object'
      ? { defaults: parsed.defaults, programs: parsed.programs }
      : null;
  } catch {
    return null;
  }
}

/**
 * The tasks whose effective policy differs between `before` and `now`: a program's is its own hash,
 * else the defaults'. A program whose override came, went or changed is listed; when the defaults
 * changed, the tasks following them now (`others`) are reset too, and the programs that still
 * override are listed only if their own effective policy changed.
 */
export function policyResetScope(before: PolicyFingerprint, now: PolicyFingerprint): PolicyResetScope {
  const others = before.defaults !== now.defaults;
  const ids = new Set([...Object.keys(before.programs), ...Object.keys(now.programs)]);
  const programIds = [...ids]
    .filter((id) => (before.programs[id] ?? before.defaults) !== (now.programs[id] ?? now.defaults))
    // With `others`, a program without an override now is among them already.
    .filter((id) => !others || id in now.programs)
    .map(Number)
    .sort((a, b) => a - b);
  return { programIds, others };
}
