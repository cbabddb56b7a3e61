import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const toBool = ({ value }: { value: unknown }) => {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return true;
    if (['false', '0', 'no', 'off'].includes(v)) return false;
  }
  return value;
};

/**
 * Every setting the processes read, validated once at boot (both entry points and the CLI).
 * Defaults live in config/default.json; environment variables override them.
 */
export class EnvDto {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV!: 'development' | 'production' | 'test';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT!: number;

  @IsString()
  @MinLength(1)
  HOST!: string;

  @IsString()
  @MinLength(1)
  DATA_DIR!: string;

  @IsOptional()
  @Matches(/^(postgres|postgresql):\/\/.+|^sqlite:.+/, {
    message: 'DATABASE_URL must be postgres://user:pass@host:port/db or sqlite:/path/to/file.sqlite',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://host:port[/db]' })
  REDIS_URL?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  REDIS_PORT!: number;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must look like smtp://user:pass@host:port or smtps://…' })
  SMTP_URL?: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM!: string;

  @IsEmail({ require_tld: false })
  OFFICE_EMAIL!: string;

  @Matches(/^https?:\/\/[^\s]+$/, { message: 'APP_URL must be an http(s) URL' })
  APP_URL!: string;

  @IsString()
  @Matches(/^[A-Za-z_]+\/[A-Za-z_+-]+(\/[A-Za-z_+-]+)?$|^UTC$/, { message: 'TZ_APP must be an IANA time zone such as Asia/Ho_Chi_Minh' })
  TZ_APP!: string;

  @IsEmail({ require_tld: false })
  ADMIN_EMAIL!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsString()
  @Matches(/^\d+[smhd]$/, { message: 'JWT_TTL must look like 30m, 8h or 1d' })
  JWT_TTL!: string;

  @Transform(toBool)
  @IsBoolean()
  WORKERS_IN_API!: boolean;

  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO!: boolean;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL!: string;

  @IsIn(['json', 'pretty'])
  LOG_FORMAT!: 'json' | 'pretty';

  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT must look like 512kb or 1mb' })
  BODY_LIMIT!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  UPLOAD_LIMIT_MB!: number;

  /** Tesseract (Debian tesseract-ocr + tesseract-ocr-vie): a name on the PATH or an absolute path. */
  @Matches(/^[^\0\n]{1,500}$/, { message: 'OCR_TESSERACT_BIN must be a program name or path' })
  OCR_TESSERACT_BIN!: string;

  /** pdftoppm (Debian poppler-utils), which rasterises scanned PDF pages for OCR. */
  @Matches(/^[^\0\n]{1,500}$/, { message: 'OCR_PDFTOPPM_BIN must be a program name or path' })
  OCR_PDFTOPPM_BIN!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  OCR_MAX_PAGES!: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  PDF_MAX_PAGES!: number;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600000)
  DB_BUSY_TIMEOUT_MS!: number;

  /** SQLite read connections off the main thread (core/database/sqlite-read-pool.ts); unset: from the cores, 0: off. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(32)
  SQLITE_READERS?: number;

  @IsString()
  @MinLength(2)
  PROVINCE_NAME!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_RATE_LIMIT!: number;

  /** Proxies whose X-Forwarded-For is believed: `false` (none), or a comma list of addresses/subnets (`loopback`, `10.0.0.0/8`). */
  @IsString()
  @Matches(/^(false|[A-Za-z0-9.:/]+(\s*,\s*[A-Za-z0-9.:/]+)*)$/, {
    message: 'TRUST_PROXY must be false or a comma-separated list of proxy addresses or subnets (loopback, 10.0.0.0/8, 192.168.1.2)',
  })
  TRUST_PROXY!: string;

  /** Serve the OpenAPI document at /api/docs. Unset: on, except in production. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  API_DOCS?: boolean;

  /** Bearer token for GET /metrics (Prometheus). Unset: /metrics answers 404. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** A separate worker process serves its own /metrics on HOST:METRICS_PORT. Unset: none. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;
}
