import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, defaultSqliteReaders, DEMO_PASSWORD, loadConfiguration } from './configuration';

describe(loadConfiguration.name, () => {
  let dir: string;
  const env = (extra: Record<string, string> = {}) => ({ DATA_DIR: dir, ...extra });

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nhiemvu-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should apply the embedded defaults of config/default.json', () => {
    const sut = loadConfiguration(env());
    expect(sut.app.port).toBe(3000);
    expect(sut.app.host).toBe('127.0.0.1');
    expect(sut.app.tz).toBe('Asia/Ho_Chi_Minh');
    expect(sut.app.workersInApi).toBe(true);
    expect(sut.database).toMatchObject({ type: 'sqlite', url: join(dir, 'nhiemvu.sqlite') });
    expect(sut.redis).toMatchObject({ embedded: true, url: 'redis://127.0.0.1:6390', embeddedDir: join(dir, 'redis') });
    expect(sut.mail).toMatchObject({ smtpUrl: null, outboxDir: join(dir, 'outbox') });
  });

  it('should trust no proxy by default, and the named ones when TRUST_PROXY lists them', () => {
    expect(loadConfiguration(env()).app.trustProxy).toEqual([]);
    expect(loadConfiguration(env({ TRUST_PROXY: 'loopback, 10.0.0.0/8,192.168.1.2' })).app.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.168.1.2',
    ]);
    expect(() => loadConfiguration(env({ TRUST_PROXY: 'everyone!' }))).toThrow(/TRUST_PROXY/);
  });

  it('should serve /api/docs except in production unless API_DOCS says otherwise, and /metrics only with a token', () => {
    const prod = { NODE_ENV: 'production', ADMIN_PASSWORD: 'a-long-admin-password', JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfiguration(env()).app.apiDocs).toBe(true);
    expect(loadConfiguration(env(prod)).app.apiDocs).toBe(false);
    expect(loadConfiguration(env({ ...prod, API_DOCS: 'true' })).app.apiDocs).toBe(true);
    expect(loadConfiguration(env({ API_DOCS: 'false' })).app.apiDocs).toBe(false);
    expect(loadConfiguration(env()).metrics).toEqual({ token: null, workerPort: null });
    expect(() => loadConfiguration(env({ METRICS_TOKEN: 'short' }))).toThrow(/METRICS_TOKEN/);
    expect(loadConfiguration(env({ METRICS_TOKEN: 't'.repeat(20), METRICS_PORT: '9464' })).metrics).toEqual({
      token: 't'.repeat(20),
      workerPort: 9464,
    });
  });

  it("should put this server's own port in mail links when APP_URL is not set, and APP_URL when it is", () => {
    expect(loadConfiguration(env()).app.appUrl).toBe('http://127.0.0.1:3000');
    expect(loadConfiguration(env({ PORT: '3999' })).app.appUrl).toBe('http://127.0.0.1:3999');
    expect(loadConfiguration(env({ PORT: '0' })).app.appUrl).toBe('http://127.0.0.1:3000');
    expect(loadConfiguration(env({ PORT: '8080', HOST: '0.0.0.0' })).app.appUrl).toBe('http://127.0.0.1:8080');
    expect(loadConfiguration(env({ PORT: '8080', HOST: 'nhiemvu.internal' })).app.appUrl).toBe('http://nhiemvu.internal:8080');
    expect(loadConfiguration(env({ PORT: '3999', APP_URL: 'https://nhiemvu.binhphuoc.gov.vn/' })).app.appUrl).toBe(
      'https://nhiemvu.binhphuoc.gov.vn',
    );
  });

  it('should let environment variables override the defaults', () => {
    const sut = loadConfiguration(
      env({
        PORT: '8080',
        DATABASE_URL: 'postgres://u:p@db:5432/nv',
        REDIS_URL: 'redis://cache:6379/2',
        SMTP_URL: 'smtp://mail:25',
        WORKERS_IN_API: 'false',
      }),
    );
    expect(sut.app.port).toBe(8080);
    expect(sut.app.workersInApi).toBe(false);
    expect(sut.database).toMatchObject({ type: 'postgres', url: 'postgres://u:p@db:5432/nv' });
    expect(sut.redis).toMatchObject({ embedded: false, url: 'redis://cache:6379/2' });
    expect(sut.mail.smtpUrl).toBe('smtp://mail:25');
  });

  it('should run SQLite reads on one reader per core, two to four, unless SQLITE_READERS says otherwise (0: off)', () => {
    expect([1, 2, 3, 8, 64].map((cores) => defaultSqliteReaders(cores))).toEqual([2, 2, 3, 4, 4]);
    expect(loadConfiguration(env()).database.sqliteReaders).toBe(defaultSqliteReaders());
    expect(loadConfiguration(env({ SQLITE_READERS: '0' })).database.sqliteReaders).toBe(0);
    expect(loadConfiguration(env({ SQLITE_READERS: '6' })).database.sqliteReaders).toBe(6);
  });

  it.each([
    ['SQLITE_READERS', '-1'],
    ['SQLITE_READERS', '33'],
    ['SQLITE_READERS', 'many'],
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['HOST', ''],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
    ['SMTP_URL', 'mail.example'],
    ['OFFICE_EMAIL', 'not-an-email'],
    ['APP_URL', 'ftp://x'],
    ['TZ_APP', 'Mars/Olympus'],
    ['WORKERS_IN_API', 'maybe'],
    ['JWT_SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
  ])('should refuse %s=%j with a message naming the variable', (name, value) => {
    if (value === '') return expect(() => loadConfiguration(env({ [name]: value }))).not.toThrow();
    expect(() => loadConfiguration(env({ [name]: value }))).toThrow(ConfigError);
    expect(() => loadConfiguration(env({ [name]: value }))).toThrow(new RegExp(`${name}:`));
  });

  it('should refuse a missing or demo admin password in production', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfiguration(env({ ...prod, ADMIN_PASSWORD: DEMO_PASSWORD }))).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfiguration(env({ ...prod, ADMIN_PASSWORD: 'short' }))).toThrow(/ADMIN_PASSWORD/);
    expect(loadConfiguration(env({ ...prod, ADMIN_PASSWORD: 'a-long-and-real-password' })).app.env).toBe('production');
  });

  it('should require JWT_SECRET in production and never seed demo data there', () => {
    expect(() =>
      loadConfiguration(env({ NODE_ENV: 'production', ADMIN_PASSWORD: 'a-long-and-real-password' })),
    ).toThrow(/JWT_SECRET/);
    const sut = loadConfiguration(
      env({ NODE_ENV: 'production', ADMIN_PASSWORD: 'a-long-and-real-password', JWT_SECRET: 'y'.repeat(40) }),
    );
    expect(sut.app.seedDemo).toBe(false);
    expect(sut.app.logFormat).toBe('json');
  });

  it('should generate a JWT secret once and keep it in DATA_DIR outside production', () => {
    const first = loadConfiguration(env()).auth.jwtSecret;
    const second = loadConfiguration(env()).auth.jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first);
  });

  it('should refuse a DATA_DIR that cannot be written', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    expect(() => loadConfiguration({ DATA_DIR: join(file, 'data') })).toThrow(/DATA_DIR: directory .* is not writable/);
  });

  it('should ignore environment variables it does not know', () => {
    expect(() => loadConfiguration(env({ SOMETHING_ELSE: 'x' }))).not.toThrow();
  });
});
