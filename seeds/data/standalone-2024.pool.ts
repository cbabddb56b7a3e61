// Stand-alone 2024 assignments (nhiệm vụ giao ngoài chương trình), the raw material of
// buildDemoTasks() part (b). Dates, deadlines, assigning documents and outcomes are drawn there
// from a seeded PRNG; here only what a person would write: who leads, what, with whom.

export interface PoolEntry {
  /** Lead agency code. */
  lead: string;
  title: string;
  coord?: string[];
  /** Month of the year the task was given, when the content ties it to a season (Tết, mùa khô, kỳ thi). */
  month?: number;
  /** Days from assignment to deadline [min, max]; default [20, 90]. */
  span?: [number, number];
  /** Thường xuyên: no due date, stays open. */
  recurring?: boolean;
  /** A fixed assigning document instead of a drawn one. */
  source?: 'NQ01' | 'NQ02';
}

const districtNames: Record<string, string> = {
  'UBND-DX': 'thành phố Đồng Xoài',
  'UBND-BL': 'thị xã Bình Long',
  'UBND-PL': 'thị xã Phước Long',
  'UBND-CT': 'thị xã Chơn Thành',
  'UBND-DP': 'huyện Đồng Phú',
  'UBND-BDG': 'huyện Bù Đăng',
  'UBND-BDP': 'huyện Bù Đốp',
  'UBND-BGM': 'huyện Bù Gia Mập',
  'UBND-HQ': 'huyện Hớn Quản',
  'UBND-LN': 'huyện Lộc Ninh',
  'UBND-PR': 'huyện Phú Riềng',
};

const perDistrict = (
  codes: string[],
  title: (place: string) => string,
  extra: Omit<PoolEntry, 'lead' | 'title'> = {},
): PoolEntry[] => codes.map((lead) => ({ lead, title: title(districtNames[lead]), ...extra }));

