import { AgencyTaskFigures, AppendixReport, OverdueTask } from 'src/modules/reports/appendix.types';
import { addDays } from 'src/core/time/local-date';

/**
 * A report snapshot the size of a province-year (bench/report-docx.bench.ts): 60 agencies and
 * `overdue` rows of Phụ lục III with titles and source documents as long as the generated dataset's.
 */
export function yearSnapshot(overdue: number, agencies = 60): AppendixReport {
  const names = Array.from({ length: agencies }, (_, i) => (i < 20 ? `Sở Chuyên ngành số ${i + 1}` : `UBND huyện Thử nghiệm số ${i - 19}`));
  const byAgency: AgencyTaskFigures[] = names.map((agencyName, i) => ({
    agencyId: i + 1,
    agencyCode: `CQ${i + 1}`,
    agencyName,
    total: 1400,
    done: 900,
    doneOnTime: 700,
    doneLate: 200,
    open: 500,
    openInTime: 360,
    openOverdue: 140,
    doneRate: 0.643,
    completionRate: 0.865,
  }));
  const rows: OverdueTask[] = Array.from({ length: overdue }, (_, i) => {
    const due = addDays('2026-01-05', i % 280);
    return {
      no: i + 1,
      taskId: i + 1,
      code: `B.${(i % 9) + 1}.${i + 1}`,
      sourceDocument: `Kế hoạch số ${(i % 400) + 1}/KH-UBND ngày ${due.slice(8)}/${due.slice(5, 7)}/2026 của UBND tỉnh`,
      title: `Triển khai thực hiện nhiệm vụ số ${i + 1} về cải cách hành chính, chuyển đổi số và nâng cao chất lượng dịch vụ công trực tuyến trên địa bàn tỉnh`,
      dueDate: due,
      effectiveDueDate: due,
      agencyName: names[i % agencies],
      daysOverdue: 290 - (i % 280),
      note: `quá hạn ${290 - (i % 280)} ngày`,
    };
  });
  return {
    period: { from: '2026-01-01', to: '2026-12-31', asOf: '2026-10-19' },
    programItems: { initial: 4000, added: 400, withdrawnOrDeferred: 200, total: 4200, submitted: 3100, issued: 2900, notSubmitted: 1100, submittedRate: 0.738 },
    programItemsByAgency: names.map((agencyName, i) => ({ agencyId: i + 1, agencyCode: `CQ${i + 1}`, agencyName, initial: 66, added: 7, withdrawnOrDeferred: 3, total: 70, submitted: 52, issued: 48, notSubmitted: 18, submittedRate: 0.743 })),
    tasks: { total: 84000, carriedOver: 4000, assignedInPeriod: 80000, done: 54000, doneOnTime: 42000, doneLate: 12000, open: 30000, openInTime: 21600, openOverdue: 8400, doneRate: 0.643, completionRate: 0.865 },
    byAgency,
    overdue: rows,
    overduePage: { page: 1, limit: rows.length, total: rows.length },
  };
}
