import { renderMailTemplate } from 'src/modules/mail/mail-templates';
import { formatDocumentDate, formatRate } from './report-format';
import { AppendixReport } from './appendix.types';

export interface ReportMailInput {
  runId: number;
  /** "Phụ lục báo cáo Quý II năm 2024". */
  title: string;
  periodLabel: string;
  provinceName: string;
  appUrl: string;
  report: AppendixReport;
  fileNames: string[];
}

export interface ReportMailContent {
  subject: string;
  text: string;
  html: string;
}

/** The email of a scheduled report: the key figures in a few lines, the files attached (templates/mail/report.*.hbs). */
export function reportMail(i: ReportMailInput): ReportMailContent {
  const p = i.report.programItems;
  const t = i.report.tasks;
  const { from, to, asOf } = i.report.period;
  const subject = `[Báo cáo định kỳ] ${i.title}`;
  const body = renderMailTemplate('report', {
    subject,
    header: `UBND TỈNH ${i.provinceName.toLocaleUpperCase('vi')} – HỆ THỐNG THEO DÕI NHIỆM VỤ`,
    footer: 'Đây là thư tự động, vui lòng không trả lời thư này.',
    intro: `Hệ thống theo dõi nhiệm vụ gửi kèm ${i.title.charAt(0).toLocaleLowerCase('vi')}${i.title.slice(1)} (số liệu từ ngày ${formatDocumentDate(from)} đến ngày ${formatDocumentDate(to)}, tính đến ngày ${formatDocumentDate(asOf)}), được tổng hợp tự động để phục vụ báo cáo định kỳ của UBND tỉnh ${i.provinceName}.`,
    lines: [
      `Chương trình công tác (Phụ lục I): đã trình ${p.submitted}/${p.total} đề án (${formatRate(p.submittedRate)}), đã ban hành ${p.issued}, chưa trình ${p.notSubmitted}.`,
      `Nhiệm vụ được giao (Phụ lục II): ${t.total} nhiệm vụ; đã hoàn thành ${t.done} (đúng hạn ${t.doneOnTime}, quá hạn ${t.doneLate}); chưa hoàn thành ${t.open} (trong hạn ${t.openInTime}, quá hạn ${t.openOverdue}); tỷ lệ hoàn thành so với tổng số nhiệm vụ giao ${formatRate(t.doneRate ?? null)}, so với số nhiệm vụ đã đến hạn ${formatRate(t.completionRate)}.`,
      t.openOverdue
        ? `Nhiệm vụ chưa hoàn thành quá hạn (Phụ lục III): ${t.openOverdue} nhiệm vụ.`
        : 'Nhiệm vụ chưa hoàn thành quá hạn (Phụ lục III): không có.',
    ],
    files: i.fileNames.join('; '),
    link: `${i.appUrl}/api/reports/${i.runId}`,
    outro: 'Số báo cáo và ngày ban hành để trống ("…") để Văn phòng UBND tỉnh điền khi trình ký.',
  });
  return { subject, ...body };
}
