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

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The email of a scheduled report: the key figures in a few lines, the files attached. */
export function reportMail(i: ReportMailInput): ReportMailContent {
  const p = i.report.programItems;
  const t = i.report.tasks;
  const { from, to, asOf } = i.report.period;
  const intro = `Hệ thống theo dõi nhiệm vụ gửi kèm ${i.title.charAt(0).toLocaleLowerCase('vi')}${i.title.slice(1)} (số liệu từ ngày ${formatDocumentDate(from)} đến ngày ${formatDocumentDate(to)}, tính đến ngày ${formatDocumentDate(asOf)}), được tổng hợp tự động để phục vụ báo cáo định kỳ của UBND tỉnh ${i.provinceName}.`;
  const lines = [
    `Chương trình công tác (Phụ lục I): đã trình ${p.submitted}/${p.total} đề án (${formatRate(p.submittedRate)}), đã ban hành ${p.issued}, chưa trình ${p.notSubmitted}.`,
    `Nhiệm vụ được giao (Phụ lục II): ${t.total} nhiệm vụ; đã hoàn thành ${t.done} (đúng hạn ${t.doneOnTime}, quá hạn ${t.doneLate}); chưa hoàn thành ${t.open} (trong hạn ${t.openInTime}, quá hạn ${t.openOverdue}); tỷ lệ hoàn thành ${formatRate(t.completionRate)}.`,
    i.report.overdue.length
      ? `Nhiệm vụ chưa hoàn thành quá hạn (Phụ lục III): ${i.report.overdue.length} nhiệm vụ.`
      : 'Nhiệm vụ chưa hoàn thành quá hạn (Phụ lục III): không có.',
  ];
  const link = `${i.appUrl}/api/reports/${i.runId}`;
  const outro = 'Số báo cáo và ngày ban hành để trống ("…") để Văn phòng UBND tỉnh điền khi trình ký.';
  const text = [
    'Kính gửi: Lãnh đạo UBND tỉnh; Văn phòng UBND tỉnh.',
    '',
    intro,
    '',
    'Tóm tắt:',
    ...lines.map((l) => `- ${l}`),
    '',
    `Tệp đính kèm: ${i.fileNames.join('; ')}.`,
    `Xem trên hệ thống: ${link}`,
    outro,
    '',
    'Đây là thư tự động, vui lòng không trả lời thư này.',
  ].join('\n');
  const html = [
    '<div style="font-family:\'Times New Roman\',serif;font-size:15px;line-height:1.5">',
    '<p>Kính gửi: Lãnh đạo UBND tỉnh; Văn phòng UBND tỉnh.</p>',
    `<p>${esc(intro)}</p>`,
    '<p><b>Tóm tắt:</b></p>',
    `<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`,
    `<p>Tệp đính kèm: ${esc(i.fileNames.join('; '))}.<br>Xem trên hệ thống: <a href="${esc(link)}">${esc(link)}</a></p>`,
    `<p>${esc(outro)}</p>`,
    '<p style="color:#666"><i>Đây là thư tự động, vui lòng không trả lời thư này.</i></p>',
    '</div>',
  ].join('\n');
  return { subject: `[Báo cáo định kỳ] ${i.title}`, text, html };
}
