/**
 * A generated work-program spreadsheet in the layout the import reads (the template's columns,
 * section rows I–V, deadline phrases and real dates mixed), for the import benchmarks.
 */
import ExcelJS from 'exceljs';

export interface ProgramSheetOptions {
  rows: number;
  year: number;
  /** Lead agency names, as a program document writes them (aliases welcome). */
  leads: string[];
  /** Coordinating agencies cells ('' for none). */
  partners: string[];
  /** The first `changed` items get an edited title (a re-import that updates them). */
  changed?: number;
}

export async function programSheet(o: ProgramSheetOptions): Promise<Buffer> {
  const y = o.year;
  const due = [`Quý I/${y}`, `tháng 6/${y}`, `6 tháng đầu năm ${y}`, `Cuối năm ${y}`, 'Thường xuyên', `15/10/${y}`];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Chương trình');
  ws.addRow([
    'TT',
    'Nội dung',
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    'Thời hạn',
    'Lãnh đạo phụ trách',
    'Hình thức văn bản',
    'Cấp trình',
    'Văn bản giao nhiệm vụ',
    'Ghi chú',
  ]);
  const perSection = Math.ceil(o.rows / 5);
  for (let i = 0; i < o.rows; i++) {
    if (i % perSection === 0)
      ws.addRow([['I', 'II', 'III', 'IV', 'V'][i / perSection], `LĨNH VỰC ${i / perSection + 1}`]);
    const proposal = i % 3 === 0;
    const edited = i < (o.changed ?? 0) ? ' (sửa đổi)' : '';
    ws.addRow([
      (i % perSection) + 1,
      `Nhiệm vụ số ${i + 1}: tăng cường công tác quản lý nhà nước, triển khai đồng bộ các giải pháp của năm ${y}${edited}`,
      o.leads[i % o.leads.length],
      o.partners[i % o.partners.length],
      i % 7 === 0 ? new Date(Date.UTC(y, i % 12, 10)) : due[i % due.length],
      'Phó Chủ tịch UBND tỉnh',
      proposal ? 'Quyết định' : null,
      proposal ? 'UBND tỉnh' : null,
      `Nghị quyết số 01/NQ-CP ngày 06/01/${y} của Chính phủ`,
      null,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
