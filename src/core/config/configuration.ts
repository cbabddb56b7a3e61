import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { EnvDto } from './env.dto';
import { projectRoot } from './project-root';

export const DEMO_PASSWORD = 'nhiemvu-demo';

export interface AppConfig {
  app: {
    env: 'development' | 'production' | 'test';
    host: string;
    port: number;
    dataDir: string;
    rootDir: string;
    appUrl: string;
    tz: string;
    workersInApi: boolean;
    seedDemo: boolean;
    bodyLimit: string;
    uploadLimitBytes: number;
    provinceName: string;
    logLevel: string;
    logFormat: 'json' | 'pretty';
    /** Express `trust proxy`: the proxies whose X-Forwarded-For is believed; empty = none. */
    trustProxy: string[];
    apiDocs: boolean;
  };
  auth: {
    jwtSecret: string;
    jwtTtl: string;
    adminEmail: string;
    adminPassword: string | null;
    loginRateLimit: number;
  };
  database: {
    type: 'sqlite' | 'postgres';
    /** postgres connection URL, or the SQLite file path. */
    url: string;
    busyTimeoutMs: number;
    /** SQLite: read-only connections in worker threads for the task list's reads (0: every read on the main connection). */
    sqliteReaders: number;
  };
  redis: {
    /** Where BullMQ connects. With REDIS_URL unset: the private redis-server on loopback. */
    url: string;
    embedded: boolean;
    embeddedPort: number;
    embeddedDir: string;
  };
  mail: {
    smtpUrl: string | null;
    from: string;
    officeEmail: string;
    outboxDir: string;
  };
  files: { dir: string };
  metrics: {
    /** Bearer token of /metrics; null: /metrics is off. */
    token: string | null;
    /** Where a separate worker process serves its metrics; null: it does not. */
    workerPort: number | null;
  };
  imports: { tesseractBin: string; pdftoppmBin: string; ocrMaxPages: number; pdfMaxPages: number };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[], env: Record<string, unknown>): string[] {
  return errors.map((e) => {
    const got = e.property.includes('PASSWORD') || e.property.includes('SECRET') ? '(hidden)' : JSON.stringify(env[e.property]);
    return `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (got ${got})`;
  });
}

function readDefaults(rootDir: string): Record<string, unknown> {
  const file = join(rootDir, 'config', 'default.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete raw._comment;
  return raw;
}

function ensureWritableDir(dir: string, variable: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new ConfigError([`${variable}: directory ${dir} is not writable (${(err as Error).message})`]);
  }
}

/** The JWT secret: given, or generated once and kept in DATA_DIR (never outside production). */
function resolveJwtSecret(env: EnvDto, dataDir: string): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  if (env.NODE_ENV === 'production') throw new ConfigError(['JWT_SECRET: required in production (at least 32 characters)']);
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Reads config/default.json, overlays the environment, validates once and returns the typed
 * configuration. Throws ConfigError naming every bad variable. Creates DATA_DIR if needed.
 */
/**
 * The address in mail links: APP_URL when it is set; otherwise this server's own port on its host
 * (loopback for a wildcard or loopback HOST), so that PORT=3999 without APP_URL does not send links to
 * the default port 3000.
 */
function appUrlOf(env: EnvDto, given: boolean): string {
  // PORT=0 (a free port chosen at listen, as the tests do) has no address to name: the default stays.
  if (given || env.PORT === 0) return env.APP_URL.replace(/\/+$/, '');
  const wildcard = ['0.0.0.0', '::', '127.0.0.1', 'localhost', '::1'].includes(env.HOST);
  const host = wildcard ? '127.0.0.1' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  return `http://${host}:${env.PORT}`;
}

