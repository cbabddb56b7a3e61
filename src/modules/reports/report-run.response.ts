import { AppendixReport } from './appendix.types';
import { ReportRunResponseDto } from './dto/report-run-response.dto';
import { ReportRun } from './report-run.entity';

/** The public shape of a run; the snapshot only where asked (GET /api/reports/:id) and once built. */
export function toReportRunResponse(run: ReportRun, names: { label: string; title: string }, withSnapshot: boolean): ReportRunResponseDto {
  const dto: ReportRunResponseDto = {
    id: run.id,
    status: run.status,
    period: { from: run.fromDate, to: run.toDate, asOf: run.asOf, name: run.periodName, window: run.window, label: names.label },
    programId: run.programId,
    agencyId: run.agencyId,
    formats: run.formats,
    reportNumber: run.reportNumber,
    reportDate: run.reportDate,
    scheduled: run.scheduled,
    error: run.error,
    files: (run.files ?? []).map((f) => ({
      format: f.format,
      url: `/api/reports/${run.id}/files/${f.format}`,
      size: f.size,
      fileName: `${names.title}.${f.format}`,
    })),
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
  if (withSnapshot) dto.snapshot = run.snapshot ? snapshotPreview(run.snapshot as AppendixReport) : null;
  return dto;
}

/** How many rows of Phụ lục III a screen gets unless it asks for a page (GET /api/reports/appendix, a run's snapshot). */
export const OVERDUE_PAGE_SIZE = 100;

/**
 * The figures with only the first page of Phụ lục III: what a run stores and shows. A snapshot stored
 * before the list was paged holds every row; it is cut here too.
 */
export function snapshotPreview(report: AppendixReport): AppendixReport {
  if (!Array.isArray(report.overdue)) return report;
  const total = report.overduePage?.total ?? report.overdue.length;
  return { ...report, overdue: report.overdue.slice(0, OVERDUE_PAGE_SIZE), overduePage: { page: 1, limit: OVERDUE_PAGE_SIZE, total } };
}
