import {
  addDays,
  compareLocalDate,
  dayOfWeek,
  daysInMonth,
  diffDays,
  formatVietnameseDate,
  fromEpochDays,
  isValidLocalDate,
  lastDayOfMonth,
  makeLocalDate,
  parseLocalDate,
  parseVietnameseDate,
  toEpochDays,
  todayIn,
  tryMakeLocalDate,
} from 'src/core/time/local-date';

describe(isValidLocalDate.name, () => {
  it('should accept real days, including 29 February of leap years', () => {
    for (const d of ['2024-03-15', '2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01', '9999-12-31']) {
      expect(isValidLocalDate(d)).toBe(true);
    }
  });

  it('should reject days that do not exist', () => {
    for (const d of [
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '0000-01-01',
    ]) {
      expect(isValidLocalDate(d)).toBe(false);
    }
  });

  it('should reject other formats and non-strings', () => {
    for (const d of [
      '2024-3-15',
      '15/03/2024',
      '2024-03-15T00:00:00Z',
      ' 2024-03-15',
      '20240315',
      '',
      null,
      undefined,
      20240315,
      new Date(),
    ]) {
      expect(isValidLocalDate(d)).toBe(false);
    }
  });
});

describe(makeLocalDate.name, () => {
  it('should zero-pad the parts', () => {
    expect(makeLocalDate(2024, 3, 5)).toBe('2024-03-05');
  });

  it('should throw a RangeError for a day that does not exist', () => {
    expect(() => makeLocalDate(2023, 2, 29)).toThrow(RangeError);
    expect(() => makeLocalDate(2024, 1.5, 1)).toThrow(RangeError);
  });

  it('should return null from tryMakeLocalDate instead of throwing', () => {
    expect(tryMakeLocalDate(2023, 2, 29)).toBeNull();
    expect(tryMakeLocalDate(2024, 2, 29)).toBe('2024-02-29');
  });
});

describe(parseLocalDate.name, () => {
  it('should split a date into numbers', () => {
    expect(parseLocalDate('2024-03-15')).toEqual([2024, 3, 15]);
  });

  it('should throw a RangeError naming the bad value', () => {
    expect(() => parseLocalDate('2024-02-30')).toThrow('Invalid date "2024-02-30"');
  });
});

describe(addDays.name, () => {
  it('should cross month and year ends', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2024-06-15', 0)).toBe('2024-06-15');
  });

  it('should reject a fractional number of days or an invalid date', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
  });

  it('should agree with the epoch-day conversion over many years', () => {
    let d = '1999-12-25';
    const start = toEpochDays(d);
    const wrong: string[] = [];
    for (let i = 1; i <= 12_000; i++) {
      d = addDays(d, 1);
      if (!isValidLocalDate(d) || toEpochDays(d) !== start + i) wrong.push(d);
    }
    expect(wrong).toEqual([]);
    expect(d).toBe('2032-11-01');
    expect(toEpochDays('1970-01-01')).toBe(0);
    expect(fromEpochDays(19797)).toBe('2024-03-15');
  });
});

describe(diffDays.name, () => {
  it('should count whole days from the first date to the second', () => {
    expect(diffDays('2024-03-01', '2024-03-15')).toBe(14);
    expect(diffDays('2024-03-15', '2024-03-01')).toBe(-14);
    expect(diffDays('2024-02-28', '2024-03-01')).toBe(2);
    expect(diffDays('2023-02-28', '2023-03-01')).toBe(1);
    expect(diffDays('2023-01-01', '2024-01-01')).toBe(365);
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
  });
});

describe(dayOfWeek.name, () => {
  it('should number days from Sunday = 0', () => {
    expect(dayOfWeek('2024-02-10')).toBe(6); // Saturday, Tết Giáp Thìn
    expect(dayOfWeek('2024-02-11')).toBe(0);
    expect(dayOfWeek('2024-02-12')).toBe(1);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(dayOfWeek('2000-01-01')).toBe(6);
  });
});

