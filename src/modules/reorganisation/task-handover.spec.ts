import { Agency } from 'src/modules/agencies/agency.entity';
import { mergeComment } from './reorganisation.service';
import { formatAgencyIds, replaceCoordinating } from './task-handover';

describe(replaceCoordinating.name, () => {
  it('should put the successor where the merged agency was', () => {
    expect(replaceCoordinating([3, 5], 3, 9, 1)).toEqual([9, 5]);
  });

  it('should keep the successor once when both coordinated', () => {
    expect(replaceCoordinating([3, 9, 5], 3, 9, 1)).toEqual([9, 5]);
  });

  it('should drop the successor when it leads the task', () => {
    expect(replaceCoordinating([3, 5], 3, 9, 9)).toEqual([5]);
    expect(replaceCoordinating([9, 5], 3, 9, 9)).toEqual([5]);
  });

  it('should leave lists without the merged agency alone', () => {
    expect(replaceCoordinating([4, 5], 3, 9, 1)).toEqual([4, 5]);
    expect(replaceCoordinating([], 3, 9, 1)).toEqual([]);
  });
});

describe(formatAgencyIds.name, () => {
  it('should write sorted ids as the tasks module does', () => {
    expect(formatAgencyIds([12, 3, 5])).toBe('3,5,12');
    expect(formatAgencyIds([])).toBe('');
  });
});

describe(mergeComment.name, () => {
  it('should name both agencies and the last day', () => {
    const from = { name: 'Sở Kế hoạch và Đầu tư', code: 'SKHDT' } as Agency;
    const to = { name: 'Sở Tài chính', code: 'STC' } as Agency;
    expect(mergeComment(from, to, '2025-02-28')).toBe(
      'Sáp nhập Sở Kế hoạch và Đầu tư (SKHDT) vào Sở Tài chính (STC); Sở Kế hoạch và Đầu tư hoạt động đến hết ngày 28/02/2025',
    );
  });
});
