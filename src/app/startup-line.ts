import { AppConfig, DEMO_PASSWORD } from 'src/core/config/configuration';

export interface DemoAccount {
  email: string;
  role: string;
}

/** Where mail goes, never showing SMTP credentials. */
export function mailDestination(config: AppConfig): string {
  if (!config.mail.smtpUrl) return `mail is written to ${config.mail.outboxDir} (set SMTP_URL to send it)`;
  const url = new URL(config.mail.smtpUrl);
  return `mail goes to ${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`;
}

/**
 * The one line `npm start` ends with: the address, the demo accounts (when the demo data and the
 * demo password are in use) and where mail goes.
 */
export function startupLine(config: AppConfig, demoAccounts: DemoAccount[]): string {
  // The address it listens on (PORT, HOST); APP_URL is what mail links use, named when it differs.
  const host = config.app.host === '0.0.0.0' ? '127.0.0.1' : config.app.host;
  const listening = `http://${host.includes(':') ? `[${host}]` : host}:${config.app.port}`;
  const where =
    config.app.appUrl.replace(/\/+$/, '') === listening
      ? listening
      : `${listening} (links in mail: ${config.app.appUrl})`;
  const parts = [`nhiemvu is running at ${where}`];
  const demo = config.app.seedDemo && demoAccounts.length;
  if (demo) {
    const admin = config.auth.adminPassword === DEMO_PASSWORD ? [`${config.auth.adminEmail} (admin)`] : [];
    parts.push(
      `sign in with ${[...admin, ...demoAccounts.map((a) => `${a.email} (${a.role})`)].join(', ')}, password ${DEMO_PASSWORD}`,
    );
  }
  parts.push(mailDestination(config));
  return parts.join(' — ');
}
