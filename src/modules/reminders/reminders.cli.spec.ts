import { CliUsageError, formatScanSummary, parseAsOf } from './reminders.cli';
import { MailKind } from 'src/modules/mail/mail.enums';

describe(parseAsOf.name, () => {
  it('should take a real day', () => {
    expect(parseAsOf('2024-07-15')).toBe('2024-07-15');
    expect(parseAsOf('2024-02-29')).toBe('2024-02-29');
  });

  it.each(['2024-02-30', '2023-02-29', '15/07/2024', '', '1999-12-31'])('should refuse %j', (value) => {
    expect(() => parseAsOf(value)).toThrow(CliUsageError);
    expect(() => parseAsOf(value)).toThrow(/YYYY-MM-DD/);
  });
});

describe(formatScanSummary.name, () => {
  it('should list the digests with their recipients and subject', () => {
    const sut = formatScanSummary({
      asOf: '2024-07-15',
      candidates: 3,
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
