import { isLeaderInCharge } from './leader-in-charge';

describe(isLeaderInCharge.name, () => {
  it('should match the full name inside the phrase, ignoring case and diacritics', () => {
    expect(isLeaderInCharge('Đ/c Nguyễn Văn An, Phó Chủ tịch UBND tỉnh', 'Nguyễn Văn An')).toBe(true);
    expect(isLeaderInCharge('đ/c NGUYEN VAN AN', 'Nguyễn Văn An')).toBe(true);
  });

  it('should not match another name, an empty phrase or an empty name', () => {
    expect(isLeaderInCharge('Đ/c Nguyễn Văn Bình', 'Nguyễn Văn An')).toBe(false);
    expect(isLeaderInCharge(null, 'Nguyễn Văn An')).toBe(false);
    expect(isLeaderInCharge('Chủ tịch UBND tỉnh', '')).toBe(false);
  });
});
