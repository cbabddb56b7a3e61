import { TaskKind } from '../../src/modules/tasks/task.enums';
import { DISTRICT_CODES } from './agencies.data';
import { LEADER_IN_CHARGE } from './users.data';

// Chương trình công tác năm 2024 của UBND tỉnh Bình Phước.
// B.1 … B.10 (and the bullets of B.2 as B.2.1 … B.2.4) are section B "CHƯƠNG TRÌNH CÔNG TÁC NĂM
// 2024" of the 2023 report (seeds/000_8182dba0a06ac392.txt), word for word in `description`.
// B.11 … are the đề án / nội dung trình of the year, written in the vocabulary of the seed reports.

export interface ProgramItemSeed {
  code: string;
  title: string;
  description?: string;
  kind: TaskKind;
  leadAgencyCode: string;
  coordinatingAgencyCodes: string[];
  /** The deadline as the document wrote it ("Quý II/2024", "Thường xuyên"). */
  dueText: string | null;
  /** The last day the phrase names; null for recurring (thường xuyên) items. */
  dueDate: string | null;
  outputForm?: string;
  submitTo?: string;
  leaderInCharge?: string;
  sourceDocument?: string;
}

export interface ProgramSeed {
  code: string;
  title: string;
  year: number;
  period: 'year' | 'half' | 'quarter' | 'month';
  issuingDocument: string;
  issuedAt: string;
  items: ProgramItemSeed[];
}

const { CHAIRMAN, STANDING_VICE, ECONOMY_VICE, SOCIAL_VICE } = LEADER_IN_CHARGE;

const RECURRING = { dueText: 'Thường xuyên', dueDate: null } as const;
const Q1 = { dueText: 'Quý I/2024', dueDate: '2024-03-31' } as const;
const Q2 = { dueText: 'Quý II/2024', dueDate: '2024-06-30' } as const;
const Q3 = { dueText: 'Quý III/2024', dueDate: '2024-09-30' } as const;
const Q4 = { dueText: 'Quý IV/2024', dueDate: '2024-12-31' } as const;
const month = (m: number, last: string) => ({ dueText: `tháng ${m < 3 ? `0${m}` : m}/2024`, dueDate: last });

const task = (item: Omit<ProgramItemSeed, 'kind'>): ProgramItemSeed => ({ kind: TaskKind.Task, ...item });
const proposal = (item: Omit<ProgramItemSeed, 'kind'>): ProgramItemSeed => ({ kind: TaskKind.Proposal, ...item });

