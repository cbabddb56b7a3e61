// @ts-check
// Vietnamese labels of the API's codes (enums, field names). Code and API stay in English;
// everything a person reads comes from here or from the API's own Vietnamese messages.

export const APP_NAME = 'Theo dõi nhiệm vụ';
export const APP_OWNER = 'UBND tỉnh';

export const ROLE = {
  admin: 'Quản trị hệ thống',
  office: 'Văn phòng UBND tỉnh',
  leader: 'Lãnh đạo UBND tỉnh',
  agency: 'Cơ quan, đơn vị',
};

export const TASK_STATUS = {
  new: 'Mới giao',
  in_progress: 'Đang thực hiện',
  submitted: 'Đã trình',
  done: 'Đã hoàn thành',
  withdrawn: 'Đã rút',
  deferred: 'Đã chuyển kỳ sau',
};

export const TIMELINESS = {
  on_time: 'Hoàn thành đúng hạn',
  late: 'Hoàn thành quá hạn',
  in_time: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  none: 'Không tính hạn',
  // Filters only (GET /api/tasks?timeliness=): the groups of the appendix tables.
  done: 'Đã hoàn thành',
  not_done: 'Chưa hoàn thành',
  not_overdue: 'Chưa hoàn thành, chưa quá hạn',
};

export const TASK_KIND = {
  proposal: 'Đề án, nội dung phải trình',
  task: 'Nhiệm vụ',
};

export const TASK_ORIGIN = {
  initial: 'Giao đầu năm',
  added: 'Giao thêm',
};

export const TASK_FIELD = {
  resultNumber: 'Số, ký hiệu văn bản kết quả',
  resultIssuedAt: 'Ngày ban hành văn bản kết quả',
  resultSummary: 'Trích yếu văn bản kết quả',
  resultIssuer: 'Cơ quan ban hành văn bản kết quả',
  file: 'Tệp',
  code: 'Mã nhiệm vụ',
  title: 'Nội dung',
  description: 'Mô tả',
  kind: 'Loại',
  programId: 'Chương trình công tác',
  leadAgencyId: 'Cơ quan chủ trì',
  coordinatingAgencyIds: 'Cơ quan phối hợp',
  assignedAt: 'Ngày giao',
  dueDate: 'Thời hạn',
  effectiveDueDate: 'Hạn tính theo ngày làm việc',
  dueText: 'Thời hạn theo văn bản',
  origin: 'Nguồn giao',
  status: 'Trạng thái',
  progress: 'Tiến độ',
  completedAt: 'Ngày hoàn thành',
  resultDocument: 'Văn bản kết quả',
  note: 'Ghi chú',
  sourceDocument: 'Văn bản giao nhiệm vụ',
  outputForm: 'Hình thức văn bản',
  submitTo: 'Cấp trình',
  leaderInCharge: 'Lãnh đạo phụ trách',
  version: 'Phiên bản',
  comment: 'Ý kiến',
};

export const HISTORY_ACTION = {
  create: 'Giao nhiệm vụ',
  update: 'Cập nhật',
  import: 'Nhập từ tệp',
  request: 'Gửi đề nghị',
  approve: 'Duyệt đề nghị',
  reject: 'Từ chối đề nghị',
  merge: 'Chuyển giao do sắp xếp cơ quan',
  attach: 'Đính kèm tệp',
};

export const REQUEST_TYPE = {
  extension: 'Gia hạn',
  withdrawal: 'Xin rút',
  deferral: 'Xin chuyển kỳ sau',
};

export const REQUEST_STATUS = {
  pending: 'Đang chờ duyệt',
  approved: 'Đã duyệt',
  rejected: 'Bị từ chối',
};

export const MAIL_KIND = {
  reminder_digest: 'Nhắc việc',
  escalation: 'Đôn đốc',
  missing_address: 'Thiếu địa chỉ nhận',
  weekly_summary: 'Tổng hợp tuần',
  report: 'Báo cáo',
  delivery_failure: 'Thư bị từ chối',
  other: 'Khác',
};

export const MAIL_STATUS = {
  held: 'Chờ đính kèm công văn',
  queued: 'Đang chờ gửi',
  sent: 'Đã gửi',
  partial: 'Gửi được một phần',
  failed: 'Gửi lỗi',
};

export const RUN_STATUS = {
  queued: 'Đang chờ',
  running: 'Đang xử lý',
  done: 'Hoàn tất',
  failed: 'Lỗi',
};

export const PROGRAM_PERIOD = {
  year: 'Năm',
  half: '6 tháng',
  quarter: 'Quý',
  month: 'Tháng',
};

export const IMPORT_ACTION = {
  create: 'Tạo mới',
  update: 'Cập nhật',
  unchanged: 'Không thay đổi',
};

export const IMPORT_FIELD = {
  ...TASK_FIELD,
  leadAgency: 'Cơ quan chủ trì',
  coordinatingAgencies: 'Cơ quan phối hợp',
  agencies: 'Cơ quan',
  group: 'Nhóm',
  file: 'Tệp',
};

export const AGENCY_KIND = {
  department: 'Sở, ban, ngành',
  district: 'UBND huyện, thị xã, thành phố',
  central: 'Cơ quan trung ương',
  other: 'Khác',
};

export const MESSAGES = {
  loading: 'Đang tải…',
  saving: 'Đang lưu…',
  saved: 'Đã lưu thay đổi.',
  stale: 'Dữ liệu đã thay đổi, vui lòng tải lại',
  reload: 'Tải lại',
  network: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  sessionExpired: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  signedOut: 'Bạn đã đăng xuất.',
  notFoundTask: 'Không tìm thấy nhiệm vụ này, hoặc nhiệm vụ không thuộc đơn vị của bạn.',
  notFoundPage: 'Không tìm thấy trang bạn yêu cầu.',
  forbidden: 'Bạn không có quyền xem trang này.',
  invalidDate: 'Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ 30/06/2024',
  empty: 'Không có dữ liệu.',
  required: 'Trường này không được để trống',
};

/** Label of a code, or the code itself when unknown. */
export function label(map, code) {
  return (code != null && map[code]) || (code ?? '');
}
