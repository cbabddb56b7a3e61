import { DEMO_PASSWORD } from 'src/core/config/configuration';
import { passwordProblem } from './password-strength';

describe(passwordProblem.name, () => {
  const account = { email: 'nguyenvana@stc.nhiemvu.example', fullName: 'Nguyễn Văn An' };

  it.each([
    ['1234567890', /dãy ký tự liên tiếp|phổ biến/],
    [' '.repeat(10), /khoảng trắng/],
    ['aaaaaaaaaaaa', /lặp lại/],
    ['qwertyuiop', /hàng phím|phổ biến|mẫu gõ/],
    ['password123', /phổ biến|dễ đoán/],
    [DEMO_PASSWORD, /mật khẩu mẫu/],
    ['nguyenvana@stc.nhiemvu.example', /email/],
    ['NguyenVanA2024', /email/],
    ['short', /ít nhất 10/],
  ])('should refuse %j and say why in Vietnamese', async (password, why) => {
    expect(await passwordProblem(password, account)).toMatch(why);
  });

  it('should accept a long passphrase of unrelated words', async () => {
    expect(await passwordProblem('sông Bé mưa chiều ngang 7 ngọn đồi', account)).toBeNull();
    expect(await passwordProblem('admin-test-password', { email: 'office@nhiemvu.example' })).toBeNull();
  });
});
