import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compactOverride,
  cronPattern,
  effectivePolicy,
  loadReminderDefaults,
  ReminderConfigError,
  validatePolicyOverride,
} from './reminder-policy';

describe(loadReminderDefaults.name, () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nhiemvu-policy-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (content: unknown) => {
    const file = join(dir, 'reminders.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it('should read config/reminders.json with the documented defaults', () => {
    const sut = loadReminderDefaults();
    expect(sut).toEqual({
      beforeDays: [7, 3, 1],
      onDueDate: true,
      overdueEveryDays: 7,
      escalateAfterDays: 14,
      sendTime: '07:30',
      workingDaysOnly: true,
      enabled: true,
    });
  });

  it('should refuse a file with a bad or missing field, naming it', () => {
    const ok = loadReminderDefaults();
    expect(() => loadReminderDefaults(write({ ...ok, sendTime: '7h30' }))).toThrow(/sendTime/);
    expect(() => loadReminderDefaults(write({ ...ok, beforeDays: [0] }))).toThrow(ReminderConfigError);
    const { enabled: _enabled, ...missing } = ok;
    expect(() => loadReminderDefaults(write(missing))).toThrow(/enabled: là bắt buộc/);
    expect(() => loadReminderDefaults(join(dir, 'none.json'))).toThrow(/cannot read/);
  });
});

describe(validatePolicyOverride.name, () => {
  it('should accept a partial override', () => {
    expect(validatePolicyOverride({ beforeDays: [10, 5, 1], sendTime: '23:59' })).toEqual([]);
    expect(validatePolicyOverride({})).toEqual([]);
  });

  it.each([
    [{ beforeDays: [0] }, 'beforeDays'],
    [{ beforeDays: [61] }, 'beforeDays'],
    [{ beforeDays: [3, 3] }, 'beforeDays'],
    [{ beforeDays: [1.5] }, 'beforeDays'],
    [{ beforeDays: 'x' }, 'beforeDays'],
    [{ sendTime: '24:00' }, 'sendTime'],
    [{ sendTime: '7:30' }, 'sendTime'],
    [{ overdueEveryDays: 0 }, 'overdueEveryDays'],
    [{ escalateAfterDays: 400 }, 'escalateAfterDays'],
    [{ onDueDate: 'yes' }, 'onDueDate'],
    [{ surprise: true }, 'surprise'],
  ])('should refuse %j naming %s', (input, field) => {
    const sut = validatePolicyOverride(input);
    expect(sut.length).toBeGreaterThan(0);
    expect(sut.every((m) => m.startsWith(`${field}:`))).toBe(true);
  });
});

describe(effectivePolicy.name, () => {
  it('should lay the override over the defaults and sort the offsets', () => {
    const defaults = loadReminderDefaults();
    expect(effectivePolicy(defaults, null)).toBe(defaults);
    expect(effectivePolicy(defaults, { beforeDays: [1, 10, 5], enabled: false })).toEqual({
      ...defaults,
      beforeDays: [10, 5, 1],
      enabled: false,
    });
  });

  it('should store only the fields set', () => {
    expect(compactOverride({})).toBeNull();
    expect(compactOverride({ sendTime: '09:00', beforeDays: undefined })).toEqual({ sendTime: '09:00' });
  });
});

describe(cronPattern.name, () => {
  it('should turn a local time into a daily or weekly cron pattern', () => {
    expect(cronPattern('07:30')).toBe('30 7 * * *');
    expect(cronPattern('00:05', 1)).toBe('5 0 * * 1');
    expect(() => cronPattern('7:30')).toThrow(RangeError);
  });
});