describe(compareLocalDate.name, () => {
  it('should order dates chronologically', () => {
    expect(compareLocalDate('2024-03-15', '2024-12-01')).toBe(-1);
    expect(compareLocalDate('2024-12-01', '2024-03-15')).toBe(1);
    expect(compareLocalDate('2024-03-15', '2024-03-15')).toBe(0);
    expect(['2024-10-01', '2023-12-31', '2024-02-29'].sort(compareLocalDate)).toEqual([
      '2023-12-31',
      '2024-02-29',
      '2024-10-01',
    ]);
  });
});

describe(lastDayOfMonth.name, () => {
  it('should know month lengths and leap years', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2023, 2)).toBe('2023-02-28');
    expect(lastDayOfMonth(1900, 2)).toBe('1900-02-28');
    expect(lastDayOfMonth(2000, 2)).toBe('2000-02-29');
    expect(lastDayOfMonth(2024, 6)).toBe('2024-06-30');
    expect(lastDayOfMonth(2024, 12)).toBe('2024-12-31');
    expect(daysInMonth(2024, 4)).toBe(30);
  });

  it('should reject a month outside 1-12', () => {
    expect(() => lastDayOfMonth(2024, 13)).toThrow(RangeError);
    expect(() => lastDayOfMonth(2024, 0)).toThrow(RangeError);
  });
});

describe(todayIn.name, () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('should give the calendar day in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(todayIn('Asia/Ho_Chi_Minh', new Date('2024-03-14T16:59:59Z'))).toBe('2024-03-14');
    expect(todayIn('Asia/Ho_Chi_Minh', new Date('2024-03-14T17:00:00Z'))).toBe('2024-03-15');
    expect(todayIn('Asia/Ho_Chi_Minh', new Date('2023-12-31T17:30:00Z'))).toBe('2024-01-01');
  });

  it('should not depend on the process time zone', () => {
    const instant = new Date('2024-03-10T06:30:00Z'); // 13:30 in Hanoi; a DST change day in New York
    for (const tz of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.TZ = tz;
      expect(todayIn('Asia/Ho_Chi_Minh', instant)).toBe('2024-03-10');
      expect(todayIn('Asia/Ho_Chi_Minh', new Date('2024-03-09T17:00:00Z'))).toBe('2024-03-10');
      expect(todayIn('America/New_York', new Date('2024-03-10T04:59:00Z'))).toBe('2024-03-09');
    }
  });

  it('should use the current time by default', () => {
    jest.useFakeTimers().setSystemTime(new Date('2024-06-30T18:00:00Z'));
    try {
      expect(todayIn('Asia/Ho_Chi_Minh')).toBe('2024-07-01');
    } finally {
      jest.useRealTimers();
    }
  });

  it('should throw a RangeError for an unknown zone', () => {
    expect(() => todayIn('Asia/Nowhere', new Date())).toThrow(RangeError);
  });
});

describe(formatVietnameseDate.name, () => {
  it('should write dd/mm/yyyy', () => {
    expect(formatVietnameseDate('2024-03-05')).toBe('05/03/2024');
    expect(formatVietnameseDate('2024-12-31')).toBe('31/12/2024');
  });
});

describe(parseVietnameseDate.name, () => {
  it('should read d/m/yyyy with or without leading zeros and with /, - or .', () => {
    expect(parseVietnameseDate('15/3/2024')).toBe('2024-03-15');
    expect(parseVietnameseDate('05/03/2024')).toBe('2024-03-05');
    expect(parseVietnameseDate('15-3-2024')).toBe('2024-03-15');
    expect(parseVietnameseDate('15.3.2024')).toBe('2024-03-15');
    expect(parseVietnameseDate(' 29/02/2024 ')).toBe('2024-02-29');
  });

  it('should return null for days that do not exist and for other forms', () => {
    for (const s of [
      '30/02/2024',
      '29/02/2023',
      '32/1/2024',
      '15/13/2024',
      '15/3/24',
      '15/3',
      '15/3-2024',
      '2024-03-15',
      'ngày 15',
      '',
    ]) {
      expect(parseVietnameseDate(s)).toBeNull();
    }
  });

  it('should round-trip with formatVietnameseDate', () => {
    expect(parseVietnameseDate(formatVietnameseDate('2024-02-29'))).toBe('2024-02-29');
  });
});