/** Section B of the report, item by item. */
const SECTION_B: ProgramItemSeed[] = [
  task({
    code: 'B.1',
    title:
      'Bám sát chủ trương, đường lối của Đảng; thực hiện nghiêm các nghị quyết, kết luận của Tỉnh ủy, HĐND tỉnh và đồng bộ các nhiệm vụ, giải pháp năm 2024',
    description:
      'Yêu cầu các ngành, các địa phương luôn bám sát chủ trương, đường lối của Đại hội lần thứ XIII của Đảng, Đại hội Đảng bộ tỉnh lần thứ XI; quán triệt và thực hiện nghiêm túc các nghị quyết, kết luận, chương trình làm việc của Tỉnh ủy, Ban Thường vụ, Thường trực Tỉnh ủy, HĐND tỉnh, UBND tỉnh; tiếp tục nắm chắc tình hình, quyết liệt, quyết tâm hơn nữa trong chỉ đạo, điều hành, đề cao trách nhiệm cá nhân và nêu gương của người đứng đầu, thực hiện đồng bộ các nhiệm vụ, giải pháp của năm 2024 được HĐND tỉnh thông qua.',
    leadAgencyCode: 'VPUBND',
    coordinatingAgencyCodes: ['SKHDT'],
    ...RECURRING,
    leaderInCharge: CHAIRMAN,
  }),
  task({
    code: 'B.2',
    title: 'Xây dựng kế hoạch, lộ trình, giải pháp cụ thể khắc phục những tồn tại, hạn chế đã chỉ ra của năm 2023',
    description:
      'Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố theo chức trách, nhiệm vụ chủ động xây dựng kế hoạch, đề ra lộ trình, giải pháp cụ thể nhằm khắc phục những tồn tại, hạn chế đã chỉ ra của năm 2023.',
    leadAgencyCode: 'VPUBND',
    coordinatingAgencyCodes: ['SKHDT', 'SNV'],
    ...Q1,
    outputForm: 'Báo cáo',
    leaderInCharge: CHAIRMAN,
  }),
  task({
    code: 'B.2.1',
    title:
      'Đăng ký nội dung, xây dựng dự thảo văn bản trình kỳ họp HĐND tỉnh ngay từ đầu năm; nâng cao chất lượng trả lời ý kiến, kiến nghị của cử tri',
    description:
      'Chủ động đăng ký nội dung và thực hiện quy trình xây dựng dự thảo các văn bản dự kiến trình kỳ họp HĐND tỉnh ngay từ những tháng đầu năm; đồng thời chú trọng hơn nữa việc xem xét, trả lời ý kiến, kiến nghị của cử tri, đảm bảo kịp thời, hiệu quả.',
    leadAgencyCode: 'VPUBND',
    coordinatingAgencyCodes: ['STP'],
    ...Q1,
    leaderInCharge: STANDING_VICE,
  }),
  task({
    code: 'B.2.2',
    title: 'Thực hiện tốt công tác thu ngân sách; huy động kịp thời nguồn thu từ đấu giá quyền sử dụng đất để ưu tiên chi đầu tư phát triển',
    description:
      'Sở Tài chính, Sở Tài nguyên và Môi trường, Cục Thuế tập trung thực hiện tốt công tác thu ngân sách, có giải pháp hiệu quả nhằm huy động kịp thời nguồn thu từ đấu giá quyền sử dụng đất để ưu tiên chi đầu tư phát triển.',
    leadAgencyCode: 'STC',
    coordinatingAgencyCodes: ['STNMT', 'CTT'],
    dueText: 'cuối năm 2024',
    dueDate: '2024-12-31',
    leaderInCharge: ECONOMY_VICE,
  }),
  task({
    code: 'B.2.3',
    title:
      'Đẩy nhanh tiến độ đấu thầu, mua sắm tập trung thuốc, vật tư y tế, hóa chất xét nghiệm; không để xảy ra tình trạng thiếu thuốc cục bộ',
    description:
      'Sở Y tế đẩy nhanh tiến độ đấu thầu, mua sắm tập trung thuốc, vật tư y tế, hóa chất xét nghiệm phục vụ nhu cầu khám, chữa bệnh của người dân; đồng thời, thường xuyên theo dõi, đôn đốc, hướng dẫn UBND cấp huyện nâng cao trách nhiệm và chủ động mua sắm thuốc, vật tư y tế, hóa chất theo thẩm quyền; đảm bảo không xảy ra tình trạng thiếu thuốc, vật tư y tế, hóa chất xét nghiệm cục bộ như năm 2023.',
    leadAgencyCode: 'SYT',
    coordinatingAgencyCodes: ['STC', ...DISTRICT_CODES],
    ...Q2,
    leaderInCharge: SOCIAL_VICE,
  }),
  task({
    code: 'B.2.4',
    title: 'Tăng cường kiểm tra, giám sát, xử lý nghiêm các hành vi gây ô nhiễm môi trường, khai thác khoáng sản trái phép',
    description:
      'Sở Tài nguyên và Môi trường chủ trì, phối hợp với các địa phương tăng cường kiểm tra, giám sát, xử lý nghiêm các hành vi gây ô nhiễm môi trường, khai thác khoáng sản trái phép.',
    leadAgencyCode: 'STNMT',
    coordinatingAgencyCodes: ['CAT', ...DISTRICT_CODES],
    ...RECURRING,
    leaderInCharge: ECONOMY_VICE,
  }),
  task({
    code: 'B.3',
    title:
      'Xây dựng, hoàn thiện Kế hoạch thực hiện Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050; hoàn thiện thủ tục đầu tư các dự án giao thông trọng điểm kết nối vùng',
    description:
      'Tích cực phối hợp với Bộ Kế hoạch và Đầu tư và các Bộ, ngành liên quan khẩn trương xây dựng, hoàn thiện Kế hoạch thực hiện Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050, trình Thủ tướng Chính phủ ban hành, làm cơ sở triển khai thực hiện, đảm bảo hiệu quả, đúng quy định. Đồng thời, tập trung hoàn thiện thủ tục đầu tư các dự án giao thông trọng điểm, mang tính kết nối vùng để triển khai thực hiện nhằm sớm khởi công xây dựng.',
    leadAgencyCode: 'SKHDT',
    coordinatingAgencyCodes: ['SGTVT', 'STNMT', 'SXD', 'BO-KHDT'],
    ...Q2,
    outputForm: 'Kế hoạch',
    leaderInCharge: CHAIRMAN,
  }),
  proposal({
    code: 'B.4',
    title:
      'Kế hoạch triển khai thực hiện Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về xây dựng và phát triển văn hóa, con người đến năm 2030, định hướng đến năm 2045',
    description:
      'Xây dựng, ban hành Kế hoạch triển khai thực hiện kịp thời, hiệu quả Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về xây dựng và phát triển văn hóa, con người đến năm 2030, định hướng đến năm 2045.',
    leadAgencyCode: 'SVHTTDL',
    coordinatingAgencyCodes: ['SGDDT', 'SNV', 'STC'],
    ...Q1,
    outputForm: 'Kế hoạch',
    submitTo: 'UBND tỉnh',
    leaderInCharge: SOCIAL_VICE,
  }),
  task({
    code: 'B.5',
    title:
      'Đề cao trách nhiệm cá nhân và nêu gương của người đứng đầu; tham mưu có quan điểm, phương án xử lý rõ ràng, không né tránh',
    description:
      'Đề cao trách nhiệm cá nhân và nêu gương của người đứng đầu; Thủ trưởng các sở, ban, ngành phải làm hết trách nhiệm tham mưu, khi đề xuất phải có quan điểm, phương án xử lý rõ ràng, không né tránh. Phát huy tính chủ động, trách nhiệm, sáng tạo của người đứng đầu sở, ban, ngành, địa phương trong thực hiện nhiệm vụ được giao.',
    leadAgencyCode: 'SNV',
    coordinatingAgencyCodes: [],
    ...RECURRING,
    leaderInCharge: CHAIRMAN,
  }),
  task({
    code: 'B.6',
    title:
      'Tiếp tục hoàn thiện Phần mềm tài nguyên và môi trường tỉnh Bình Phước; đẩy mạnh xây dựng Chính quyền điện tử hướng tới Chính quyền số',
    description:
      'Tiếp tục hoàn thiện Phần mềm tài nguyên và môi trường tỉnh Bình Phước, đẩy mạnh ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính; đồng thời, đẩy mạnh triển khai xây dựng Chính quyền điện tử hướng tới Chính quyền số, đáp ứng yêu cầu quản lý chuyên nghiệp, hiện đại.',
    leadAgencyCode: 'STNMT',
    coordinatingAgencyCodes: ['STTTT', 'VPUBND'],
    dueText: 'cuối năm 2024',
    dueDate: '2024-12-31',
    leaderInCharge: STANDING_VICE,
  }),
  task({
    code: 'B.7',
    title:
      'Phát huy công tác truyền thông chính sách; cung cấp thông tin kịp thời, chính xác về hoạt động chỉ đạo, điều hành của tỉnh',
    description:
      'Phát huy công tác truyền thông với vai trò là một phương thức lãnh đạo quan trọng trong hoạt động chỉ đạo, điều hành; nâng cao hiệu quả, tính chủ động trong việc cung cấp thông tin kịp thời, chính xác, có định hướng về hoạt động chỉ đạo, điều hành của tỉnh đến người dân, xã hội; không để xảy ra khủng hoảng truyền thông.',
    leadAgencyCode: 'STTTT',
    coordinatingAgencyCodes: ['VPUBND', 'DPTTH'],
    ...RECURRING,
    leaderInCharge: SOCIAL_VICE,
  }),
  proposal({
    code: 'B.8',
    title: 'Chương trình công tác năm 2024 của UBND tỉnh và cơ chế đôn đốc, kiểm tra việc thực hiện nhiệm vụ',
    description:
      'Xây dựng Chương trình công tác năm 2024 tuân thủ theo Chương trình làm việc của Tỉnh ủy, Chương trình giám sát của Thường trực HĐND tỉnh và các Ban của HĐND tỉnh, bảo đảm chất lượng, phân công rõ cơ quan chủ trì, đơn vị phối hợp và thời gian hoàn thành cụ thể. Đồng thời, có cơ chế đôn đốc, kiểm tra, giám sát việc thực hiện nhiệm vụ đến kết quả cuối cùng, nhất là những đề án, nhiệm vụ trong Chương trình hành động số 17-CTr/TU ngày 30/9/2021 của Tỉnh ủy.',
    leadAgencyCode: 'VPUBND',
    coordinatingAgencyCodes: [],
    ...month(1, '2024-01-31'),
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: CHAIRMAN,
  }),
  task({
    code: 'B.9',
    title:
      'Tăng cường kỷ luật, kỷ cương hành chính; tiếp tục sắp xếp, kiện toàn tổ chức bộ máy cơ quan hành chính nhà nước theo hướng tinh gọn, hiệu lực, hiệu quả',
    description:
      'Tăng cường kỷ luật, kỷ cương hành chính; tiếp tục sắp xếp, kiện toàn tổ chức và hoạt động của cơ quan hành chính nhà nước theo hướng tinh gọn, hiệu lực, hiệu quả. Từng cán bộ, công chức, viên chức nêu cao hơn nữa tinh thần trách nhiệm phục vụ Nhân dân, nâng cao đạo đức công vụ, tính chuyên nghiệp trong thực thi công vụ, đảm bảo hiệu lực, hiệu quả.',
    leadAgencyCode: 'SNV',
    coordinatingAgencyCodes: ['VPUBND', 'TTT'],
    ...RECURRING,
    leaderInCharge: STANDING_VICE,
  }),
  task({
    code: 'B.10',
    title:
      'Chủ động làm việc với các Bộ, ngành Trung ương để triển khai chủ trương, chính sách của Chính phủ và tháo gỡ khó khăn, vướng mắc của địa phương',
    description:
      'Chủ động liên hệ, làm việc với các Bộ, ngành Trung ương để triển khai kịp thời, có hiệu quả các chủ trương, chính sách của Chính phủ, cũng như hỗ trợ giải quyết các khó khăn, vướng mắc của địa phương trong quá trình quản lý, điều hành.',
    leadAgencyCode: 'VPUBND',
    coordinatingAgencyCodes: ['SKHDT', 'STC'],
    ...RECURRING,
    leaderInCharge: CHAIRMAN,
  }),
];

