
/** The columns of the template, in order, with their widths (characters). */
export const TEMPLATE_COLUMNS: { header: string; width: number }[] = [
  { header: 'TT', width: 7 },
  { header: 'Nội dung', width: 60 },
  { header: 'Cơ quan chủ trì', width: 28 },
  { header: 'Cơ quan phối hợp', width: 34 },
  { header: 'Thời hạn', width: 16 },
  { header: 'Lãnh đạo phụ trách', width: 26 },
  { header: 'Hình thức văn bản', width: 18 },
  { header: 'Cấp trình', width: 16 },
  { header: 'Văn bản giao nhiệm vụ', width: 36 },
  { header: 'Ghi chú', width: 24 },
];

export const TEMPLATE_EXAMPLE_SECTION = ['I', 'LĨNH VỰC KINH TẾ'];
export const TEMPLATE_EXAMPLE_ROW = [
  '1',
  'Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2025',
  'Sở Tài chính',
  'Văn phòng UBND tỉnh; Cục Thống kê tỉnh',
  'Tháng 12/2024',
  'Chủ tịch UBND tỉnh',
  'Nghị quyết',
  'HĐND tỉnh',
  'Nghị quyết số 01/NQ-CP ngày 06/01/2024 của Chính phủ',
  'Trình kỳ họp cuối năm',
];

const HELP: string[] = [
  'Cách điền mẫu nhập Chương trình công tác',
  '',
  '• Mỗi dòng là một nhiệm vụ. Dòng chỉ có TT là chữ cái (A, B) hoặc số La Mã (I, II) và tên nhóm, không có cơ quan, là dòng nhóm: các nhiệm vụ bên dưới có mã I.1, I.2 …',
  '• TT: số thứ tự (1, 2, 2.1, a, -). Mã nhiệm vụ trong chương trình = nhóm + TT; nhập lại cùng tệp sẽ cập nhật đúng nhiệm vụ theo mã, không tạo trùng.',
  '• Cơ quan chủ trì: đúng một cơ quan, ghi theo tên, tên viết tắt (Sở TN&MT) hoặc mã trong danh mục. Nếu ghi nhiều cơ quan, cơ quan đầu tiên chủ trì.',
  '• Cơ quan phối hợp: nhiều cơ quan, cách nhau bằng dấu chấm phẩy hoặc xuống dòng; có thể ghi nhóm “UBND các huyện, thị xã, thành phố”, “Các sở, ban, ngành”.',
  '• Thời hạn: ngày (15/3/2024 hoặc ô kiểu ngày), “Tháng 6/2024”, “Quý II/2024”, “6 tháng đầu năm 2024”, “Cuối năm 2024”, “Năm 2024”, hoặc “Thường xuyên”.',
  '• Có Hình thức văn bản hoặc Cấp trình thì nhiệm vụ là đề án, nội dung phải trình; không có thì là nhiệm vụ.',
  '• Nội dung tối đa 2.000 ký tự; mỗi tệp tối đa 20.000 dòng.',
  '• Gửi tệp với dryRun=true để xem trước kết quả kiểm tra; dryRun=false để ghi (có lỗi thì không ghi gì).',
];

/** GET /api/imports/template.xlsx: the header row (frozen), a section row and a filled example, and a help sheet. */
export async function buildImportTemplate(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // at first use: docs/architecture.md "Memory"
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nhiemvu';
  const ws = wb.addWorksheet('Chương trình công tác', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { name: 'Times New Roman', bold: true, size: 12 };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = {
      top: { style: 'thin' },
      left: { style: 'thin' },
      bottom: { style: 'thin' },
      right: { style: 'thin' },
    };
  });
  const section = ws.addRow(TEMPLATE_EXAMPLE_SECTION);
  section.font = { name: 'Times New Roman', bold: true, size: 12 };
  const example = ws.addRow(TEMPLATE_EXAMPLE_ROW);
  example.font = { name: 'Times New Roman', size: 12 };
  for (const row of [section, example]) row.alignment = { vertical: 'top', wrapText: true };
  ws.autoFilter = { from: 'A1', to: 'J1' };

  const help = wb.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 120;
  HELP.forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true };
    cell.font = { name: 'Times New Roman', size: 12, bold: i === 0 };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
