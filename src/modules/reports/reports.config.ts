import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from 'src/core/config/project-root';
import { PeriodKind, PeriodWindow } from 'src/modules/calendar/periods';
import { REPORT_FORMATS, ReportFormat } from './report-format';

/** config/reports.json: who receives the scheduled reports, and how they are built. */
export interface ReportsConfig {
  /** Extra addresses. */
  recipients: string[];
  /** Also OFFICE_EMAIL. */
  includeOfficeEmail: boolean;
  /** Also every active user with role leader. */
  includeLeaders: boolean;
  /** Window of scheduled reports and default window of named periods. */
  window: PeriodWindow;
  formats: ReportFormat[];
  /** Which closing periods get a scheduled report. */
  periods: Exclude<PeriodKind, 'month'>[];
}

export const REPORTS_CONFIG = Symbol('REPORTS_CONFIG');

export const DEFAULT_REPORTS_CONFIG: ReportsConfig = {
  recipients: [],
  includeOfficeEmail: true,
  includeLeaders: true,
  window: 'cutoff',
  formats: ['xlsx', 'docx'],
  periods: ['quarter', 'half', 'nine_months', 'year'],
};

const KEYS = new Set(['_comment', 'recipients', 'includeOfficeEmail', 'includeLeaders', 'window', 'formats', 'periods']);
const PERIOD_KINDS = ['quarter', 'half', 'nine_months', 'year'];
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export class ReportsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportsConfigError';
  }
}

/** Checks the parsed file; missing keys take the defaults. Throws a ReportsConfigError naming the bad key. */
export function validateReportsConfig(raw: unknown, origin = 'reports.json'): ReportsConfig {
  const fail = (msg: string): never => {
    throw new ReportsConfigError(`${origin}: ${msg}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('expected an object');
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!KEYS.has(key)) fail(`unknown key "${key}"`);
  const out: ReportsConfig = { ...DEFAULT_REPORTS_CONFIG };
  if (r.recipients !== undefined) {
    if (!Array.isArray(r.recipients) || r.recipients.some((e) => typeof e !== 'string' || !EMAIL.test(e.trim())))
      fail('"recipients" must be a list of email addresses');
    out.recipients = (r.recipients as string[]).map((e) => e.trim().toLowerCase());
  }
  for (const key of ['includeOfficeEmail', 'includeLeaders'] as const) {
    if (r[key] !== undefined) {
      if (typeof r[key] !== 'boolean') fail(`"${key}" must be true or false`);
      out[key] = r[key] as boolean;
    }
  }
  if (r.window !== undefined) {
    if (r.window !== 'cutoff' && r.window !== 'calendar') fail('"window" must be "cutoff" or "calendar"');
    out.window = r.window as PeriodWindow;
  }
  if (r.formats !== undefined) {
    if (!Array.isArray(r.formats) || !r.formats.length || r.formats.some((f) => !REPORT_FORMATS.includes(f as ReportFormat)))
      fail(`"formats" must be a non-empty list of ${REPORT_FORMATS.join(', ')}`);
    out.formats = [...new Set(r.formats as ReportFormat[])];
  }
  if (r.periods !== undefined) {
    if (!Array.isArray(r.periods) || r.periods.some((p) => !PERIOD_KINDS.includes(p as string)))
      fail(`"periods" must be a list of ${PERIOD_KINDS.join(', ')}`);
    out.periods = [...new Set(r.periods as ReportsConfig['periods'])];
  }
  return out;
}

export function reportsConfigPath(): string {
  return join(projectRoot(), 'config', 'reports.json');
}

/** Reads config/reports.json (or `file`); the defaults when it does not exist. */
export function loadReportsConfig(file: string = reportsConfigPath()): ReportsConfig {
  if (!existsSync(file)) return { ...DEFAULT_REPORTS_CONFIG };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ReportsConfigError(`${file}: invalid JSON: ${(err as Error).message}`);
  }
  return validateReportsConfig(raw, file);
}
