import { accountTracker, loginThrottles } from './login-throttles';

describe(accountTracker.name, () => {
  it('should track the account as UsersService finds it: trimmed and lowercase', () => {
    expect(accountTracker({ body: { email: '  Admin@NhiemVu.example ' }, ip: '10.0.0.1' })).toBe('account:admin@nhiemvu.example');
    expect(accountTracker({ body: { email: 'admin@nhiemvu.example' }, ip: '10.0.0.2' })).toBe('account:admin@nhiemvu.example');
  });

  it('should track the signed-in caller\'s own account on the password change, whatever the body says', () => {
    expect(accountTracker({ user: { email: 'vanphong@nhiemvu.example' }, body: { email: 'other@x.vn' }, ip: '10.0.0.1' })).toBe('account:vanphong@nhiemvu.example');
  });

  it('should fall back to the address when the body names no account', () => {
    expect(accountTracker({ body: { email: 42 }, ip: '10.0.0.1' })).toBe('address:10.0.0.1');
    expect(accountTracker({ body: undefined, ip: '10.0.0.1' })).toBe('address:10.0.0.1');
  });
});

describe(loginThrottles.name, () => {
  it('should limit per address and per account, each `limit` a minute', () => {
    const sut = loginThrottles(7);
    expect(sut.throttlers.map((t) => [t.name, t.limit, t.ttl])).toEqual([
      ['address', 7, 60_000],
      ['account', 7, 60_000],
    ]);
    expect(sut.throttlers[0].getTracker).toBeUndefined();
    expect(sut.throttlers[1].getTracker).toBe(accountTracker);
    const message = sut.errorMessage as (c: unknown) => string;
    const on = (path: string) => ({ switchToHttp: () => ({ getRequest: () => ({ path }) }) });
    expect(message(on('/api/auth/login'))).toMatch(/Quá nhiều lần đăng nhập/);
    expect(message(on('/api/auth/password'))).toMatch(/Quá nhiều lần đổi mật khẩu/);
  });
});
