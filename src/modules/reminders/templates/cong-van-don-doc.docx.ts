import { formatVietnameseDate, LocalDate, parseLocalDate } from 'src/core/time/local-date';

/** One row of the letter's table. */
export interface LetterTask {
  code: string | null;
  title: string;
  sourceDocument: string | null;
  effectiveDueDate: LocalDate;
  daysOverdue: number;
}

export interface LetterInput {
  /** "Bình Phước". */
  provinceName: string;
  agencyName: string;
  asOf: LocalDate;
  /** The day the agency must finish or ask for an extension or withdrawal by. */
  replyBy: LocalDate;
  tasks: LetterTask[];
}

/** Its name among the document templates (templates/docx/cong-van-don-doc.docx, PUT /api/document-templates/cong-van-don-doc). */
export const CONG_VAN_TEMPLATE = 'cong-van-don-doc';

/** What an uploaded template is tried on before it replaces the one in use. */
export const CONG_VAN_SAMPLE: LetterInput = {
  provinceName: 'Bình Phước',
  agencyName: 'Sở Tài chính',
  asOf: '2024-07-15',
  replyBy: '2024-07-24',
  tasks: [
    { code: 'B.2.3', title: 'Xây dựng Đề án phát triển kinh tế ban đêm', sourceDocument: 'Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ', effectiveDueDate: '2024-06-28', daysOverdue: 17 },
    { code: null, title: 'Báo cáo tổng kết công tác quyết toán', sourceDocument: null, effectiveDueDate: '2024-07-01', daysOverdue: 14 },
  ],
};

/** The placeholders of the công văn đôn đốc: what a template may use (DocumentTemplate.fields). */
export const CONG_VAN_FIELDS = {
  provinceName: 'Tên tỉnh ("Bình Phước")',
  provinceUpper: 'Tên tỉnh viết hoa ("BÌNH PHƯỚC")',
  year: 'Năm của ngày lập',
  agencyName: 'Cơ quan được đôn đốc',
  asOf: 'Ngày tính số liệu (dd/mm/yyyy)',
  replyBy: 'Hạn báo cáo lại (dd/mm/yyyy)',
  taskCount: 'Số nhiệm vụ quá hạn',
  tasks: {
    no: 'Số thứ tự',
    sourceDocument: 'Văn bản giao nhiệm vụ',
    title: 'Nội dung nhiệm vụ (kèm mã)',
    dueDate: 'Thời hạn hoàn thành (dd/mm/yyyy)',
    daysOverdue: 'Số ngày quá hạn',
  },
} as const;

/** The data a công văn template is rendered with. */
export function congVanData(input: LetterInput): Record<string, unknown> {
  const [year] = parseLocalDate(input.asOf);
  return {
    provinceName: input.provinceName,
    provinceUpper: input.provinceName.toLocaleUpperCase('vi'),
    year: String(year),
    agencyName: input.agencyName,
    asOf: formatVietnameseDate(input.asOf),
    replyBy: formatVietnameseDate(input.replyBy),
    taskCount: input.tasks.length,
    tasks: input.tasks.map((t, i) => ({
      no: i + 1,
      sourceDocument: t.sourceDocument ?? '',
      title: t.code ? `${t.code}. ${t.title}` : t.title,
      dueDate: formatVietnameseDate(t.effectiveDueDate),
      daysOverdue: t.daysOverdue,
    })),
  };
}
