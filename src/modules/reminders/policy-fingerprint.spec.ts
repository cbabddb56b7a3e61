import { ReminderPolicy } from 'src/modules/programs/program.entity';
import { loadReminderDefaults } from './reminder-policy';
import { parsePolicyFingerprint, policyFingerprint, policyResetScope } from './policy-fingerprint';

/** The shipped defaults (config/reminders.json). */
const base: ReminderPolicy = loadReminderDefaults();
const other = (p: Partial<ReminderPolicy>) => ({ ...base, ...p });

describe(policyResetScope.name, () => {
  const fp = (defaults: ReminderPolicy, overrides: [number, ReminderPolicy][]) => policyFingerprint(defaults, new Map(overrides));

  it('should reset nothing when nothing changed, whatever the order the overrides come in', () => {
    const a = fp(base, [[1, other({ overdueEveryDays: 3 })], [2, other({ enabled: false })]]);
    const b = fp(base, [[2, other({ enabled: false })], [1, other({ overdueEveryDays: 3 })]]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(policyResetScope(a, b)).toEqual({ programIds: [], others: false });
  });

  it('should reset only the program whose override came, changed or went', () => {
    const before = fp(base, [[1, other({ overdueEveryDays: 3 })], [2, other({ enabled: false })]]);
    expect(policyResetScope(before, fp(base, [[1, other({ overdueEveryDays: 5 })], [2, other({ enabled: false })]]))).toEqual({ programIds: [1], others: false });
    expect(policyResetScope(before, fp(base, [[2, other({ enabled: false })]]))).toEqual({ programIds: [1], others: false });
    expect(policyResetScope(before, fp(base, [[1, other({ overdueEveryDays: 3 })], [2, other({ enabled: false })], [9, other({ onDueDate: false })]]))).toEqual({
      programIds: [9],
      others: false,
    });
  });

  it('should reset the tasks that follow the defaults when they change, and the overriding programs whose policy moved with them', () => {
    const newDefaults = other({ beforeDays: [10, 5] });
    const before = fp(base, [[1, other({ overdueEveryDays: 3 })], [2, other({ beforeDays: [2] })]]);
    // Program 1 overrides only overdueEveryDays, so its effective policy takes the new beforeDays; program 2 keeps its own.
    const now = fp(newDefaults, [[1, { ...newDefaults, overdueEveryDays: 3 }], [2, other({ beforeDays: [2] })]]);
    expect(policyResetScope(before, now)).toEqual({ programIds: [1], others: true });
    // A program that dropped its override follows the defaults now: among the others.
    expect(policyResetScope(before, fp(newDefaults, [[2, other({ beforeDays: [2] })]]))).toEqual({ programIds: [], others: true });
  });
});

describe(parsePolicyFingerprint.name, () => {
  it('should read back what it stored and refuse anything else', () => {
    const f = policyFingerprint(base, new Map([[4, other({ enabled: false })]]));
    expect(parsePolicyFingerprint(JSON.stringify(f))).toEqual(f);
    for (const bad of [null, undefined, '', 'a3f9c0', '{}', '{"defaults":1,"programs":{}}', 'null', '[1]']) expect(parsePolicyFingerprint(bad)).toBeNull();
  });
});
