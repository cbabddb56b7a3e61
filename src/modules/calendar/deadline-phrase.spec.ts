import { findDeadline, parseDeadline } from 'src/modules/calendar/deadline-phrase';

const due = (text: string) => parseDeadline(text)?.dueDate;

describe(parseDeadline.name, () => {
  describe('full dates', () => {
    it.each([
      ['15/3/2024', '2024-03-15'],
      ['15/03/2024', '2024-03-15'],
      ['15-3-2024', '2024-03-15'],
      ['15.3.2024', '2024-03-15'],
      ['15 / 3 / 2024', '2024-03-15'],
      ['ngày 15/3/2024', '2024-03-15'],
      ['Trước ngày 15/3/2024', '2024-03-15'],
      ['trước 15/3/2024', '2024-03-15'],
      ['Ngày 15 tháng 3 năm 2024', '2024-03-15'],
      ['ngày 15 tháng 03 năm 2024', '2024-03-15'],
      ['trước ngày 15 tháng 3 năm 2024', '2024-03-15'],
      ['ngay 15 thang 3 nam 2024', '2024-03-15'],
      ['ngày 5 tháng 9/2024', '2024-09-05'],
      ['2024-03-15', '2024-03-15'],
      ['29/02/2024', '2024-02-29'],
      ['Chậm nhất ngày 31/12/2024', '2024-12-31'],
    ])('should read %j as %s', (text, date) => {
      expect(parseDeadline(text)).toEqual({ dueDate: date, recurring: false, matched: expect.any(String) as unknown });
      expect(due(text)).toBe(date);
    });

    it.each([
      '30/02/2024',
      '29/02/2023',
      '31/4/2024',
      '32/1/2024',
      '15/13/2024',
      'ngày 30 tháng 2 năm 2024',
      '2024-02-30',
    ])('should return null for the day that does not exist %j', (text) => {
      expect(parseDeadline(text)).toBeNull();
    });

    it.each(['15/3/24', '15/3', 'trước ngày 15/3', '3/15/2024'])(
      'should not guess from the incomplete or ambiguous %j',
      (text) => {
        expect(parseDeadline(text)).toBeNull();
      },
    );
  });

  describe('months', () => {
    it.each([
      ['tháng 6/2024', '2024-06-30'],
      ['Tháng 6 năm 2024', '2024-06-30'],
      ['Tháng 06/2024', '2024-06-30'],
      ['tháng 6-2024', '2024-06-30'],
      ['T6/2024', '2024-06-30'],
      ['t6/2024', '2024-06-30'],
      ['trong tháng 11/2023', '2023-11-30'],
      ['Trong tháng 2/2024', '2024-02-29'],
      ['tháng 2/2023', '2023-02-28'],
      ['Tháng 12/2024', '2024-12-31'],
      ['6/2024', '2024-06-30'],
      ['06/2024', '2024-06-30'],
      ['thang 9 nam 2024', '2024-09-30'],
    ])('should read %j as the last day of the month, %s', (text, date) => {
      expect(due(text)).toBe(date);
    });

    it.each(['tháng 13/2024', 'T0/2024', '13/2024', 'tháng 6'])('should return null for %j', (text) => {
      expect(parseDeadline(text)).toBeNull();
    });
  });

  describe('quarters', () => {
    it.each([
      ['Quý I/2024', '2024-03-31'],
      ['Quý II/2024', '2024-06-30'],
      ['Quý III/2024', '2024-09-30'],
      ['Quý IV/2024', '2024-12-31'],
      ['quý 2 năm 2024', '2024-06-30'],
      ['Quý IV năm 2024', '2024-12-31'],
      ['quý 1/2025', '2025-03-31'],
      ['Quý II - 2024', '2024-06-30'],
      ['quy 2 nam 2024', '2024-06-30'],
      ['QUÝ III NĂM 2024', '2024-09-30'],
      ['trong Quý I/2024', '2024-03-31'],
      ['Q2/2024', '2024-06-30'],
      ['  Quý   II  /  2024 ', '2024-06-30'],
    ])('should read %j as the last day of the quarter, %s', (text, date) => {
      expect(due(text)).toBe(date);
    });

    it.each(['Quý V/2024', 'Quý II', 'quý 5 năm 2024'])('should return null for %j', (text) => {
      expect(parseDeadline(text)).toBeNull();
    });
  });

  describe('half-years, nine months and years', () => {
    it.each([
      ['6 tháng đầu năm 2024', '2024-06-30'],
      ['Sáu tháng đầu năm 2024', '2024-06-30'],
      ['giữa năm 2024', '2024-06-30'],
      ['Giua nam 2024', '2024-06-30'],
      ['6 tháng năm 2024', '2024-06-30'],
      ['9 tháng đầu năm 2024', '2024-09-30'],
      ['9 tháng năm 2024', '2024-09-30'],
      ['6 tháng cuối năm 2024', '2024-12-31'],
      ['cuối năm 2024', '2024-12-31'],
      ['Cuối năm 2024', '2024-12-31'],
      ['năm 2024', '2024-12-31'],
      ['Năm 2024', '2024-12-31'],
      ['trong năm 2024', '2024-12-31'],
      ['2024', '2024-12-31'],
      ['6 thang cuoi nam 2024', '2024-12-31'],
    ])('should read %j as %s', (text, date) => {
      expect(due(text)).toBe(date);
    });

    it.each(['đầu năm 2024', 'năm 2025-2024', 'cuối năm', 'năm 1945', 'năm 2300'])(
      'should return null for %j',
      (text) => {
        expect(parseDeadline(text)).toBeNull();
      },
    );
  });

  describe('recurring', () => {
    it.each([
      'Thường xuyên',
      'thuong xuyen',
      'THƯỜNG XUYÊN',
      'Hằng năm',
      'hàng năm',
      'hang nam',
      'Định kỳ',
      'Định kỳ hằng tháng',
      'Hằng quý',
    ])('should read %j as recurring without a due date', (text) => {
      expect(parseDeadline(text)).toEqual({ dueDate: null, recurring: true, matched: expect.any(String) as unknown });
    });

    it('should prefer a date to a recurring word', () => {
      expect(parseDeadline('Hằng năm, trước ngày 15/12/2024')).toEqual({
        dueDate: '2024-12-15',
        recurring: false,
        matched: 'ngày 15/12/2024',
      });
    });
  });

  describe('forms of issue #12', () => {
    it.each([
      ['Quí II/2025', '2025-06-30'],
      ['trong quí 3 năm 2025', '2025-09-30'],
      ['Quý II, III/2025', '2025-09-30'],
      ['Quý I, II và III năm 2025', '2025-09-30'],
      ['Tháng 6, 2025', '2025-06-30'],
      ['Năm 2025-2026', '2026-12-31'],
      ['giai đoạn 2026-2030', '2030-12-31'],
      ['45838', '2025-06-30'],
      ['trong dịp Tết Nguyên đán Ất Tỵ năm 2025', '2025-01-29'],
      ['Trước Tết Nguyên đán 2026', '2026-02-17'],
    ])('should read %j as %s', (text, date) => {
      expect(due(text)).toBe(date);
    });

    it('should keep an event the calendar does not know as a phrase without a due date', () => {
      expect(parseDeadline('dịp Tết Nguyên đán năm 2090')).toEqual({
        dueDate: null,
        recurring: false,
        matched: 'dịp Tết Nguyên đán năm 2090',
        unknownEvent: true,
      });
    });

    it('should keep "định kỳ 6 tháng, hàng năm" whole', () => {
      expect(parseDeadline('Định kỳ 6 tháng, hàng năm')).toEqual({
        dueDate: null,
        recurring: true,
        matched: 'Định kỳ 6 tháng, hàng năm',
      });
    });

    it('should read a period of years in a sentence only after a deadline word', () => {
      expect(findDeadline('Kế hoạch phát triển giai đoạn 2026-2030')).toBeNull();
      expect(findDeadline('hoàn thành trong giai đoạn 2026-2030')?.dueDate).toBe('2030-12-31');
    });
  });

  describe('several phrases in a cell', () => {
    it('should take the last one', () => {
      expect(due('Tháng 6/2024, Quý IV/2024')).toBe('2024-12-31');
    });

    it('should not let a remark in parentheses win', () => {
      expect(due('Quý II/2024 (trình HĐND tỉnh tháng 7/2024)')).toBe('2024-06-30');
    });

    it('should let an introduced phrase win, even in parentheses', () => {
      expect(due('Tháng 6/2024 (gia hạn đến tháng 9/2024)')).toBe('2024-09-30');
    });
  });

  describe('matched text', () => {
    it('should quote the phrase as written, without the introducing word', () => {
      expect(parseDeadline('Trước ngày 15/3/2024')?.matched).toBe('ngày 15/3/2024');
      expect(parseDeadline('  Quý   II/2024 ')?.matched).toBe('Quý   II/2024');
      expect(parseDeadline('Thường xuyên')?.matched).toBe('Thường xuyên');
      expect(parseDeadline('6 tháng đầu năm 2024')?.matched).toBe('6 tháng đầu năm 2024');
    });

    it('should quote decomposed (NFD) text in composed form', () => {
      expect(parseDeadline('Thường xuyên'.normalize('NFD'))?.matched).toBe('Thường xuyên');
    });
  });

  it.each(['', '   ', 'Đang thực hiện', 'Sớm nhất có thể', 'x'])(
    'should return null when nothing is recognised: %j',
    (text) => {
      expect(parseDeadline(text)).toBeNull();
    },
  );

  it('should return null for a value that is not a string', () => {
    expect(parseDeadline(undefined as unknown as string)).toBeNull();
    expect(parseDeadline(45000 as unknown as string)).toBeNull();
  });
});