export const STANDALONE_2024_POOL: PoolEntry[] = [
  // Văn phòng UBND tỉnh
  {
    lead: 'VPUBND',
    title: 'Theo dõi, đôn đốc, tổng hợp tình hình thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao; báo cáo định kỳ hằng tháng',
    recurring: true,
  },
  {
    lead: 'VPUBND',
    title: 'Triển khai số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh',
    coord: ['STTTT'],
  },
  {
    lead: 'VPUBND',
    title: 'Rà soát, đề xuất phương án đơn giản hóa thủ tục hành chính, giấy tờ công dân liên quan đến quản lý dân cư năm 2024',
    coord: ['STP', 'CAT'],
  },
  {
    lead: 'VPUBND',
    title: 'Chuẩn bị nội dung, tài liệu phục vụ kỳ họp thường lệ giữa năm 2024 của HĐND tỉnh',
    coord: ['STP', 'SKHDT'],
    month: 5,
    span: [25, 45],
  },

  // Sở Tài chính
  {
    lead: 'STC',
    title: 'Tham mưu giao dự toán thu, chi ngân sách nhà nước năm 2024 cho các đơn vị dự toán cấp tỉnh và ngân sách cấp huyện',
    coord: ['SKHDT', 'CTT'],
    month: 1,
    span: [10, 25],
  },
  {
    lead: 'STC',
    title: 'Rà soát, tổng hợp nhu cầu kinh phí thực hiện cải cách chính sách tiền lương từ ngày 01/7/2024',
    coord: ['SNV'],
    month: 6,
    span: [20, 40],
  },
  {
    lead: 'STC',
    title: 'Báo cáo tình hình thực hiện tiết kiệm 10% chi thường xuyên dự toán năm 2024 của các cơ quan, đơn vị',
    coord: ['KBNN'],
  },
  {
    lead: 'STC',
    title: 'Xây dựng phương án sắp xếp lại, xử lý tài sản công là nhà, đất của các cơ quan, đơn vị thuộc tỉnh quản lý',
    coord: ['STNMT', 'SXD'],
    span: [45, 110],
  },
  {
    lead: 'STC',
    title: 'Tổng hợp quyết toán ngân sách địa phương năm 2023 trình HĐND tỉnh phê chuẩn',
    coord: ['KBNN'],
    month: 5,
    span: [30, 60],
  },
  {
    lead: 'STC',
    title: 'Đôn đốc các chủ đầu tư quyết toán dự án hoàn thành sử dụng vốn nhà nước; xử lý dứt điểm các dự án chậm quyết toán',
    coord: ['SKHDT', 'KBNN'],
  },
  {
    lead: 'STC',
    title: 'Hướng dẫn các địa phương quản lý, sử dụng kinh phí sự nghiệp thực hiện các Chương trình mục tiêu quốc gia năm 2024',
    coord: ['SKHDT', 'BDT'],
  },

  // Sở Kế hoạch và Đầu tư
  {
    lead: 'SKHDT',
    title: 'Triển khai thực hiện Nghị quyết số 01/NQ-CP về nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội năm 2024',
    coord: ['STC', 'VPUBND'],
    source: 'NQ01',
    span: [25, 40],
  },
  {
    lead: 'SKHDT',
    title: 'Xây dựng Kế hoạch hành động cải thiện môi trường kinh doanh, nâng cao năng lực cạnh tranh năm 2024',
    coord: ['SCT', 'STP', 'VPUBND'],
    source: 'NQ02',
    span: [30, 50],
  },
  {
    lead: 'SKHDT',
    title: 'Báo cáo tình hình giải ngân vốn đầu tư công; đề xuất điều chuyển vốn các dự án giải ngân chậm',
    coord: ['STC', 'KBNN'],
  },
  {
    lead: 'SKHDT',
    title: 'Tổ chức đánh giá Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI) năm 2024',
    coord: ['VPUBND'],
    span: [60, 120],
  },
  {
    lead: 'SKHDT',
    title: 'Rà soát các dự án đầu tư ngoài ngân sách chậm tiến độ; đề xuất chấm dứt hoạt động, thu hồi chủ trương đầu tư theo quy định',
    coord: ['STNMT', 'BQLKKT'],
  },
  {
    lead: 'SKHDT',
    title: 'Xây dựng Chương trình xúc tiến đầu tư năm 2025 của tỉnh',
    coord: ['SNGV', 'SCT', 'BQLKKT'],
    month: 10,
  },
  {
    lead: 'SKHDT',
    title: 'Tổng hợp, đề xuất danh mục dự án dự kiến đầu tư trong kế hoạch đầu tư công trung hạn giai đoạn 2026-2030',
    coord: ['STC', 'SGTVT', 'SXD'],
    month: 8,
  },

  // Sở Tài nguyên và Môi trường
  {
    lead: 'STNMT',
    title: 'Đẩy nhanh tiến độ cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân đủ điều kiện',
    coord: ['UBND-BGM', 'UBND-BDG', 'UBND-HQ'],
  },
  {
    lead: 'STNMT',
    title: 'Thanh tra, kiểm tra việc chấp hành pháp luật về bảo vệ môi trường tại các cơ sở chăn nuôi heo, gà tập trung',
    coord: ['CAT', 'SNNPTNT'],
  },
  {
    lead: 'STNMT',
    title: 'Xây dựng kế hoạch đấu giá quyền sử dụng đất các khu đất công năm 2024',
    coord: ['STC', 'UBND-DX', 'UBND-CT'],
    month: 2,
  },
  {
    lead: 'STNMT',
    title: 'Tổ chức tập huấn, phổ biến Luật Đất đai năm 2024 và các văn bản hướng dẫn thi hành cho cán bộ cấp huyện, cấp xã',
    coord: ['STP'],
    month: 7,
  },
  {
    lead: 'STNMT',
    title: 'Kiểm tra, xử lý tình trạng khai thác cát trái phép trên sông Bé, sông Sài Gòn đoạn qua địa bàn tỉnh',
    coord: ['CAT', 'UBND-PL', 'UBND-HQ'],
  },
  {
    lead: 'STNMT',
    title: 'Triển khai kiểm kê đất đai, lập bản đồ hiện trạng sử dụng đất năm 2024',
    coord: ['SNNPTNT'],
    month: 3,
    span: [90, 150],
  },
  {
    lead: 'STNMT',
    title: 'Giải quyết kiến nghị của cử tri về việc chậm cấp giấy chứng nhận quyền sử dụng đất tại các dự án khu dân cư',
    coord: ['SXD', 'UBND-DX'],
  },

  // Sở Nông nghiệp và Phát triển nông thôn
  {
    lead: 'SNNPTNT',
    title: 'Triển khai các biện pháp cấp bách phòng, chống bệnh Dịch tả heo châu Phi, bệnh Viêm da nổi cục trên trâu, bò',
    coord: ['SYT'],
  },
  {
    lead: 'SNNPTNT',
    title: 'Tăng cường quản lý, bảo vệ rừng, phòng cháy, chữa cháy rừng mùa khô 2023-2024',
    coord: ['BCHQS', 'CAT'],
    month: 1,
    span: [20, 45],
  },
  {
    lead: 'SNNPTNT',
    title: 'Hướng dẫn cấp mã số vùng trồng, mã số cơ sở đóng gói phục vụ xuất khẩu sầu riêng, hạt điều',
    coord: ['SCT'],
  },
  {
    lead: 'SNNPTNT',
    title: 'Thẩm định hồ sơ đề nghị xét, công nhận xã đạt chuẩn nông thôn mới, nông thôn mới nâng cao năm 2024',
    coord: ['SKHDT', 'STC'],
    month: 9,
  },
  {
    lead: 'SNNPTNT',
    title: 'Tổ chức đánh giá, phân hạng và công nhận sản phẩm OCOP năm 2024',
    coord: ['SCT', 'SKHCN'],
  },
  {
    lead: 'SNNPTNT',
    title: 'Kiểm tra, đánh giá an toàn các hồ chứa nước thủy lợi trước mùa mưa năm 2024',
    coord: ['SXD'],
    month: 4,
    span: [20, 45],
  },
  {
    lead: 'SNNPTNT',
    title: 'Rà soát, xử lý tình trạng lấn chiếm đất rừng tại các Ban Quản lý rừng phòng hộ',
    coord: ['CAT', 'STNMT'],
  },

  // Sở Y tế
  {
    lead: 'SYT',
    title: 'Tổ chức lựa chọn nhà thầu cung cấp thuốc theo hình thức mua sắm tập trung cấp địa phương năm 2024-2025',
    coord: ['STC'],
    month: 2,
  },
  {
    lead: 'SYT',
    title: 'Tăng cường kiểm tra an toàn thực phẩm dịp Tết Nguyên đán Giáp Thìn và mùa lễ hội Xuân 2024',
    coord: ['SCT', 'SNNPTNT', 'QLTT'],
    month: 1,
    span: [10, 25],
  },
  {
    lead: 'SYT',
    title: 'Triển khai các biện pháp phòng, chống dịch sốt xuất huyết, tay chân miệng trong mùa mưa năm 2024',
    coord: ['SGDDT'],
    month: 5,
  },
  {
    lead: 'SYT',
    title: 'Triển khai bệnh án điện tử tại các bệnh viện, trung tâm y tế công lập theo lộ trình của Bộ Y tế',
    coord: ['STTTT', 'BO-YT'],
    span: [60, 120],
  },
  {
    lead: 'SYT',
    title: 'Đề xuất chính sách thu hút, đãi ngộ bác sĩ về công tác tại các trung tâm y tế tuyến huyện, trạm y tế xã',
    coord: ['SNV', 'STC'],
  },
  {
    lead: 'SYT',
    title: 'Phối hợp giải quyết vướng mắc trong thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế',
    coord: ['BHXH'],
  },

  {
    lead: 'SYT',
    title: 'Giám sát chặt chẽ tình hình dịch bệnh truyền nhiễm; chủ động các phương án phòng, chống dịch',
    coord: ['SNNPTNT'],
    recurring: true,
  },

  // Sở Xây dựng
  {
    lead: 'SXD',
    title: 'Kiểm tra công tác quản lý chất lượng công trình xây dựng sử dụng vốn đầu tư công năm 2024',
    coord: ['SGTVT', 'SNNPTNT'],
  },
  {
    lead: 'SXD',
    title: 'Rà soát quỹ đất, đề xuất dự án nhà ở xã hội cho công nhân các khu công nghiệp',
    coord: ['BQLKKT', 'STNMT'],
  },
  {
    lead: 'SXD',
    title: 'Thẩm định đồ án điều chỉnh Quy hoạch chung đô thị Chơn Thành đến năm 2040',
    coord: ['UBND-CT', 'STNMT'],
    span: [45, 100],
  },
  {
    lead: 'SXD',
    title: 'Công bố giá vật liệu xây dựng và chỉ số giá xây dựng trên địa bàn tỉnh',
    coord: ['STC'],
  },
  {
    lead: 'SXD',
    title: 'Rà soát, đánh giá các tiêu chí phân loại đô thị của thị xã Phước Long',
    coord: ['UBND-PL'],
  },

  // Sở Giao thông vận tải
  {
    lead: 'SGTVT',
    title: 'Phối hợp UBND tỉnh Bình Dương hoàn chỉnh Báo cáo nghiên cứu tiền khả thi dự án cao tốc TP. Hồ Chí Minh - Thủ Dầu Một - Chơn Thành',
    coord: ['SKHDT', 'BO-GTVT'],
    span: [45, 90],
  },
  {
    lead: 'SGTVT',
    title: 'Khắc phục các điểm đen, điểm tiềm ẩn nguy cơ tai nạn giao thông trên Quốc lộ 13, Quốc lộ 14',
    coord: ['CAT'],
  },
  {
    lead: 'SGTVT',
    title: 'Kiểm tra, xử lý tình trạng xe chở quá tải trọng làm hư hỏng đường ĐT.741, ĐT.753',
    coord: ['CAT'],
  },
  {
    lead: 'SGTVT',
    title: 'Bảo đảm trật tự, an toàn giao thông dịp Tết Nguyên đán Giáp Thìn và mùa lễ hội Xuân 2024',
    coord: ['CAT'],
    month: 1,
    span: [10, 25],
  },
  {
    lead: 'SGTVT',
    title: 'Đề xuất danh mục dự án giao thông kết nối vùng Đông Nam Bộ giai đoạn 2026-2030',
    coord: ['SKHDT'],
  },

  // Sở Thông tin và Truyền thông
  {
    lead: 'STTTT',
    title: 'Triển khai các giải pháp nâng cao Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2024',
    coord: ['VPUBND', 'SNV'],
  },
  {
    lead: 'STTTT',
    title: 'Bảo đảm an toàn thông tin hệ thống thông tin của tỉnh; tổ chức diễn tập ứng cứu sự cố an toàn thông tin mạng',
    coord: ['CAT'],
  },
  {
    lead: 'STTTT',
    title: 'Nâng cấp Hệ thống quản lý văn bản và điều hành, kết nối liên thông văn bản điện tử 4 cấp',
    coord: ['VPUBND'],
  },
  {
    lead: 'STTTT',
    title: 'Phối hợp doanh nghiệp viễn thông phủ sóng di động các thôn, ấp vùng lõm sóng khu vực biên giới',
    coord: ['UBND-BGM', 'UBND-BDP', 'UBND-LN'],
  },
  {
    lead: 'STTTT',
    title: 'Quản lý thông tin trên mạng; kịp thời xử lý thông tin sai sự thật liên quan đến hoạt động của cơ quan nhà nước',
    coord: ['CAT'],
    recurring: true,
  },

  // Sở Lao động - Thương binh và Xã hội
  {
    lead: 'SLDTBXH',
    title: 'Tổ chức thăm, tặng quà gia đình chính sách, hộ nghèo, hộ cận nghèo dịp Tết Nguyên đán Giáp Thìn 2024',
    coord: ['MTTQ'],
    month: 1,
    span: [10, 20],
  },
  {
    lead: 'SLDTBXH',
    title: 'Tổ chức rà soát hộ nghèo, hộ cận nghèo năm 2024 theo chuẩn nghèo đa chiều giai đoạn 2022-2025',
    coord: ['BDT'],
    month: 9,
  },
  {
    lead: 'SLDTBXH',
    title: 'Kiểm tra việc chấp hành pháp luật lao động và tình trạng nợ đọng bảo hiểm xã hội tại các doanh nghiệp',
    coord: ['BHXH', 'BQLKKT'],
  },
  {
    lead: 'SLDTBXH',
    title: 'Triển khai phòng, chống đuối nước trẻ em trong dịp hè năm 2024',
    coord: ['SGDDT'],
    month: 5,
    span: [15, 30],
  },
  {
    lead: 'SLDTBXH',
    title: 'Tổ chức Phiên giao dịch việc làm, kết nối cung - cầu lao động cho các khu công nghiệp',
    coord: ['BQLKKT'],
  },

  // Sở Văn hóa, Thể thao và Du lịch
  {
    lead: 'SVHTTDL',
    title: 'Xây dựng Kế hoạch tổ chức các hoạt động kỷ niệm Ngày Chiến thắng Phước Long (06/01/1975)',
    coord: ['UBND-PL', 'BCHQS'],
    month: 7,
    span: [30, 60],
  },
  {
    lead: 'SVHTTDL',
    title: 'Lập hồ sơ đề nghị xếp hạng di tích quốc gia đặc biệt Căn cứ Bộ Chỉ huy Miền Tà Thiết',
    coord: ['UBND-LN'],
    span: [60, 120],
  },
  {
    lead: 'SVHTTDL',
    title: 'Kiểm tra hoạt động kinh doanh karaoke, vũ trường và công tác phòng cháy, chữa cháy tại các cơ sở',
    coord: ['CAT'],
  },
  {
    lead: 'SVHTTDL',
    title: 'Tổ chức Ngày hội Văn hóa, Thể thao và Du lịch các dân tộc thiểu số tỉnh năm 2024',
    coord: ['BDT', 'UBND-BDG'],
  },
  {
    lead: 'SVHTTDL',
    title: 'Hướng dẫn, quản lý các hoạt động lễ hội, văn hóa trên địa bàn tỉnh',
    recurring: true,
  },

  // Sở Khoa học và Công nghệ
  {
    lead: 'SKHCN',
    title: 'Tổ chức xác định nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng thực hiện từ năm 2025',
    coord: ['STC'],
    month: 6,
  },
  {
    lead: 'SKHCN',
    title: 'Quản lý, phát triển chỉ dẫn địa lý "Bình Phước" cho sản phẩm hạt điều',
    coord: ['SNNPTNT', 'SCT'],
  },
  {
    lead: 'SKHCN',
    title: 'Kiểm tra đo lường, chất lượng xăng dầu tại các cửa hàng bán lẻ trên địa bàn tỉnh',
    coord: ['QLTT'],
  },
  {
    lead: 'SKHCN',
    title: 'Đôn đốc áp dụng, duy trì Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tại các cơ quan hành chính',
    coord: ['SNV'],
  },

  // Sở Giáo dục và Đào tạo
  {
    lead: 'SGDDT',
    title: 'Tổ chức Kỳ thi tốt nghiệp trung học phổ thông năm 2024 an toàn, nghiêm túc, đúng quy chế',
    coord: ['CAT', 'SYT'],
    month: 4,
    span: [50, 75],
  },
  {
    lead: 'SGDDT',
    title: 'Rà soát, đề xuất bổ sung giáo viên còn thiếu so với định mức năm học 2024-2025',
    coord: ['SNV'],
    month: 6,
  },
  {
    lead: 'SGDDT',
    title: 'Chuẩn bị cơ sở vật chất, sách giáo khoa, thiết bị dạy học cho năm học mới 2024-2025',
    coord: ['STC'],
    month: 7,
    span: [20, 40],
  },
  {
    lead: 'SGDDT',
    title: 'Xây dựng trường đạt chuẩn quốc gia năm 2024 theo chỉ tiêu Nghị quyết HĐND tỉnh',
    coord: ['UBND-BGM', 'UBND-BDP'],
  },

  {
    lead: 'SGDDT',
    title: 'Tổ chức tuyển sinh vào lớp 10 trung học phổ thông năm học 2024-2025',
    coord: ['CAT'],
    month: 4,
    span: [40, 70],
  },

  // Sở Nội vụ
  {
    lead: 'SNV',
    title: 'Hướng dẫn các địa phương lập hồ sơ sắp xếp đơn vị hành chính cấp xã giai đoạn 2023-2025',
    coord: ['UBND-BL', 'UBND-PL', 'UBND-LN'],
    month: 2,
  },
  {
    lead: 'SNV',
    title: 'Kiểm tra công tác cải cách hành chính, kỷ luật, kỷ cương hành chính năm 2024 tại các sở, ngành, địa phương',
    coord: ['VPUBND'],
  },
  {
    lead: 'SNV',
    title: 'Triển khai xác định Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng (SIPAS) năm 2024',
    coord: ['VPUBND'],
  },
  {
    lead: 'SNV',
    title: 'Tổng hợp kết quả thực hiện tinh giản biên chế theo Nghị định số 29/2023/NĐ-CP của Chính phủ',
    coord: ['STC'],
  },
  {
    lead: 'SNV',
    title: 'Tổ chức thi tuyển công chức, xét tuyển viên chức năm 2024',
    coord: ['SGDDT', 'SYT'],
    span: [60, 120],
  },

  // Sở Tư pháp
  {
    lead: 'STP',
    title: 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật của HĐND, UBND tỉnh kỳ hệ thống hóa 2019-2023',
    coord: ['VPUBND'],
    month: 2,
  },
  {
    lead: 'STP',
    title: 'Tổ chức Hội nghị triển khai các luật mới được Quốc hội khóa XV thông qua tại Kỳ họp thứ 6, thứ 7',
    coord: ['VPUBND'],
  },
  {
    lead: 'STP',
    title: 'Kiểm tra công tác thi hành pháp luật về xử lý vi phạm hành chính năm 2024',
    coord: ['CAT'],
  },

  // Sở Công Thương
  {
    lead: 'SCT',
    title: 'Bảo đảm cung ứng hàng hóa thiết yếu, bình ổn thị trường dịp Tết Nguyên đán Giáp Thìn 2024',
    coord: ['QLTT'],
    month: 1,
    span: [10, 20],
  },
  {
    lead: 'SCT',
    title: 'Đôn đốc chủ đầu tư hạ tầng các cụm công nghiệp đã có quyết định thành lập đẩy nhanh tiến độ',
    coord: ['SKHDT', 'STNMT'],
  },
  {
    lead: 'SCT',
    title: 'Rà soát các dự án điện mặt trời, điện sinh khối trên địa bàn tỉnh theo Quy hoạch điện VIII',
    coord: ['SKHDT', 'BO-CT'],
  },
  {
    lead: 'SCT',
    title: 'Phát triển thương mại biên giới, quy hoạch chợ biên giới tại khu vực Cửa khẩu quốc tế Hoa Lư',
    coord: ['BQLKKT', 'BCHBDBP', 'UBND-LN'],
  },

  {
    lead: 'SCT',
    title: 'Theo dõi diễn biến giá cả thị trường, bảo đảm cung ứng xăng dầu trên địa bàn tỉnh',
    coord: ['QLTT'],
    recurring: true,
  },

  // Sở Ngoại vụ
  {
    lead: 'SNGV',
    title: 'Chuẩn bị nội dung Hội đàm giữa lãnh đạo tỉnh Bình Phước và các tỉnh Tbong Khmum, Kratie, Mondulkiri (Campuchia)',
    coord: ['BCHBDBP', 'CAT'],
  },
  {
    lead: 'SNGV',
    title: 'Phối hợp giải quyết giấy tờ tùy thân cho người di cư tự do từ Campuchia về cư trú trên địa bàn tỉnh',
    coord: ['CAT', 'STP'],
  },
  {
    lead: 'SNGV',
    title: 'Tổng hợp kết quả thực hiện các thỏa thuận hợp tác quốc tế của tỉnh năm 2024',
    month: 10,
  },

  // Thanh tra tỉnh
  {
    lead: 'TTT',
    title: 'Thanh tra trách nhiệm thực hiện pháp luật về phòng, chống tham nhũng tại một số sở, ngành, địa phương',
    coord: ['SNV'],
    span: [60, 120],
  },
  {
    lead: 'TTT',
    title: 'Rà soát, giải quyết dứt điểm các vụ việc khiếu nại, tố cáo tồn đọng, kéo dài',
    coord: ['STNMT'],
  },
  {
    lead: 'TTT',
    title: 'Đôn đốc, kiểm tra việc thực hiện kết luận thanh tra, quyết định xử lý sau thanh tra',
    recurring: true,
  },
  {
    lead: 'TTT',
    title: 'Tổ chức kê khai, công khai bản kê khai tài sản, thu nhập hằng năm năm 2024',
    coord: ['SNV'],
    month: 11,
    span: [20, 40],
  },

  // Ban Dân tộc
  {
    lead: 'BDT',
    title: 'Tổ chức Đại hội đại biểu các dân tộc thiểu số tỉnh Bình Phước lần thứ IV năm 2024',
    coord: ['SVHTTDL', 'MTTQ'],
    month: 3,
    span: [45, 90],
  },
  {
    lead: 'BDT',
    title: 'Rà soát, đề nghị công nhận người có uy tín trong đồng bào dân tộc thiểu số năm 2024',
    coord: ['CAT'],
  },
  {
    lead: 'BDT',
    title: 'Đôn đốc giải ngân vốn Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi',
    coord: ['SKHDT', 'STC'],
  },

  // Ban Quản lý Khu kinh tế
  {
    lead: 'BQLKKT',
    title: 'Đẩy nhanh tiến độ bồi thường, giải phóng mặt bằng Khu công nghiệp Becamex - Bình Phước',
    coord: ['UBND-CT', 'STNMT'],
  },
  {
    lead: 'BQLKKT',
    title: 'Kiểm tra việc vận hành hệ thống xử lý nước thải tập trung tại các khu công nghiệp',
    coord: ['STNMT', 'CAT'],
  },
  {
    lead: 'BQLKKT',
    title: 'Tháo gỡ khó khăn, vướng mắc cho nhà đầu tư thứ cấp tại Khu công nghiệp Minh Hưng - Sikico',
    coord: ['STNMT', 'UBND-HQ'],
  },

  // Cơ quan trung ương đóng trên địa bàn và đơn vị khác
  {
    lead: 'CAT',
    title: 'Đẩy mạnh triển khai Đề án 06; làm sạch dữ liệu dân cư, cấp tài khoản định danh điện tử mức độ 2',
    coord: ['STTTT', 'VPUBND'],
  },
  {
    lead: 'CAT',
    title: 'Bảo đảm an ninh, trật tự dịp Tết Nguyên đán Giáp Thìn 2024',
    coord: ['BCHQS'],
    month: 1,
    span: [10, 25],
  },
  {
    lead: 'CAT',
    title: 'Mở đợt cao điểm tấn công, trấn áp tội phạm về ma túy, tín dụng đen trên địa bàn tỉnh',
  },
  {
    lead: 'BCHQS',
    title: 'Tổ chức diễn tập khu vực phòng thủ huyện Lộc Ninh, huyện Bù Đốp năm 2024',
    coord: ['UBND-LN', 'UBND-BDP'],
    span: [60, 120],
  },
  {
    lead: 'BCHQS',
    title: 'Tổ chức tuyển chọn và gọi công dân nhập ngũ năm 2025',
    coord: ['SYT', 'CAT'],
    month: 10,
    span: [60, 100],
  },
  {
    lead: 'BCHBDBP',
    title: 'Tăng cường quản lý, bảo vệ đường biên, mốc quốc giới; phòng, chống buôn lậu, xuất nhập cảnh trái phép',
    coord: ['CAT', 'QLTT'],
    recurring: true,
  },
  {
    lead: 'CTT',
    title: 'Chống thất thu thuế trong hoạt động chuyển nhượng bất động sản và kinh doanh thương mại điện tử',
    coord: ['STNMT'],
  },
  {
    lead: 'CTT',
    title: 'Triển khai các giải pháp thu hồi nợ đọng thuế, giảm tỷ lệ nợ thuế dưới 5% tổng thu ngân sách',
    coord: ['STC'],
  },
  {
    lead: 'BHXH',
    title: 'Phát triển người tham gia bảo hiểm xã hội tự nguyện, bảo hiểm y tế hộ gia đình năm 2024',
    coord: ['SLDTBXH'],
  },
  {
    lead: 'KBNN',
    title: 'Phối hợp đối chiếu, xác nhận số liệu giải ngân vốn đầu tư công của các chủ đầu tư',
    coord: ['SKHDT'],
  },
  {
    lead: 'NHNN',
    title: 'Tháo gỡ khó khăn trong tiếp cận tín dụng cho doanh nghiệp, hộ sản xuất điều, cao su, hồ tiêu',
    coord: ['SNNPTNT'],
  },
  {
    lead: 'QLTT',
    title: 'Kiểm tra, xử lý buôn lậu, gian lận thương mại và hàng giả trong các tháng cuối năm 2024',
    coord: ['CAT'],
    month: 10,
  },
  {
    lead: 'DPTTH',
    title: 'Xây dựng chuyên mục tuyên truyền về chuyển đổi số và cải cách hành chính trên sóng phát thanh, truyền hình',
    coord: ['STTTT', 'SNV'],
  },
  {
    lead: 'BQLDA',
    title: 'Đẩy nhanh tiến độ thi công dự án đường Đồng Phú - Bình Dương, bảo đảm giải ngân kế hoạch vốn năm 2024',
    coord: ['SGTVT', 'UBND-DP'],
  },
  {
    lead: 'BQLDA',
    title: 'Hoàn thành hồ sơ quyết toán các dự án đầu tư xây dựng đã hoàn thành, bàn giao đưa vào sử dụng',
    coord: ['STC'],
  },
  {
    lead: 'CTK',
    title: 'Tổ chức Điều tra dân số và nhà ở giữa kỳ năm 2024 trên địa bàn tỉnh',
    coord: ['CAT'],
    month: 3,
    span: [30, 60],
  },

  // UBND huyện, thị xã, thành phố
  {
    lead: 'UBND-DX',
    title: 'Rà soát, xử lý tình trạng ô nhiễm môi trường do hoạt động chăn nuôi tại các xã Tân Thành, Tiến Hưng',
    coord: ['STNMT', 'SNNPTNT'],
  },

  ...perDistrict(
    ['UBND-BDG', 'UBND-PR', 'UBND-DP', 'UBND-CT'],
    (d) => `Đẩy nhanh tiến độ bồi thường, giải phóng mặt bằng dự án đường cao tốc Gia Nghĩa - Chơn Thành đoạn qua ${d}`,
    { coord: ['SGTVT', 'STNMT'] },
  ),
  ...perDistrict(
    ['UBND-DX', 'UBND-CT', 'UBND-BL', 'UBND-PL'],
    (d) => `Tổ chức đấu giá quyền sử dụng đất, bảo đảm chỉ tiêu thu tiền sử dụng đất năm 2024 trên địa bàn ${d}`,
    { coord: ['STC', 'STNMT'] },
  ),
  ...perDistrict(
    ['UBND-HQ', 'UBND-LN', 'UBND-BGM', 'UBND-BDP'],
    (d) => `Đẩy nhanh giải ngân kế hoạch vốn đầu tư công năm 2024 các dự án do ${d} làm chủ đầu tư`,
    { coord: ['SKHDT', 'KBNN'] },
  ),
  ...perDistrict(
    ['UBND-BGM', 'UBND-BDG', 'UBND-BDP', 'UBND-LN'],
    (d) => `Rà soát, hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo trên địa bàn ${d}`,
    { coord: ['SLDTBXH', 'MTTQ'] },
  ),
  ...perDistrict(
    ['UBND-DX', 'UBND-CT', 'UBND-DP'],
    (d) => `Xử lý dứt điểm các trường hợp lấn chiếm, xây dựng trái phép trên đất công tại ${d}`,
    { coord: ['SXD', 'STNMT'] },
  ),
  ...perDistrict(
    ['UBND-DP', 'UBND-HQ', 'UBND-PR'],
    (d) => `Hoàn thiện hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới nâng cao năm 2024 của ${d}`,
    { coord: ['SNNPTNT'], month: 8 },
  ),
  ...perDistrict(
    ['UBND-BL', 'UBND-HQ'],
    (d) => `Giải quyết dứt điểm vụ việc khiếu nại đông người liên quan đến bồi thường, hỗ trợ tại ${d}`,
    { coord: ['TTT', 'STNMT'] },
  ),
  {
    lead: 'UBND-CT',
    title: 'Hoàn thiện các tiêu chí còn thiếu để thị xã Chơn Thành đạt tiêu chuẩn đô thị loại III',
    coord: ['SXD'],
    span: [60, 120],
  },
  {
    lead: 'UBND-BDP',
    title: 'Bảo đảm an ninh, trật tự khu vực biên giới và Cửa khẩu chính Hoàng Diệu',
    coord: ['BCHBDBP', 'CAT'],
    recurring: true,
  },
  {
    lead: 'UBND-LN',
    title: 'Phối hợp đầu tư hạ tầng Khu kinh tế cửa khẩu Hoa Lư; giải quyết vướng mắc về đất đai của các hộ dân',
    coord: ['BQLKKT', 'STNMT'],
  },
  {
    lead: 'UBND-BGM',
    title: 'Phối hợp Vườn quốc gia Bù Gia Mập ngăn chặn tình trạng khai thác lâm sản, săn bắt động vật hoang dã trái phép',
    coord: ['SNNPTNT', 'CAT'],
  },
  {
    lead: 'UBND-PL',
    title: 'Chuẩn bị các công trình chào mừng kỷ niệm Ngày Giải phóng Phước Long (06/01/1975)',
    coord: ['SVHTTDL', 'SXD'],
    month: 8,
    span: [60, 110],
  },
  {
    lead: 'UBND-PR',
    title: 'Tổ chức cưỡng chế thu hồi đất các trường hợp chưa bàn giao mặt bằng dự án nâng cấp đường ĐT.741 đoạn qua huyện Phú Riềng',
    coord: ['SGTVT', 'STNMT'],
  },
  {
    lead: 'UBND-BL',
    title: 'Chỉnh trang đô thị, xây dựng tuyến phố văn minh trên địa bàn thị xã Bình Long',
    coord: ['SXD'],
  },
  {
    lead: 'UBND-BDG',
    title: "Phát triển du lịch sinh thái Trảng cỏ Bù Lạch gắn với bảo tồn văn hóa đồng bào S'tiêng",
    coord: ['SVHTTDL', 'BDT'],
  },
  {
    lead: 'UBND-HQ',
    title: 'Xử lý tình trạng chuyển mục đích sử dụng đất, phân lô bán nền trái phép trên địa bàn huyện Hớn Quản',
    coord: ['STNMT', 'SXD'],
  },
  {
    lead: 'UBND-DX',
    title: 'Chỉnh trang đô thị, đầu tư hệ thống thoát nước chống ngập úng cục bộ tại các phường trung tâm thành phố Đồng Xoài',
    coord: ['SXD'],
  },
];