export function loadConfiguration(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const rootDir = projectRoot();
  const defaults = readDefaults(rootDir);
  const merged: Record<string, unknown> = { ...defaults };
  for (const key of envKeys()) {
    const value = source[key];
    if (value !== undefined && value !== '') merged[key] = value;
  }
  const env = plainToInstance(EnvDto, merged, { enableImplicitConversion: false });
  const errors = validateSync(env, { whitelist: true, forbidUnknownValues: true });
  if (errors.length) throw new ConfigError(describe(errors, merged));
  if (!isValidTimeZone(env.TZ_APP)) throw new ConfigError([`TZ_APP: unknown time zone ${JSON.stringify(env.TZ_APP)}`]);

  if (env.NODE_ENV === 'production') {
    const problems: string[] = [];
    if (!env.ADMIN_PASSWORD) problems.push('ADMIN_PASSWORD: required in production');
    else if (env.ADMIN_PASSWORD === DEMO_PASSWORD || env.ADMIN_PASSWORD.length < 12)
      problems.push('ADMIN_PASSWORD: the demo password or one shorter than 12 characters is refused in production');
    if (problems.length) throw new ConfigError(problems);
  }

  const dataDir = isAbsolute(env.DATA_DIR) ? env.DATA_DIR : resolve(rootDir, env.DATA_DIR);
  ensureWritableDir(dataDir, 'DATA_DIR');

  const isPostgres = !!env.DATABASE_URL && /^postgres(ql)?:\/\//.test(env.DATABASE_URL);
  const sqlitePath = env.DATABASE_URL?.startsWith('sqlite:')
    ? resolve(rootDir, env.DATABASE_URL.slice('sqlite:'.length))
    : join(dataDir, 'nhiemvu.sqlite');

  return {
    app: {
      env: env.NODE_ENV,
      host: env.HOST,
      port: env.PORT,
      dataDir,
      rootDir,
      appUrl: appUrlOf(env, source.APP_URL !== undefined && source.APP_URL !== ''),
      tz: env.TZ_APP,
      workersInApi: env.WORKERS_IN_API,
      seedDemo: env.SEED_DEMO && env.NODE_ENV !== 'production',
      bodyLimit: env.BODY_LIMIT,
      uploadLimitBytes: env.UPLOAD_LIMIT_MB * 1024 * 1024,
      provinceName: env.PROVINCE_NAME,
      logLevel: env.LOG_LEVEL,
      logFormat: env.NODE_ENV === 'production' ? 'json' : env.LOG_FORMAT,
      trustProxy:
        env.TRUST_PROXY.trim() === 'false'
          ? []
          : env.TRUST_PROXY.split(',')
              .map((p) => p.trim())
              .filter(Boolean),
      apiDocs: env.API_DOCS ?? env.NODE_ENV !== 'production',
    },
    auth: {
      jwtSecret: resolveJwtSecret(env, dataDir),
      jwtTtl: env.JWT_TTL,
      adminEmail: env.ADMIN_EMAIL.toLowerCase(),
      adminPassword: env.ADMIN_PASSWORD ?? null,
      loginRateLimit: env.LOGIN_RATE_LIMIT,
    },
    database: {
      type: isPostgres ? 'postgres' : 'sqlite',
      url: isPostgres ? env.DATABASE_URL! : sqlitePath,
      busyTimeoutMs: env.DB_BUSY_TIMEOUT_MS,
      sqliteReaders: env.SQLITE_READERS ?? defaultSqliteReaders(),
    },
    redis: {
      url: env.REDIS_URL ?? `redis://127.0.0.1:${env.REDIS_PORT}`,
      embedded: !env.REDIS_URL,
      embeddedPort: env.REDIS_PORT,
      embeddedDir: join(dataDir, 'redis'),
    },
    mail: {
      smtpUrl: env.SMTP_URL ?? null,
      from: env.MAIL_FROM,
      officeEmail: env.OFFICE_EMAIL.toLowerCase(),
      outboxDir: join(dataDir, 'outbox'),
    },
    files: { dir: join(dataDir, 'files') },
    metrics: { token: env.METRICS_TOKEN ?? null, workerPort: env.METRICS_PORT ?? null },
    imports: {
      tesseractBin: env.OCR_TESSERACT_BIN,
      pdftoppmBin: env.OCR_PDFTOPPM_BIN,
      ocrMaxPages: env.OCR_MAX_PAGES,
      pdfMaxPages: env.PDF_MAX_PAGES,
    },
  };
}

/**
 * SQLite readers when SQLITE_READERS is unset: one per core, at least two (a slow search must not hold
 * up the next list) and at most four (the reads are short; more threads only cost memory).
 */
export function defaultSqliteReaders(cores = availableParallelism()): number {
  return Math.min(4, Math.max(2, cores));
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The variable names EnvDto declares, so unrelated environment variables are never read. */
function envKeys(): string[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(EnvDto, '', true, false);
  return [...new Set(metas.map((m) => m.propertyName))];
}
