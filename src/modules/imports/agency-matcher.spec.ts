import { AgencyKind } from 'src/modules/agencies/agency.enums';
import { seedDirectory, seedMatcher } from 'test/fixtures/import-files.fixture';
import { AgencyMatcher, editDistance, isAvailableOn, Mention, nameTokens } from './agency-matcher';

/** "STC", "G:11" (a group of 11), "?SVHTTDL/SCT/SYT" (unknown, with suggestions). */
function codes(mentions: Mention[]): string[] {
  return mentions.map((m) =>
    m.target.type === 'agency'
      ? m.target.agency.code
      : m.target.type === 'group'
        ? `G:${m.target.members.length}`
        : `?${m.target.suggestions.map((s) => s.code).join('/')}`,
  );
}

describe(AgencyMatcher.name, () => {
  const sut = seedMatcher('2024-01-05');

  describe('matchName', () => {
    it.each([
      ['Sở Tài chính', 'STC'],
      ['sở tài chính', 'STC'],
      ['SO TAI CHINH', 'STC'],
      ['Sở Tai Chinh', 'STC'],
      ['STC', 'STC'],
      ['Sở TN&MT', 'STNMT'],
      ['Sở TN & MT', 'STNMT'],
      ['Sở TNMT', 'STNMT'],
      ['Sở TN và MT', 'STNMT'],
      ['Sở Tài nguyên - Môi trường', 'STNMT'],
      ['Sở Kế hoạch - Đầu tư', 'SKHDT'],
      ['Sở LĐ-TB&XH', 'SLDTBXH'],
      ['Sở Tài chính tỉnh', 'STC'],
      ['Sở Tài chính tỉnh Bình Phước', 'STC'],
      ['Thủ trưởng Sở Y tế', 'SYT'],
      ['Sở Y tế (chủ trì)', 'SYT'],
      ['UBND thành phố Đồng Xoài', 'UBND-DX'],
      ['Ủy ban nhân dân thành phố Đồng Xoài', 'UBND-DX'],
      ['UBND TP. Đồng Xoài', 'UBND-DX'],
      ['UBND TP Đồng Xoài', 'UBND-DX'],
      ['UBND H. Bù Đốp', 'UBND-BDP'],
      ['UBND huyện Bù Đốp', 'UBND-BDP'],
      ['Cục Thuế', 'CTT'],
      ['Văn phòng Ủy ban nhân dân tỉnh', 'VPUBND'],
    ])('should find %s as %s', (text, code) => {
      const m = sut.matchName(text);
      expect(m?.type === 'agency' ? m.agency.code : m?.type).toBe(code);
    });

    it('should expand "UBND các huyện, thị xã, thành phố" to the eleven districts', () => {
      const m = sut.matchName('UBND các huyện, thị xã, thành phố');
      expect(m?.type).toBe('group');
      if (m?.type !== 'group') return;
      expect(m.members).toHaveLength(11);
      expect(m.members.every((a) => a.kind === AgencyKind.District)).toBe(true);
    });

    it('should expand departments to those existing on the assignment date', () => {
      const in2024 = seedMatcher('2024-01-05').matchName('các sở, ban, ngành');
      const in2026 = seedMatcher('2026-01-05').matchName('các sở, ban, ngành');
      const codesOf = (m: typeof in2024) => (m?.type === 'group' ? m.members.map((a) => a.code) : []);
      expect(codesOf(in2024)).toContain('STNMT');
      expect(codesOf(in2024)).not.toContain('SNNMT');
      expect(codesOf(in2026)).toContain('SNNMT');
      expect(codesOf(in2026)).not.toContain('STNMT');
    });

    it.each(['UBND tỉnh', 'Sở Du lịch', 'Sở Tài chánh', 'Tỉnh ủy', ''])('should not guess %s', (text) => {
      expect(sut.matchName(text)).toBeNull();
    });
  });

  describe('parseCell', () => {
    it('should read several agencies separated by commas, semicolons, "và" and new lines', () => {
      expect(codes(sut.parseCell('Sở Tài chính, Sở Văn hóa, Thể thao và Du lịch; Cục Thuế'))).toEqual([
        'STC',
        'SVHTTDL',
        'CTT',
      ]);
      expect(codes(sut.parseCell('Sở Tài chính và Sở Xây dựng'))).toEqual(['STC', 'SXD']);
      expect(codes(sut.parseCell('Sở Y tế\nSở GD&ĐT'))).toEqual(['SYT', 'SGDDT']);
      expect(codes(sut.parseCell('- Sở Nội vụ;\n- Sở Tư pháp'))).toEqual(['SNV', 'STP']);
    });

    it('should ignore filler words and report what is left as unknown, with the three closest names', () => {
      const found = sut.parseCell('Sở Tài chính, Sở Du lịch và các cơ quan liên quan');
      // "các cơ quan liên quan" is a group without members: recognised, kept as a note.
      expect(codes(found)).toEqual(['STC', '?SVHTTDL/SCT/SGTVT', 'G:0']);
      expect(found[1].text).toBe('Sở Du lịch');
      expect(found[1].target.type === 'unknown' && found[1].target.suggestions).toHaveLength(3);
    });

    it('should suggest the right agency for a misspelt name and the office for "UBND tỉnh"', () => {
      const [typo] = sut.parseCell('Sở Tài chánh');
      expect(typo.target.type === 'unknown' && typo.target.suggestions[0].code).toBe('STC');
      const [province] = sut.parseCell('UBND tỉnh');
      expect(province.target.type === 'unknown' && province.target.suggestions[0].code).toBe('VPUBND');
    });

    it('should keep a group as a group', () => {
      expect(codes(sut.parseCell('Sở Y tế; UBND các huyện, thị xã, thành phố'))).toEqual(['SYT', 'G:11']);
    });
  });

  describe('findInText', () => {
    it('should find agencies and groups in a sentence, in order, with the words before them', () => {
      const found = sut.findInText(
        'Sở Tài chính, Sở Tài nguyên và Môi trường, Cục Thuế tập trung thực hiện tốt công tác thu ngân sách',
      );
      expect(codes(found)).toEqual(['STC', 'STNMT', 'CTT']);
      const partner = sut.findInText(
        'Tích cực phối hợp với Bộ Kế hoạch và Đầu tư và các Bộ, ngành liên quan khẩn trương xây dựng',
      );
      expect(codes(partner)).toEqual(['BO-KHDT', 'G:10']);
      expect(partner[0].before).toEqual(['phoi', 'hop', 'voi']);
      expect(
        codes(sut.findInText('Sở Y tế đẩy nhanh …; đồng thời, hướng dẫn UBND cấp huyện nâng cao trách nhiệm')),
      ).toEqual(['SYT', 'G:11']);
    });

    it('should not take common words for an agency', () => {
      expect(sut.findInText('Tiếp tục hoàn thiện Phần mềm tài nguyên và môi trường tỉnh Bình Phước')).toEqual([]);
      expect(sut.findInText('trên địa bàn huyện Lộc Ninh và thành phố Đồng Xoài, theo BTC')).toEqual([]);
      expect(sut.findInText('Nghị quyết 26-NQ/TW của Bộ Chính trị; Bộ chỉ số DDCI; UBND tỉnh, Tỉnh ủy')).toEqual([]);
    });

    it('should report "Sở X", "UBND huyện X" and "Bộ X" that are not in the directory', () => {
      const found = sut.findInText('Sở Du lịch tăng cường quảng bá; UBND huyện Đồng Xanh phối hợp.');
      expect(found.map((m) => m.text)).toEqual(['Sở Du lịch', 'UBND huyện Đồng Xanh']);
      expect(codes(found)[0]).toBe('?SVHTTDL/SCT/SGTVT');
    });

    it('should quote a mention as written, with its offsets', () => {
      const text = 'Giao SỞ Y TẾ chủ trì';
      const [m] = sut.findInText(text);
      expect(m.text).toBe('SỞ Y TẾ');
      expect(text.slice(m.from, m.to)).toBe('SỞ Y TẾ');
    });
  });

  describe('unavailability', () => {
    it('should accept an agency closed later for a task assigned while it existed', () => {
      const stnmt = sut.agencies.find((a) => a.code === 'STNMT')!;
      expect(isAvailableOn(stnmt, '2024-01-05')).toBe(true);
      expect(sut.unavailability(stnmt)).toBeNull();
    });

    it('should refuse a closed agency and name its successor', () => {
      const later = seedMatcher('2026-01-05');
      const why = later.unavailability(later.agencies.find((a) => a.code === 'STNMT')!);
      expect(why?.message).toBe(
        'Sở Tài nguyên và Môi trường đã ngừng hoạt động từ sau ngày 28/02/2025; cơ quan kế thừa: Sở Nông nghiệp và Môi trường (SNNMT)',
      );
      expect(why?.instead.map((a) => a.code)).toEqual(['SNNMT']);
    });

    it('should refuse an agency not yet established and name the ones before it', () => {
      const why = sut.unavailability(sut.agencies.find((a) => a.code === 'SNNMT')!);
      expect(why?.message).toContain('chỉ hoạt động từ ngày 01/03/2025');
      expect(why?.instead.map((a) => a.code).sort()).toEqual(['SNNPTNT', 'STNMT']);
    });

    it('should refuse an agency deactivated without a date', () => {
      const dir = seedDirectory().map((a) => (a.code === 'SNGV' ? { ...a, active: false } : a));
      const m = new AgencyMatcher(dir, [], { onDate: '2024-01-05' });
      expect(m.unavailability(dir.find((a) => a.code === 'SNGV')!)?.message).toBe('Sở Ngoại vụ đã ngừng hoạt động');
    });

    it('should not suggest agencies that cannot take the task', () => {
      const later = seedMatcher('2026-01-05');
      const [m] = later.parseCell('Sở Môi trường');
      expect(m.target.type).toBe('unknown');
      const suggested = m.target.type === 'unknown' ? m.target.suggestions.map((s) => s.code) : [];
      expect(suggested).toContain('SNNMT');
      expect(suggested).not.toContain('STNMT');
    });
  });

  describe('helpers', () => {
    it('should make the usual spellings equal', () => {
      expect(nameTokens('Ủy ban nhân dân Thành phố Đồng Xoài')).toEqual(nameTokens('UBND TP. Đồng Xoài'));
      expect(nameTokens('Sở TN&MT')).toEqual(['so', 'tn', 'va', 'mt']);
    });

    it('should count edits', () => {
      expect(editDistance('sotaichinh', 'sotaichanh')).toBe(1);
      expect(editDistance('', 'abc')).toBe(3);
    });

    it('should call two agencies sharing an alias ambiguous rather than pick one', () => {
      const dir = seedDirectory();
      dir.find((a) => a.code === 'SCT')!.aliases.push('Sở X');
      dir.find((a) => a.code === 'SXD')!.aliases.push('Sở X');
      expect(new AgencyMatcher(dir, [], { onDate: '2024-01-05' }).matchName('Sở X')).toBeNull();
    });
  });
});
