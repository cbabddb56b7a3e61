import { periodsEndingOn, resolvePeriod } from 'src/modules/calendar/periods';

describe(resolvePeriod.name, () => {
  describe('calendar windows', () => {
    it.each([
      ['2024-Q1', '2024-01-01', '2024-03-31', 'Quý I năm 2024'],
      ['2024-Q2', '2024-04-01', '2024-06-30', 'Quý II năm 2024'],
      ['2024-Q3', '2024-07-01', '2024-09-30', 'Quý III năm 2024'],
      ['2024-Q4', '2024-10-01', '2024-12-31', 'Quý IV năm 2024'],
      ['2024-H1', '2024-01-01', '2024-06-30', '6 tháng đầu năm 2024'],
      ['2024-H2', '2024-07-01', '2024-12-31', '6 tháng cuối năm 2024'],
      ['2024-9M', '2024-01-01', '2024-09-30', '9 tháng năm 2024'],
      ['2024', '2024-01-01', '2024-12-31', 'Năm 2024'],
      ['2024-06', '2024-06-01', '2024-06-30', 'Tháng 6 năm 2024'],
      ['2024-02', '2024-02-01', '2024-02-29', 'Tháng 2 năm 2024'],
      ['2023-02', '2023-02-01', '2023-02-28', 'Tháng 2 năm 2023'],
    ])('should resolve %s to %s – %s', (name, from, to, label) => {
      expect(resolvePeriod(name, 'calendar')).toEqual(expect.objectContaining({ name, from, to, label }));
    });
  });

  describe('cut-off windows (Nghị định 09/2019/NĐ-CP)', () => {
    it.each([
      ['2024-Q1', '2023-12-15', '2024-03-14'],
      ['2024-Q2', '2024-03-15', '2024-06-14'],
      ['2024-Q3', '2024-06-15', '2024-09-14'],
      ['2024-Q4', '2024-09-15', '2024-12-14'],
      ['2024-H1', '2023-12-15', '2024-06-14'],
      ['2024-H2', '2024-06-15', '2024-12-14'],
      ['2024-9M', '2023-12-15', '2024-09-14'],
      ['2024', '2023-12-15', '2024-12-14'],
      ['2024-06', '2024-05-15', '2024-06-14'],
      ['2024-01', '2023-12-15', '2024-01-14'],
    ])('should resolve %s to %s – %s', (name, from, to) => {
      expect(resolvePeriod(name, 'cutoff')).toEqual(expect.objectContaining({ name, from, to }));
    });

    it('should keep the same label as the calendar window', () => {
      expect(resolvePeriod('2024-Q2', 'cutoff').label).toBe('Quý II năm 2024');
    });
  });

  it('should report the kind of period', () => {
    expect(['2024-06', '2024-Q2', '2024-H1', '2024-9M', '2024'].map((n) => resolvePeriod(n, 'calendar').kind)).toEqual([
      'month',
      'quarter',
      'half',
      'nine_months',
      'year',
    ]);
  });

  it('should accept lowercase, surrounding spaces and a one-digit month, and return the canonical name', () => {
    expect(resolvePeriod(' 2024-q2 ', 'calendar').name).toBe('2024-Q2');
    expect(resolvePeriod('2024-h1', 'calendar').name).toBe('2024-H1');
    expect(resolvePeriod('2024-9m', 'calendar').name).toBe('2024-9M');
    expect(resolvePeriod('2024-6', 'calendar').name).toBe('2024-06');
  });

  it.each([
    '2024-Q5',
    '2024-Q0',
    '2024-H3',
    '2024-13',
    '2024-00',
    '24-Q1',
    'Q2-2024',
    '2024Q2',
    '',
    'quý II/2024',
    '0000',
  ])('should throw a RangeError for %j', (name) => {
    expect(() => resolvePeriod(name, 'calendar')).toThrow(RangeError);
    expect(() => resolvePeriod(name, 'calendar')).toThrow(/Unknown period/);
  });

  it('should throw a RangeError for an unknown window', () => {
    expect(() => resolvePeriod('2024', 'fiscal' as 'calendar')).toThrow(RangeError);
  });
});

describe(periodsEndingOn.name, () => {
  const names = (to: string, window: 'calendar' | 'cutoff') => periodsEndingOn(to, window).map((p) => p.name);

  it('should list the calendar periods that end on a day', () => {
    expect(names('2024-03-31', 'calendar')).toEqual(['2024-Q1']);
    expect(names('2024-06-30', 'calendar')).toEqual(['2024-Q2', '2024-H1']);
    expect(names('2024-09-30', 'calendar')).toEqual(['2024-Q3', '2024-9M']);
    expect(names('2024-12-31', 'calendar')).toEqual(['2024-Q4', '2024-H2', '2024']);
  });

  it('should list the cut-off periods that end on a day', () => {
    expect(names('2024-03-14', 'cutoff')).toEqual(['2024-Q1']);
    expect(names('2024-06-14', 'cutoff')).toEqual(['2024-Q2', '2024-H1']);
    expect(names('2024-09-14', 'cutoff')).toEqual(['2024-Q3', '2024-9M']);
    expect(names('2024-12-14', 'cutoff')).toEqual(['2024-Q4', '2024-H2', '2024']);
  });

  it('should return nothing for a day no quarter, half-year or year ends on, including month ends', () => {
    expect(names('2024-05-31', 'calendar')).toEqual([]);
    expect(names('2024-06-30', 'cutoff')).toEqual([]);
    expect(names('2024-05-14', 'cutoff')).toEqual([]);
  });

  it('should return full periods', () => {
    expect(periodsEndingOn('2024-06-14', 'cutoff')[1]).toEqual({
      name: '2024-H1',
      kind: 'half',
      from: '2023-12-15',
      to: '2024-06-14',
      label: '6 tháng đầu năm 2024',
    });
  });
});
