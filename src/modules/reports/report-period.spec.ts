import { DomainError } from 'src/core/http/domain-error';
import { lastClosedPeriod, resolveReportWindow } from './report-period';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe(resolveReportWindow.name, () => {
  it('should take explicit dates, asOf defaulting to to', () => {
    expect(resolveReportWindow({ from: '2020-01-01', to: '2020-06-30' }, 'cutoff')).toEqual({
      from: '2020-01-01',
      to: '2020-06-30',
      asOf: '2020-06-30',
      periodName: null,
      window: null,
      label: 'Từ ngày 01/01/2020 đến ngày 30/6/2020',
      phrase: 'kỳ báo cáo',
    });
  });

  it.each([
    ['2024-Q2', 'cutoff', '2024-03-15', '2024-06-14', 'Quý II năm 2024', 'quý II năm 2024'],
    ['2024-Q2', 'calendar', '2024-04-01', '2024-06-30', 'Quý II năm 2024', 'quý II năm 2024'],
    ['2024-H1', 'calendar', '2024-01-01', '2024-06-30', '6 tháng đầu năm 2024', '6 tháng đầu năm 2024'],
    ['2024-9M', 'cutoff', '2023-12-15', '2024-09-14', '9 tháng năm 2024', '9 tháng năm 2024'],
    ['2024', 'calendar', '2024-01-01', '2024-12-31', 'Năm 2024', 'năm 2024'],
    ['2024-06', 'calendar', '2024-06-01', '2024-06-30', 'Tháng 6 năm 2024', 'tháng 6 năm 2024'],
  ] as const)('should resolve period %s (%s) to %s – %s', (period, window, from, to, label, phrase) => {
    expect(resolveReportWindow({ period, window }, 'cutoff')).toMatchObject({ from, to, asOf: to, periodName: period, window, label, phrase });
  });

  it('should use the default window for a named period without one', () => {
    expect(resolveReportWindow({ period: '2024-q2' }, 'cutoff')).toMatchObject({ from: '2024-03-15', to: '2024-06-14', window: 'cutoff', periodName: '2024-Q2' });
  });

  it('should accept an asOf before to (and after from)', () => {
    expect(resolveReportWindow({ from: '2024-04-01', to: '2024-06-30', asOf: '2024-06-14' }, 'cutoff').asOf).toBe('2024-06-14');
  });

  it('should accept exactly five years and refuse more', () => {
    expect(resolveReportWindow({ from: '2020-01-01', to: '2024-12-31' }, 'cutoff').to).toBe('2024-12-31');
    const e = errorOf(() => resolveReportWindow({ from: '2020-01-01', to: '2025-01-01' }, 'cutoff'));
    expect(e.message).toBe('Kỳ báo cáo không được dài quá 5 năm');
    expect(e.status).toBe(400);
  });

  it.each([
    [{ from: '2024-06-30', to: '2024-04-01' }, 'Ngày bắt đầu không được sau ngày kết thúc', 'from'],
    [{ from: '2024-04-01' }, 'Thiếu ngày kết thúc kỳ báo cáo', 'to'],
    [{ to: '2024-04-01' }, 'Thiếu ngày bắt đầu kỳ báo cáo', 'from'],
    [{}, 'Cần chọn kỳ báo cáo hoặc khoảng ngày (từ ngày và đến ngày)', undefined],
    [{ period: '2024-Q2', from: '2024-04-01', to: '2024-06-30' }, 'Chỉ chọn một trong hai: kỳ báo cáo hoặc khoảng ngày (từ ngày, đến ngày)', 'period'],
    [{ from: '2024-04-01', to: '2024-06-30', window: 'calendar' }, 'Chỉ chọn cách tính kỳ (theo lịch hay theo ngày chốt số liệu) cùng với kỳ báo cáo', 'window'],
    [{ from: '2024-02-30', to: '2024-06-30' }, 'Ngày "2024-02-30" không hợp lệ: phải là ngày hợp lệ dạng YYYY-MM-DD, từ 01/01/2000 đến 31/12/2100', 'from'],
    [{ from: '2024-04-01', to: '2024-06-30', asOf: '2024-03-31' }, 'Ngày tính số liệu không được trước ngày bắt đầu kỳ báo cáo', 'asOf'],
  ] as const)('should refuse %j in Vietnamese', (input, message, field) => {
    const e = errorOf(() => resolveReportWindow(input, 'cutoff'));
    expect(e.message).toBe(message);
    expect(e.status).toBe(400);
    if (field) expect(e.details[0].field).toBe(field);
  });

  it.each(['2024-Q5', '2024-H3', '2024-13', 'Q2-2024', 'quy-2', '24'])('should refuse the unknown period %s', (period) => {
    const e = errorOf(() => resolveReportWindow({ period }, 'cutoff'));
    expect(e.message).toMatch(/^Kỳ báo cáo ".*" không hợp lệ; dùng dạng 2024, 2024-06, 2024-Q2/);
    expect(e.details[0].field).toBe('period');
  });
});

describe(lastClosedPeriod.name, () => {
  it('should default to the last quarter that has closed, not Quý I in December', () => {
    expect(lastClosedPeriod('2026-12-05', 'quarter', 'calendar')).toMatchObject({ name: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
    expect(lastClosedPeriod('2026-12-15', 'quarter', 'cutoff')).toMatchObject({ name: '2026-Q4', from: '2026-09-15', to: '2026-12-14' });
    expect(lastClosedPeriod('2026-12-14', 'quarter', 'cutoff').name).toBe('2026-Q3');
  });

  it('should reach back into the year before in its first weeks', () => {
    expect(lastClosedPeriod('2026-01-10', 'quarter', 'calendar').name).toBe('2025-Q4');
    expect(lastClosedPeriod('2026-01-10', 'year', 'calendar').name).toBe('2025');
    expect(lastClosedPeriod('2026-01-10', 'half', 'cutoff').name).toBe('2025-H2');
    expect(lastClosedPeriod('2026-01-01', 'month', 'calendar').name).toBe('2025-12');
    expect(lastClosedPeriod('2026-07-01', 'half', 'calendar').name).toBe('2026-H1');
  });
});
