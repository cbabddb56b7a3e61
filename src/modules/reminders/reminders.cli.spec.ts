import { CliUsageError, formatScanSummary, parseRemindArgs } from './reminders.cli';
import { MailKind } from 'src/modules/mail/mail.enums';

describe(parseRemindArgs.name, () => {
  it('should read --as-of in both forms', () => {
    expect(parseRemindArgs([])).toEqual({});
    expect(parseRemindArgs(['--as-of', '2024-07-15'])).toEqual({ asOf: '2024-07-15' });
    expect(parseRemindArgs(['--as-of=2024-07-15'])).toEqual({ asOf: '2024-07-15' });
  });

  it('should refuse a bad day or an unknown option', () => {
    expect(() => parseRemindArgs(['--as-of', '2024-02-30'])).toThrow(CliUsageError);
    expect(() => parseRemindArgs(['--as-of'])).toThrow(/YYYY-MM-DD/);
    expect(() => parseRemindArgs(['--now'])).toThrow(/unknown option --now/);
  });
});

describe(formatScanSummary.name, () => {
  it('should list the digests with their recipients and subject', () => {
    const sut = formatScanSummary({
      asOf: '2024-07-15',
      points: 2,
      digests: [
        {
          agencyId: 1,
          agencyCode: 'STC',
          agencyName: 'Sở Tài chính',
          kind: MailKind.ReminderDigest,
          mailMessageId: 3,
          subject: '[Nhắc việc] Sở Tài chính: 2 nhiệm vụ quá hạn',
          to: ['stc@nhiemvu.example'],
          cc: [],
          points: [],
          escalationMailMessageId: 4,
          letterId: 1,
        },
      ],
      conflicts: [],
      failed: [],
      skipped: null,
      durationMs: 12,
    });
    expect(sut).toContain('reminder scan as of 2024-07-15: 2 point(s), 1 digest(s) in 12 ms');
    expect(sut).toContain('[Nhắc việc] Sở Tài chính: 2 nhiệm vụ quá hạn');
    expect(sut).toContain('mail #4 escalation');
  });
});
