import { AppConfig, DEMO_PASSWORD } from 'src/core/config/configuration';
import { startupLine } from './startup-line';

function config(
  overrides: {
    smtpUrl?: string | null;
    seedDemo?: boolean;
    adminPassword?: string | null;
    port?: number;
    appUrl?: string;
  } = {},
): AppConfig {
  return {
    app: {
      appUrl: overrides.appUrl ?? 'http://127.0.0.1:3000',
      host: '127.0.0.1',
      port: overrides.port ?? 3000,
      seedDemo: overrides.seedDemo ?? true,
    },
    auth: {
      adminEmail: 'admin@nhiemvu.example',
      adminPassword: overrides.adminPassword === undefined ? DEMO_PASSWORD : overrides.adminPassword,
    },
    mail: { smtpUrl: overrides.smtpUrl ?? null, outboxDir: '/srv/nhiemvu/data/outbox' },
  } as unknown as AppConfig;
}

const DEMO = [
  { email: 'vanphong@nhiemvu.example', role: 'office' },
  { email: 'chutich@nhiemvu.example', role: 'leader' },
];

describe(startupLine.name, () => {
  it('should give the address, the demo accounts with their password and the outbox in one line', () => {
    const line = startupLine(config(), DEMO);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe(
      'nhiemvu is running at http://127.0.0.1:3000 — sign in with admin@nhiemvu.example (admin), vanphong@nhiemvu.example (office), ' +
        'chutich@nhiemvu.example (leader), password nhiemvu-demo — mail is written to /srv/nhiemvu/data/outbox (set SMTP_URL to send it)',
    );
  });

  it('should name the SMTP server without its credentials, and leave out demo accounts when there is no demo', () => {
    const line = startupLine(
      config({ smtpUrl: 'smtp://user:secret@mail.example.vn:587', seedDemo: false, adminPassword: 'a-real-password' }),
      DEMO,
    );
    expect(line).toBe('nhiemvu is running at http://127.0.0.1:3000 — mail goes to smtp://mail.example.vn:587');
    expect(line).not.toMatch(/secret|user/);
  });

  it('should name the address it listens on, and APP_URL only when mail links use another', () => {
    const line = startupLine(config({ port: 3999, smtpUrl: 'smtp://mail.example.vn:587' }), []);
    expect(line).toBe(
      'nhiemvu is running at http://127.0.0.1:3999 (links in mail: http://127.0.0.1:3000) — mail goes to smtp://mail.example.vn:587',
    );
  });
});
