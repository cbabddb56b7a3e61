import { isPermanentMailError } from './mail.transport';
import { MAIL_BACKOFF_MAX_MS, mailBackoff, mailJobOptions } from './mail.service';

describe(isPermanentMailError.name, () => {
  it.each([
    [{ responseCode: 550 }, true],
    [{ responseCode: 554, code: 'EENVELOPE' }, true],
    [{ responseCode: 535, code: 'EAUTH' }, true],
    [{ responseCode: 421 }, false],
    [{ responseCode: 451, code: 'EMESSAGE' }, false],
    [{ code: 'ECONNECTION' }, false],
    [{ code: 'ECONNREFUSED' }, false],
    [{ code: 'ETIMEDOUT' }, false],
    [{ code: 'EENVELOPE' }, true],
    [{ code: 'ENOENT' }, true],
    [new Error('socket hang up'), false],
  ])('should classify %j as permanent=%p', (err, expected) => {
    expect(isPermanentMailError(err)).toBe(expected);
  });
});

describe(mailBackoff.name, () => {
  it('should double from 5 s and stop growing at the cap', () => {
    expect([1, 2, 3, 4].map(mailBackoff)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(mailBackoff(8)).toBe(MAIL_BACKOFF_MAX_MS);
    expect(mailBackoff(149)).toBe(MAIL_BACKOFF_MAX_MS);
  });

  it('should give each message one deterministic job id', () => {
    expect(mailJobOptions(42)).toMatchObject({ jobId: 'mail-42' });
  });
});
