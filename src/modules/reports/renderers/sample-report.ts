import { AppendixReport, ReportDocumentInfo } from '../appendix.types';

/** A small snapshot for the renderer specs: two agencies, two overdue tasks (one moved off a Saturday). */
export const SAMPLE_REPORT: AppendixReport = {
  period: { from: '2024-03-15', to: '2024-06-14', asOf: '2024-06-20' },
  programItems: { initial: 40, added: 3, withdrawnOrDeferred: 1, total: 42, submitted: 37, issued: 33, notSubmitted: 5, submittedRate: 0.881 },
  programItemsByAgency: [
    { agencyId: 2, agencyCode: 'STC', agencyName: 'Sở Tài chính', initial: 30, added: 2, withdrawnOrDeferred: 1, total: 31, submitted: 28, issued: 25, notSubmitted: 3, submittedRate: 0.903 },
    { agencyId: 5, agencyCode: 'UBND-DX', agencyName: 'UBND thành phố Đồng Xoài', initial: 10, added: 1, withdrawnOrDeferred: 0, total: 11, submitted: 9, issued: 8, notSubmitted: 2, submittedRate: 0.818 },
  ],
  tasks: {
    total: 12,
    carriedOver: 3,
    assignedInPeriod: 9,
    done: 7,
    doneOnTime: 6,
    doneLate: 1,
    open: 5,
    openInTime: 3,
    openOverdue: 2,
    doneRate: 0.583,
    completionRate: 0.778,
  },
  byAgency: [
    { agencyId: 2, agencyCode: 'STC', agencyName: 'Sở Tài chính', total: 8, done: 5, doneOnTime: 4, doneLate: 1, open: 3, openInTime: 1, openOverdue: 2, doneRate: 0.625, completionRate: 0.714 },
    { agencyId: 5, agencyCode: 'UBND-DX', agencyName: 'UBND thành phố Đồng Xoài', total: 4, done: 2, doneOnTime: 2, doneLate: 0, open: 2, openInTime: 2, openOverdue: 0, doneRate: 0.5, completionRate: 1 },
  ],
  overdue: [
    {
      no: 1,
      taskId: 31,
      code: 'NV-03',
      sourceDocument: 'Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ',
      title: 'Rà soát, đề xuất phương án phân bổ vốn đầu tư công năm 2024',
      dueDate: '2024-06-01',
      effectiveDueDate: '2024-06-03',
      agencyName: 'Sở Tài chính',
      daysOverdue: 17,
      note: 'quá hạn 17 ngày',
    },
    {
      no: 2,
      taskId: 40,
      code: null,
      sourceDocument: null,
      title: 'Báo cáo tình hình thu ngân sách 5 tháng đầu năm',
      dueDate: '2024-06-10',
      effectiveDueDate: '2024-06-10',
      agencyName: 'Sở Tài chính',
      daysOverdue: 10,
      note: 'quá hạn 10 ngày',
    },
  ],
  overduePage: { page: 1, limit: 2, total: 2 },
};

export const SAMPLE_INFO: ReportDocumentInfo = {
  provinceName: 'Bình Phước',
  periodLabel: 'Quý II năm 2024',
  periodPhrase: 'quý II năm 2024',
  reportNumber: '165',
  reportDate: '2024-07-01',
};

/** The same period with nothing in it. */
export const EMPTY_REPORT: AppendixReport = {
  period: { from: '2024-01-01', to: '2024-01-31', asOf: '2024-01-31' },
  programItems: { initial: 0, added: 0, withdrawnOrDeferred: 0, total: 0, submitted: 0, issued: 0, notSubmitted: 0, submittedRate: null },
  programItemsByAgency: [],
  tasks: { total: 0, carriedOver: 0, assignedInPeriod: 0, done: 0, doneOnTime: 0, doneLate: 0, open: 0, openInTime: 0, openOverdue: 0, doneRate: null, completionRate: null },
  byAgency: [],
  overdue: [],
  overduePage: { page: 1, limit: 0, total: 0 },
};
