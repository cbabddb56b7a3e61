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