/** The land-law items were added after Luật Đất đai năm 2024 was passed (18/01/2024). */
const LAND_LAW_PLAN = 'Kế hoạch số 98/KH-UBND ngày 25/3/2024 của UBND tỉnh triển khai thi hành Luật Đất đai năm 2024';

/** Đề án / nội dung trình of the year. */
const PROPOSALS: ProgramItemSeed[] = [
  proposal({
    code: 'B.11',
    title: 'Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2025',
    leadAgencyCode: 'SKHDT',
    coordinatingAgencyCodes: ['STC', 'VPUBND'],
    ...month(12, '2024-12-31'),
    outputForm: 'Nghị quyết',
    submitTo: 'HĐND tỉnh',
    leaderInCharge: CHAIRMAN,
  }),
  proposal({
    code: 'B.12',
    title:
      'Nghị quyết về dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương và phân bổ ngân sách cấp tỉnh năm 2025',
    leadAgencyCode: 'STC',
    coordinatingAgencyCodes: ['SKHDT', 'CTT'],
    ...month(12, '2024-12-31'),
    outputForm: 'Nghị quyết',
    submitTo: 'HĐND tỉnh',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.13',
    title: 'Nghị quyết về kế hoạch đầu tư công năm 2025',
    leadAgencyCode: 'SKHDT',
    coordinatingAgencyCodes: ['STC'],
    ...month(12, '2024-12-31'),
    outputForm: 'Nghị quyết',
    submitTo: 'HĐND tỉnh',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.14',
    title: 'Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm; nhiệm vụ, giải pháp 6 tháng cuối năm 2024',
    leadAgencyCode: 'SKHDT',
    coordinatingAgencyCodes: ['STC', 'CTK'],
    ...month(6, '2024-06-30'),
    outputForm: 'Báo cáo',
    submitTo: 'HĐND tỉnh',
    leaderInCharge: CHAIRMAN,
  }),
  proposal({
    code: 'B.15',
    title: 'Quyết định quy định hạn mức giao đất, hạn mức công nhận quyền sử dụng đất trên địa bàn tỉnh Bình Phước',
    description: 'Quy định chi tiết thi hành Luật Đất đai năm 2024 thuộc thẩm quyền của UBND tỉnh.',
    leadAgencyCode: 'STNMT',
    coordinatingAgencyCodes: ['STP', 'SXD'],
    ...month(8, '2024-08-31'),
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: ECONOMY_VICE,
    sourceDocument: LAND_LAW_PLAN,
  }),
  proposal({
    code: 'B.16',
    title: 'Quyết định quy định điều kiện, diện tích tối thiểu tách thửa, hợp thửa đất trên địa bàn tỉnh Bình Phước',
    description: 'Quy định chi tiết thi hành Luật Đất đai năm 2024 thuộc thẩm quyền của UBND tỉnh.',
    leadAgencyCode: 'STNMT',
    coordinatingAgencyCodes: ['STP', 'SXD', 'SNNPTNT'],
    ...month(8, '2024-08-31'),
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: ECONOMY_VICE,
    sourceDocument: LAND_LAW_PLAN,
  }),
  proposal({
    code: 'B.17',
    title: 'Quyết định ban hành Quy định về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất trên địa bàn tỉnh',
    description: 'Quy định chi tiết thi hành Luật Đất đai năm 2024 thuộc thẩm quyền của UBND tỉnh.',
    leadAgencyCode: 'STNMT',
    coordinatingAgencyCodes: ['STC', 'SXD', 'SNNPTNT', 'STP'],
    ...Q3,
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: ECONOMY_VICE,
    sourceDocument: LAND_LAW_PLAN,
  }),
  proposal({
    code: 'B.18',
    title: 'Quyết định điều chỉnh, bổ sung Bảng giá các loại đất trên địa bàn tỉnh Bình Phước giai đoạn 2020-2024',
    leadAgencyCode: 'STNMT',
    coordinatingAgencyCodes: ['STC', 'CTT', 'SXD'],
    ...Q3,
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.19',
    title: 'Tờ trình thông qua danh mục công trình, dự án cần thu hồi đất, chuyển mục đích sử dụng đất năm 2025',
    leadAgencyCode: 'STNMT',
    coordinatingAgencyCodes: ['SKHDT', ...DISTRICT_CODES],
    ...month(11, '2024-11-30'),
    outputForm: 'Tờ trình',
    submitTo: 'HĐND tỉnh',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.20',
    title: 'Nghị quyết về việc sắp xếp đơn vị hành chính cấp xã giai đoạn 2023-2025 của tỉnh Bình Phước',
    leadAgencyCode: 'SNV',
    coordinatingAgencyCodes: ['UBND-BL', 'UBND-PL', 'UBND-LN', 'UBND-BDG'],
    ...Q2,
    outputForm: 'Nghị quyết',
    submitTo: 'HĐND tỉnh',
    leaderInCharge: STANDING_VICE,
  }),
  proposal({
    code: 'B.21',
    title:
      'Quyết định phê duyệt danh mục vị trí việc làm và cơ cấu ngạch công chức trong các cơ quan, tổ chức hành chính thuộc UBND tỉnh',
    leadAgencyCode: 'SNV',
    coordinatingAgencyCodes: ['STC'],
    ...Q3,
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: STANDING_VICE,
  }),
  proposal({
    code: 'B.22',
    title:
      'Nghị quyết quy định mức thu học phí đối với cơ sở giáo dục mầm non, giáo dục phổ thông công lập năm học 2024-2025',
    leadAgencyCode: 'SGDDT',
    coordinatingAgencyCodes: ['STC', 'SLDTBXH'],
    ...month(7, '2024-07-31'),
    outputForm: 'Nghị quyết',
    submitTo: 'HĐND tỉnh',
    leaderInCharge: SOCIAL_VICE,
  }),
  proposal({
    code: 'B.23',
    title: 'Kế hoạch tuyển dụng, bổ sung giáo viên các cấp học giai đoạn 2024-2026',
    leadAgencyCode: 'SGDDT',
    coordinatingAgencyCodes: ['SNV', 'STC'],
    ...Q2,
    outputForm: 'Kế hoạch',
    submitTo: 'UBND tỉnh',
    leaderInCharge: SOCIAL_VICE,
  }),
  proposal({
    code: 'B.24',
    title:
      'Nghị quyết quy định giá dịch vụ khám bệnh, chữa bệnh không thuộc phạm vi thanh toán của Quỹ bảo hiểm y tế trong các cơ sở khám bệnh, chữa bệnh của Nhà nước',
    leadAgencyCode: 'SYT',
    coordinatingAgencyCodes: ['STC', 'BHXH'],
    ...Q4,
    outputForm: 'Nghị quyết',
    submitTo: 'HĐND tỉnh',
    leaderInCharge: SOCIAL_VICE,
  }),
  proposal({
    code: 'B.25',
    title: 'Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2024',
    leadAgencyCode: 'SLDTBXH',
    coordinatingAgencyCodes: ['STC', 'SKHDT', 'BDT'],
    ...Q1,
    outputForm: 'Kế hoạch',
    submitTo: 'UBND tỉnh',
    leaderInCharge: SOCIAL_VICE,
  }),
  proposal({
    code: 'B.26',
    title: 'Nghị quyết quy định mức hỗ trợ đóng bảo hiểm xã hội tự nguyện cho người tham gia trên địa bàn tỉnh',
    leadAgencyCode: 'SLDTBXH',
    coordinatingAgencyCodes: ['STC', 'BHXH'],
    ...Q4,
    outputForm: 'Nghị quyết',
    submitTo: 'HĐND tỉnh',
    leaderInCharge: SOCIAL_VICE,
  }),
  proposal({
    code: 'B.27',
    title: 'Kế hoạch chuyển đổi số tỉnh Bình Phước năm 2025',
    leadAgencyCode: 'STTTT',
    coordinatingAgencyCodes: ['VPUBND', 'CAT', 'STC'],
    ...month(12, '2024-12-31'),
    outputForm: 'Kế hoạch',
    submitTo: 'UBND tỉnh',
    leaderInCharge: STANDING_VICE,
  }),
  proposal({
    code: 'B.28',
    title: 'Quyết định ban hành Quy chế quản lý, vận hành, khai thác Trung tâm Giám sát, điều hành thông minh (IOC) tỉnh',
    leadAgencyCode: 'STTTT',
    coordinatingAgencyCodes: ['CAT', 'VPUBND'],
    ...Q2,
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: STANDING_VICE,
  }),
  proposal({
    code: 'B.29',
    title: 'Đề án phát triển du lịch tỉnh Bình Phước giai đoạn 2024-2030, tầm nhìn đến năm 2045',
    leadAgencyCode: 'SVHTTDL',
    coordinatingAgencyCodes: ['SKHDT', 'STC', 'SNNPTNT', 'UBND-BGM', 'UBND-BDG'],
    ...Q3,
    outputForm: 'Đề án',
    submitTo: 'Tỉnh ủy',
    leaderInCharge: SOCIAL_VICE,
  }),
  proposal({
    code: 'B.30',
    title: 'Nghị quyết về việc đặt tên đường trên địa bàn thị xã Chơn Thành',
    leadAgencyCode: 'SVHTTDL',
    coordinatingAgencyCodes: ['UBND-CT', 'SXD'],
    ...Q3,
    outputForm: 'Nghị quyết',
    submitTo: 'HĐND tỉnh',
    leaderInCharge: SOCIAL_VICE,
  }),
  proposal({
    code: 'B.31',
    title: 'Quyết định phê duyệt Kế hoạch phát triển nhà ở tỉnh Bình Phước năm 2025',
    leadAgencyCode: 'SXD',
    coordinatingAgencyCodes: ['STNMT', 'BQLKKT', 'SKHDT'],
    ...month(12, '2024-12-31'),
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.32',
    title: 'Đề án đề nghị công nhận thị xã Chơn Thành đạt tiêu chí đô thị loại III',
    leadAgencyCode: 'SXD',
    coordinatingAgencyCodes: ['UBND-CT', 'SNV'],
    ...Q4,
    outputForm: 'Đề án',
    submitTo: 'HĐND tỉnh',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.33',
    title: 'Quyết định ban hành Quy định phân cấp quản lý chất lượng công trình xây dựng trên địa bàn tỉnh',
    leadAgencyCode: 'SXD',
    coordinatingAgencyCodes: ['SGTVT', 'SNNPTNT', 'SCT', 'STP'],
    ...Q2,
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.34',
    title: 'Quyết định phê duyệt Kế hoạch bảo trì hệ thống đường tỉnh năm 2025',
    leadAgencyCode: 'SGTVT',
    coordinatingAgencyCodes: ['STC'],
    ...month(12, '2024-12-31'),
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.35',
    title:
      'Tờ trình đề xuất chủ trương đầu tư dự án đường cao tốc Gia Nghĩa - Chơn Thành theo phương thức đối tác công tư (PPP)',
    leadAgencyCode: 'SGTVT',
    coordinatingAgencyCodes: ['SKHDT', 'STC', 'STNMT', 'BO-GTVT'],
    ...Q2,
    outputForm: 'Tờ trình',
    submitTo: 'Tỉnh ủy',
    leaderInCharge: CHAIRMAN,
    sourceDocument: 'Thông báo số 45/TB-UBND ngày 20/02/2024 của UBND tỉnh',
  }),
  proposal({
    code: 'B.36',
    title: 'Đề án phát triển ngành điều tỉnh Bình Phước đến năm 2030, tầm nhìn đến năm 2045',
    leadAgencyCode: 'SNNPTNT',
    coordinatingAgencyCodes: ['SCT', 'SKHCN', 'SKHDT'],
    ...Q3,
    outputForm: 'Đề án',
    submitTo: 'Tỉnh ủy',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.37',
    title: 'Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2024',
    leadAgencyCode: 'SNNPTNT',
    coordinatingAgencyCodes: ['SKHDT', 'STC'],
    ...Q1,
    outputForm: 'Kế hoạch',
    submitTo: 'UBND tỉnh',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.38',
    title: 'Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Bình Phước năm 2024',
    leadAgencyCode: 'SNNPTNT',
    coordinatingAgencyCodes: ['BCHQS', 'CAT'],
    ...month(4, '2024-04-30'),
    outputForm: 'Kế hoạch',
    submitTo: 'UBND tỉnh',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.39',
    title: 'Quyết định ban hành Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh Bình Phước',
    leadAgencyCode: 'SCT',
    coordinatingAgencyCodes: ['SKHDT', 'STNMT', 'SXD', 'STP'],
    ...Q3,
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.40',
    title: 'Đề án xây dựng và phát triển Khu kinh tế cửa khẩu Hoa Lư giai đoạn 2024-2030',
    leadAgencyCode: 'BQLKKT',
    coordinatingAgencyCodes: ['SKHDT', 'SCT', 'BCHBDBP', 'UBND-LN'],
    ...Q4,
    outputForm: 'Đề án',
    submitTo: 'Tỉnh ủy',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.41',
    title:
      'Kế hoạch triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia (Đề án 06) năm 2024',
    leadAgencyCode: 'CAT',
    coordinatingAgencyCodes: ['STTTT', 'VPUBND'],
    ...month(2, '2024-02-29'),
    outputForm: 'Kế hoạch',
    submitTo: 'UBND tỉnh',
    leaderInCharge: STANDING_VICE,
  }),
  proposal({
    code: 'B.42',
    title: 'Báo cáo kết quả công tác phòng, chống tham nhũng, tiêu cực năm 2024',
    leadAgencyCode: 'TTT',
    coordinatingAgencyCodes: ['SNV', 'CAT'],
    ...month(11, '2024-11-30'),
    outputForm: 'Báo cáo',
    submitTo: 'Tỉnh ủy',
    leaderInCharge: CHAIRMAN,
  }),
  proposal({
    code: 'B.43',
    title: 'Quyết định sửa đổi, bổ sung Quy chế làm việc của UBND tỉnh nhiệm kỳ 2021-2026',
    leadAgencyCode: 'VPUBND',
    coordinatingAgencyCodes: ['STP', 'SNV'],
    ...Q2,
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: CHAIRMAN,
  }),
  proposal({
    code: 'B.44',
    title: 'Nghị quyết quy định chính sách hỗ trợ phát triển kinh tế tập thể, hợp tác xã trên địa bàn tỉnh giai đoạn 2024-2030',
    leadAgencyCode: 'SKHDT',
    coordinatingAgencyCodes: ['STC', 'SNNPTNT'],
    ...Q3,
    outputForm: 'Nghị quyết',
    submitTo: 'HĐND tỉnh',
    leaderInCharge: ECONOMY_VICE,
  }),
  proposal({
    code: 'B.45',
    title: 'Quyết định phê duyệt danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng thực hiện năm 2025',
    leadAgencyCode: 'SKHCN',
    coordinatingAgencyCodes: ['STC'],
    ...Q4,
    outputForm: 'Quyết định',
    submitTo: 'UBND tỉnh',
    leaderInCharge: SOCIAL_VICE,
  }),
];

export const PROGRAM_2024: ProgramSeed = {
  code: 'CTCT-2024',
  title: 'Chương trình công tác năm 2024 của UBND tỉnh',
  year: 2024,
  period: 'year',
  issuingDocument: 'Báo cáo số 412/BC-UBND ngày 04/12/2023 của UBND tỉnh',
  issuedAt: '2023-12-04',
  items: [...SECTION_B, ...PROPOSALS],
};

/**
 * Items added to the program during the year (giao thêm, origin `added`), with the day they were
 * given — the date of their `sourceDocument`. Every other item is in the program as issued
 * (giao đầu năm, assigned on `issuedAt`).
 */
export const PROGRAM_2024_ADDED: Readonly<Record<string, string>> = {
  'B.15': '2024-03-25',
  'B.16': '2024-03-25',
  'B.17': '2024-03-25',
  'B.35': '2024-02-20',
};