describe(findDeadline.name, () => {
  it.each([
    ['Xây dựng Đề án phát triển du lịch, hoàn thành trong tháng 11/2023', '2023-11-30', 'tháng 11/2023'],
    ['Phấn đấu đến cuối năm 2023 hoàn thành việc số hóa hồ sơ', '2023-12-31', 'cuối năm 2023'],
    ['Triển khai thí điểm, đánh giá đến giữa năm 2024', '2024-06-30', 'giữa năm 2024'],
    ['Ban hành Kế hoạch thực hiện trong Quý I/2024', '2024-03-31', 'Quý I/2024'],
    ['Báo cáo UBND tỉnh trước ngày 15/3/2024', '2024-03-15', 'ngày 15/3/2024'],
    ['Trình HĐND tỉnh tại kỳ họp thường lệ, thời hạn: Quý II/2024', '2024-06-30', 'Quý II/2024'],
    ['Hoàn thành 6 tháng đầu năm 2024', '2024-06-30', '6 tháng đầu năm 2024'],
  ])('should find the deadline in %j', (text, date, matched) => {
    expect(findDeadline(text)).toEqual({ dueDate: date, recurring: false, matched });
  });

  it('should prefer the phrase introduced by a deadline word to a later one', () => {
    expect(findDeadline('Hoàn thành trước 30/6/2024 để trình HĐND tỉnh tại kỳ họp tháng 7/2024')?.dueDate).toBe(
      '2024-06-30',
    );
    expect(findDeadline('Kế hoạch năm 2024: hoàn thành trong Quý II/2024, báo cáo kết quả Quý III/2024')?.dueDate).toBe(
      '2024-06-30',
    );
  });

  it('should prefer "hoàn thành" and "trước" to "đến" and "trong"', () => {
    expect(findDeadline('Trong năm 2024, hoàn thành việc rà soát trước ngày 30/9/2024')?.dueDate).toBe('2024-09-30');
    expect(findDeadline('Hoàn thành trước 30/6/2024, duy trì đến cuối năm 2024')?.dueDate).toBe('2024-06-30');
  });

  it('should take the last of several phrases when none is introduced', () => {
    expect(findDeadline('Kế hoạch năm 2023; tổng kết Quý IV/2024')?.dueDate).toBe('2024-12-31');
  });

  it('should take the last of several introduced phrases of the same strength', () => {
    expect(findDeadline('Từ 01/01/2024 đến 31/3/2024 và đến 30/6/2024')?.dueDate).toBe('2024-06-30');
  });

  it('should ignore the date of a cited document', () => {
    expect(
      findDeadline('Thực hiện Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ, hoàn thành trong tháng 11/2023'),
    ).toEqual({ dueDate: '2023-11-30', recurring: false, matched: 'tháng 11/2023' });
    expect(findDeadline('Triển khai Quyết định số 123/QĐ-UBND ngày 15 tháng 3 năm 2024')).toBeNull();
    expect(findDeadline('Theo Kết luận số 10-KL/TU ngày 2/2/2024; thực hiện Quý II/2024')?.dueDate).toBe('2024-06-30');
    expect(findDeadline('Theo Thông báo ngày 2/2/2024 của UBND tỉnh')).toBeNull();
  });

  it('should not read document numbers as months', () => {
    expect(findDeadline('Triển khai Nghị định 09/2019/NĐ-CP về chế độ báo cáo')).toBeNull();
    expect(findDeadline('Thực hiện Nghị quyết 12/2023/NQ-HĐND')).toBeNull();
  });

  it('should not read a bare month/year or year in a sentence', () => {
    expect(findDeadline('Tổng kết giai đoạn 6/2024')).toBeNull();
    expect(findDeadline('Dự án 2024')).toBeNull();
  });

  it('should ignore years that cannot be deadlines', () => {
    expect(findDeadline('Tổ chức trong tháng 8/2025 kỷ niệm Cách mạng tháng Tám năm 1945')?.dueDate).toBe('2025-08-31');
    expect(findDeadline('Tổ chức tháng 8/2025 kỷ niệm Cách mạng tháng Tám năm 1945')?.dueDate).toBe('2025-08-31');
  });

  it('should find a recurring phrase when there is no date', () => {
    expect(findDeadline('Kiểm tra, đôn đốc thường xuyên việc thực hiện')).toEqual({
      dueDate: null,
      recurring: true,
      matched: 'thường xuyên',
    });
  });

  it('should prefer a date to a recurring word', () => {
    expect(findDeadline('Thường xuyên cập nhật; hoàn thành cơ sở dữ liệu trong Quý III/2024')?.dueDate).toBe(
      '2024-09-30',
    );
  });

  it('should work without diacritics and with extra spaces', () => {
    expect(findDeadline('hoan thanh   trong  quy 2 nam 2024')?.dueDate).toBe('2024-06-30');
  });

  it('should return null when the deciding date does not exist', () => {
    expect(findDeadline('Hoàn thành trước ngày 30/02/2024')).toBeNull();
    expect(findDeadline('Năm 2024, hoàn thành trước ngày 30/02/2024')).toBeNull();
  });

  it('should return null when nothing is recognised', () => {
    expect(findDeadline('Tăng cường công tác quản lý nhà nước về đất đai')).toBeNull();
  });
});
