import { AGENCIES } from '../../../seeds/data/agencies.data';
import { AgencyMatcher, DirectoryAgency } from './agency-matcher';
import { loadAgencyGroups } from './agency-groups';

const dir: DirectoryAgency[] = AGENCIES.map((a, i) => ({ id: i + 1, code: a.code, name: a.name, kind: a.kind, aliases: a.aliases, active: !a.validTo, validFrom: a.validFrom ?? null, validTo: a.validTo ?? null, successorId: null }));
for (const a of AGENCIES) if (a.successorCode) dir.find((d) => d.code === a.code)!.successorId = dir.find((d) => d.code === a.successorCode)!.id;
const show = (ms: ReturnType<AgencyMatcher['findInText']>) => ms.map((m) => `${m.text} → ${m.target.type === 'agency' ? m.target.agency.code : m.target.type === 'group' ? 'G:' + m.target.group.name + '(' + m.target.members.length + ')' : '?' + m.target.suggestions.map((s) => s.code).join('/')} [${m.before.join(' ')}]`);
it('scratch', () => {
  const m = new AgencyMatcher(dir, loadAgencyGroups(), { onDate: '2024-01-05', provinceName: 'Bình Phước' });
  for (const c of ['Sở TN&MT', 'Sở TN & MT', 'sở tnmt', 'Sở Tài chính tỉnh', 'Sở Tài chính tỉnh Bình Phước', 'UBND thành phố Đồng Xoài', 'UBND TP. Đồng Xoài', 'STC', 'Thủ trưởng Sở Y tế', 'UBND tỉnh', 'Sở Du lịch', 'Sở Tài chánh', 'Sở Kế hoạch - Đầu tư', 'Sở LĐ-TB&XH'])
    console.log(c, '=>', show(m.parseCell(c)));
  for (const c of ['Sở Tài chính, Sở Văn hóa, Thể thao và Du lịch; Cục Thuế', 'Sở Tài chính và Sở Du lịch, các cơ quan liên quan', 'UBND các huyện, thị xã, thành phố'])
    console.log(c, '=>', show(m.parseCell(c)));
  const texts = ['Sở Tài chính, Sở Tài nguyên và Môi trường, Cục Thuế tập trung thực hiện tốt công tác thu ngân sách',
   'Sở Y tế đẩy nhanh tiến độ đấu thầu; đồng thời, thường xuyên theo dõi, đôn đốc, hướng dẫn UBND cấp huyện nâng cao trách nhiệm',
   'Tích cực phối hợp với Bộ Kế hoạch và Đầu tư và các Bộ, ngành liên quan khẩn trương xây dựng',
   'Tiếp tục hoàn thiện Phần mềm tài nguyên và môi trường tỉnh Bình Phước',
   'Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố theo chức trách',
   'Sở Du lịch tăng cường quảng bá; UBND huyện Đồng Xanh phối hợp. Bộ Chính trị; Bộ chỉ số',
   'Chủ động liên hệ, làm việc với các Bộ, ngành Trung ương để triển khai'];
  for (const t of texts) console.log(t.slice(0, 40), '=>', show(m.findInText(t)));
  console.log(m.unavailability(dir.find((d) => d.code === 'SNNMT')!));
  const m2 = new AgencyMatcher(dir, loadAgencyGroups(), { onDate: '2026-01-05' });
  console.log(m2.unavailability(dir.find((d) => d.code === 'STNMT')!));
});
