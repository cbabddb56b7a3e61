import {
  agencyByCode,
  importFixture,
  normaliseContext,
  SECTION_B_FILE,
  seedMatcher,
} from 'test/fixtures/import-files.fixture';
import { TaskKind } from 'src/modules/tasks/task.enums';
import { RawItem, TableField } from './import.types';
import { deadlineInCell, deadlineInText, decideKind, normaliseItems, shorten } from './import-normaliser';
import { parseTxt } from './parsers/text.parser';

const ALL_COLUMNS = Object.values(TableField);

function row(cells: RawItem['cells'], over: Partial<RawItem> = {}): RawItem {
  return {
    ref: 'Dòng 2',
    position: 2,
    source: 'table',
    code: '1',
    group: null,
    parentCode: null,
    title: 'Việc thử',
    cells,
    columns: ALL_COLUMNS,
    stripped: false,
    warnings: [],
    errors: [],
    ...over,
  };
}

function text(title: string, over: Partial<RawItem> = {}): RawItem {
  return row({}, { source: 'text', columns: [], title, ref: 'Dòng 3', ...over });
}

const codes = (list: { code: string }[]) => list.map((a) => a.code);
const messages = (list: { message: string }[]) => list.map((i) => i.message);

describe(normaliseItems.name, () => {
  const ctx = normaliseContext();

  describe('tables', () => {
    it('should turn a full row into a task', () => {
      const [sut] = normaliseItems(
        [
          row({
            leadAgency: 'Sở TN&MT',
            coordinatingAgencies: 'Sở Xây dựng; UBND TP. Đồng Xoài',
            due: 'Quý II/2024',
            leaderInCharge: 'Phó Chủ tịch UBND tỉnh',
            outputForm: 'Quyết định',
            submitTo: 'UBND tỉnh',
            sourceDocument: 'Nghị quyết số 01/NQ-CP ngày 06/01/2024 của Chính phủ',
            note: 'Trình trước kỳ họp',
          }),
        ],
        ctx,
      );
      expect(sut.errors).toEqual([]);
      expect(sut.warnings).toEqual([]);
      expect(sut.task).toMatchObject({
        code: '1',
        kind: TaskKind.Proposal,
        leadAgency: { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường' },
        dueDate: '2024-06-30',
        dueText: 'Quý II/2024',
        description: 'Trình trước kỳ họp',
        submitTo: 'UBND tỉnh',
      });
      expect(codes(sut.task.coordinatingAgencies)).toEqual(['SXD', 'UBND-DX']);
      expect(sut.provided.sort()).toEqual(
        [
          'coordinatingAgencyIds',
          'description',
          'dueDate',
          'dueText',
          'kind',
          'leadAgencyId',
          'leaderInCharge',
          'outputForm',
          'sourceDocument',
          'submitTo',
          'title',
        ].sort(),
      );
    });

    it('should report an unknown agency with the three closest names and never guess', () => {
      const [sut] = normaliseItems([row({ leadAgency: 'Sở Du lịch', coordinatingAgencies: 'Sở Tài chánh' })], ctx);
      expect(sut.task.leadAgency).toBeNull();
      expect(sut.errors).toEqual([
        {
          field: 'leadAgency',
          message:
            'Không tìm thấy cơ quan “Sở Du lịch” trong danh mục cơ quan, đơn vị; gần nhất: Sở Văn hóa, Thể thao và Du lịch (SVHTTDL); Sở Công Thương (SCT); Sở Giao thông vận tải (SGTVT)',
        },
        {
          field: 'coordinatingAgencies',
          message: expect.stringMatching(
            /^Không tìm thấy cơ quan “Sở Tài chánh”.*gần nhất: Sở Tài chính \(STC\)/,
          ) as string,
        },
      ]);
    });

    it('should refuse a closed agency and suggest its successor', () => {
      const later = normaliseContext({
        matcher: seedMatcher('2026-01-05'),
        assignedAt: '2026-01-05',
        programYear: 2026,
        defaultLead: null,
      });
      const [sut] = normaliseItems(
        [row({ leadAgency: 'Sở Kế hoạch và Đầu tư', coordinatingAgencies: 'Sở TN&MT' })],
        later,
      );
      expect(messages(sut.errors)).toEqual([
        'Sở Kế hoạch và Đầu tư đã ngừng hoạt động từ sau ngày 28/02/2025; cơ quan kế thừa: Sở Tài chính (STC)',
        'Sở Tài nguyên và Môi trường đã ngừng hoạt động từ sau ngày 28/02/2025; cơ quan kế thừa: Sở Nông nghiệp và Môi trường (SNNMT)',
      ]);
    });

    it('should let the first of several lead agencies lead, the others coordinate, with a warning', () => {
      const [sut] = normaliseItems(
        [row({ leadAgency: 'Sở Tài chính, Sở Y tế', coordinatingAgencies: 'Sở Y tế; Sở Nội vụ', due: 'Quý IV/2024' })],
        ctx,
      );
      expect(sut.task.leadAgency?.code).toBe('STC');
      expect(codes(sut.task.coordinatingAgencies)).toEqual(['SYT', 'SNV']);
      expect(messages(sut.warnings)).toEqual([
        'Cột “Cơ quan chủ trì” nêu 2 cơ quan: Sở Tài chính chủ trì, các cơ quan còn lại phối hợp',
      ]);
    });

    it('should not let a group lead: the default leads and the group coordinates (warning), or it is an error', () => {
      const [withDefault] = normaliseItems([row({ leadAgency: 'UBND các huyện, thị xã, thành phố' })], ctx);
      expect(withDefault.task.leadAgency?.code).toBe('VPUBND');
      expect(withDefault.task.coordinatingAgencies).toHaveLength(11);
      expect(messages(withDefault.warnings)[0]).toMatch(
        /^Cơ quan chủ trì phải là một cơ quan cụ thể: “UBND các huyện, thị xã, thành phố” là nhóm 11 cơ quan/,
      );
      const [without] = normaliseItems([row({ leadAgency: 'UBND các huyện, thị xã, thành phố' })], {
        ...ctx,
        defaultLead: null,
      });
      expect(without.errors).toHaveLength(1);
      expect(without.errors[0].field).toBe('leadAgency');
    });

    it('should give an item without lead the default with a warning, or an error without one', () => {
      const [withDefault] = normaliseItems([row({ due: 'Năm 2024' })], ctx);
      expect(withDefault.task.leadAgency?.code).toBe('VPUBND');
      expect(messages(withDefault.warnings)).toEqual([
        'Không có cơ quan chủ trì; giao cho cơ quan chủ trì mặc định Văn phòng UBND tỉnh (VPUBND)',
      ]);
      expect(withDefault.provided).not.toContain('leadAgencyId');
      const [without] = normaliseItems([row({ due: 'Năm 2024' })], { ...ctx, defaultLead: null });
      expect(messages(without.errors)).toEqual([
        'Không có cơ quan chủ trì; hãy ghi cơ quan chủ trì hoặc chọn cơ quan chủ trì mặc định (defaultLeadAgencyId)',
      ]);
    });

    it('should read deadlines and refuse what it does not understand or what falls before the assignment', () => {
      const items = normaliseItems(
        [
          row({ leadAgency: 'STC', due: { date: '2024-03-15' } }, { code: '1' }),
          row({ leadAgency: 'STC', due: '45382' }, { code: '2' }),
          row({ leadAgency: 'STC', due: 'Thường xuyên' }, { code: '3' }),
          row({ leadAgency: 'STC', due: 'sớm nhất có thể' }, { code: '4' }),
          row({ leadAgency: 'STC', due: 'tháng 11/2023' }, { code: '5' }),
          row({ leadAgency: 'STC' }, { code: '6' }),
        ],
        ctx,
      );
      expect(items.map((i) => [i.task.dueDate, i.task.dueText])).toEqual([
        ['2024-03-15', '15/03/2024'],
        ['2024-03-31', '31/03/2024'],
        [null, 'Thường xuyên'],
        [null, 'sớm nhất có thể'],
        ['2023-11-30', 'tháng 11/2023'],
        [null, null],
      ]);
      expect(messages(items[3].errors)).toEqual([
        'Không hiểu thời hạn “sớm nhất có thể”; ví dụ cách ghi: 15/3/2024, tháng 6/2024, Quý II/2024, 6 tháng đầu năm 2024, cuối năm 2024, thường xuyên',
      ]);
      expect(messages(items[4].errors)).toEqual(['Thời hạn 30/11/2023 trước ngày giao nhiệm vụ 05/01/2024']);
      expect(messages(items[5].warnings)).toEqual(['Chưa có thời hạn: nhiệm vụ không có hạn hoàn thành']);
    });

    it('should refuse a title over 2000 characters, naming its length', () => {
      const [sut] = normaliseItems(
        [row({ leadAgency: 'STC' }, { title: 'Nội dung rất dài. '.repeat(130).trim() })],
        ctx,
      );
      expect(messages(sut.errors)).toEqual(['Nội dung dài 2.339 ký tự, vượt quá giới hạn 2.000 ký tự']);
    });

    it('should refuse other cells longer than their columns and a missing title', () => {
      const [long] = normaliseItems(
        [row({ leadAgency: 'STC', outputForm: 'Q'.repeat(101), sourceDocument: 'V'.repeat(501) })],
        ctx,
      );
      expect(messages(long.errors)).toEqual([
        'Cột “Hình thức văn bản” dài 101 ký tự, vượt quá giới hạn 100 ký tự',
        'Cột “Văn bản giao nhiệm vụ” dài 501 ký tự, vượt quá giới hạn 500 ký tự',
      ]);
      const [empty] = normaliseItems([row({ leadAgency: 'STC' }, { title: '' })], ctx);
      expect(messages(empty.errors)).toEqual(['Thiếu nội dung']);
    });

    it('should refuse a code used twice, naming the first row', () => {
      const items = normaliseItems(
        [row({ leadAgency: 'STC' }, { code: 'I.1' }), row({ leadAgency: 'STC' }, { code: 'I.1', ref: 'Dòng 9' })],
        ctx,
      );
      expect(items[0].errors).toEqual([]);
      expect(messages(items[1].errors)).toEqual(['Trùng số thứ tự “I.1” với dòng 2']);
    });

    it('should compare only the columns the table has', () => {
      const [sut] = normaliseItems(
        [row({ leadAgency: 'STC' }, { columns: [TableField.Code, TableField.Title, TableField.LeadAgency] })],
        ctx,
      );
      expect(sut.provided.sort()).toEqual(['kind', 'leadAgencyId', 'title']);
    });
  });

  describe('document text', () => {
    it('should read section B with the right lead agencies', () => {
      const items = normaliseItems(parseTxt(importFixture('ok', SECTION_B_FILE).toString('utf8')).items, ctx);
      expect(items.every((i) => i.errors.length === 0)).toBe(true);
      expect(items.map((i) => [i.task.code, i.task.leadAgency?.code, i.task.kind])).toEqual([
        ['B.1', 'VPUBND', 'task'],
        ['B.2', 'VPUBND', 'task'],
        ['B.2.1', 'VPUBND', 'task'],
        ['B.2.2', 'STC', 'task'],
        ['B.2.3', 'SYT', 'task'],
        ['B.2.4', 'STNMT', 'task'],
        ['B.3', 'VPUBND', 'proposal'],
        ['B.4', 'VPUBND', 'proposal'],
        ['B.5', 'VPUBND', 'task'],
        ['B.6', 'VPUBND', 'task'],
        ['B.7', 'VPUBND', 'task'],
        ['B.8', 'VPUBND', 'proposal'],
        ['B.9', 'VPUBND', 'task'],
        ['B.10', 'VPUBND', 'task'],
      ]);
      const b22 = items[3].task;
      expect(codes(b22.coordinatingAgencies)).toEqual(['STNMT', 'CTT']);
      expect(items[4].task).toMatchObject({ dueDate: null, dueText: 'thường xuyên' });
      expect(codes(items[4].task.coordinatingAgencies)).toHaveLength(11);
      expect(codes(items[6].task.coordinatingAgencies)).toContain('BO-KHDT');
      // B.2.1 names no agency: it takes B.2's (the default lead, departments and districts).
      expect(messages(items[2].warnings)[0]).toBe(
        'Nội dung không nêu cơ quan nào: dùng cơ quan chủ trì và phối hợp của mục B.2',
      );
      expect(items[2].task.coordinatingAgencies).toEqual(items[1].task.coordinatingAgencies);
    });

    it('should let the first named agency lead, skipping partners named after "phối hợp với"', () => {
      const [sut] = normaliseItems(
        [text('Phối hợp với Sở Y tế, Sở Tài chính chủ trì xây dựng đề án, báo cáo UBND tỉnh')],
        ctx,
      );
      expect(sut.task.leadAgency?.code).toBe('STC');
      expect(codes(sut.task.coordinatingAgencies)).toEqual(['SYT']);
    });

    it('should report an unknown agency named in the text', () => {
      const [sut] = normaliseItems([text('Sở Du lịch chủ trì tổ chức lễ hội trong Quý III/2024')], ctx);
      expect(sut.errors).toEqual([
        {
          field: 'agencies',
          message: expect.stringMatching(
            /^Không tìm thấy cơ quan “Sở Du lịch”.*gần nhất: Sở Văn hóa, Thể thao và Du lịch/,
          ) as string,
        },
      ]);
    });

    it('should make an item naming no agency an error without a default lead', () => {
      const [sut] = normaliseItems([text('Tăng cường kỷ luật, kỷ cương hành chính.')], { ...ctx, defaultLead: null });
      expect(messages(sut.errors)).toEqual([
        'Nội dung không nêu cơ quan nào; hãy ghi cơ quan chủ trì hoặc chọn cơ quan chủ trì mặc định (defaultLeadAgencyId)',
      ]);
    });

    it.each([
      ['Sở Y tế hoàn thành trong tháng 11/2024', '2024-11-30', 'tháng 11/2024'],
      ['Sở Y tế tổ chức đánh giá, đến giữa năm 2024 hoàn thành', '2024-06-30', 'giữa năm 2024'],
      ['Sở Y tế phấn đấu đến cuối năm 2024 đạt chuẩn', '2024-12-31', 'cuối năm 2024'],
      ['Sở Y tế trình UBND tỉnh trong Quý I/2024', '2024-03-31', 'Quý I/2024'],
      [
        'Sở Y tế thực hiện Nghị quyết số 01/NQ-CP ngày 06/01/2023, hoàn thành trước ngày 15/3/2024',
        '2024-03-15',
        'ngày 15/3/2024',
      ],
      ['Sở Y tế hoàn thành trong năm 2024', '2024-12-31', 'năm 2024'],
      ['Sở Y tế thường xuyên theo dõi', null, 'thường xuyên'],
    ])('should read the deadline of "%s"', (title, dueDate, dueText) => {
      const [sut] = normaliseItems([text(title)], ctx);
      expect([sut.task.dueDate, sut.task.dueText]).toEqual([dueDate, dueText]);
    });

    it('should cut a text longer than a title at a sentence and keep the whole in the description', () => {
      const long = `Sở Y tế chủ trì. ${'Tăng cường công tác khám chữa bệnh. '.repeat(70)}`.trim();
      const [sut] = normaliseItems([text(long)], ctx);
      expect(sut.errors).toEqual([]);
      expect(sut.task.title.length).toBeLessThanOrEqual(2000);
      expect(sut.task.title.endsWith('.')).toBe(true);
      expect(sut.task.description).toBe(long);
      expect(messages(sut.warnings)[0]).toMatch(/^Nội dung dài 2.\d{3} ký tự: tiêu đề lấy phần đầu/);
    });

    it('should warn when control characters were stripped', () => {
      const [sut] = normaliseItems([text('Sở Y tế thực hiện', { stripped: true })], ctx);
      expect(messages(sut.warnings)).toContain('Đã loại bỏ các ký tự điều khiển (không in được) trong nội dung');
    });
  });
});

describe(deadlineInText.name, () => {
  const ctx = { assignedAt: '2024-01-05', programYear: 2024 };

  it.each([
    ['khắc phục những tồn tại, hạn chế của năm 2023', null, []],
    ['Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050', null, []],
    [
      'phát triển văn hóa, con người đến năm 2030, định hướng đến năm 2045',
      null,
      [
        'Bỏ qua “năm 2030”: quá xa so với năm 2024 của chương trình (có thể là tầm nhìn, định hướng), không coi là thời hạn',
      ],
    ],
    ['không để thiếu thuốc như năm 2023; thường xuyên kiểm tra', null, []],
    [
      'hoàn thành trong tháng 11/2023',
      null,
      ['Bỏ qua “tháng 11/2023”: trước ngày giao nhiệm vụ 05/01/2024, không coi là thời hạn'],
    ],
  ])('should not take "%s" for a deadline', (t, due, warnings) => {
    const sut = deadlineInText(t, ctx);
    expect(sut.match?.dueDate ?? null).toBe(due);
    expect(sut.warnings).toEqual(warnings);
  });
});

describe('no silent loss of a deadline (issue #12)', () => {
  const ctx = { assignedAt: '2026-03-02', programYear: 2026 };

  it.each([
    [
      'Giao Sở Y tế chủ trì rà soát, hoàn thành trước ngày 31/6/2026.',
      'Ngày “31/6/2026” không có thật; hãy sửa thời hạn',
    ],
    [
      'Sở Tài chính tổng hợp, báo cáo trước ngày 15/01/2026.',
      'Thời hạn 15/01/2026 trước ngày giao nhiệm vụ 02/03/2026',
    ],
    [
      'Sở Nội vụ rà soát biên chế, hoàn thành trước ngày 15/6.',
      expect.stringMatching(
        /^Không đọc được thời hạn “hoàn thành trước ngày 15\/6”: hãy ghi đủ ngày, tháng, năm/,
      ) as string,
    ],
  ])('should make %j an error on its row', (text, error) => {
    expect(deadlineInText(text, ctx).error).toEqual(error);
  });

  it('should still pass over a past year that is not announced as the deadline', () => {
    expect(deadlineInText('khắc phục những tồn tại của năm 2025, hoàn thành trong Quý II/2026', ctx)).toMatchObject({
      match: { dueDate: '2026-06-30' },
    });
  });

  it('should refuse an impossible day in a Thời hạn cell', () => {
    expect(deadlineInCell('31/6/2025')).toEqual({
      dueDate: null,
      dueText: '31/6/2025',
      error: 'Ngày “31/6/2025” không có thật; hãy sửa thời hạn',
    });
  });

  it('should give the item an error, and no task without a due date, when its deadline cannot be used', () => {
    const [sut] = normaliseItems([{ ...text('Giao Sở Y tế chủ trì rà soát, hoàn thành trước ngày 31/6/2026.') }], {
      ...normaliseContext({ assignedAt: '2026-03-02', programYear: 2026, matcher: seedMatcher('2026-03-02') }),
    });
    expect(sut.errors.map((e) => e.field)).toContain('dueDate');
    expect(sut.warnings.map((w) => w.message)).not.toContain(
      'Nội dung không nêu thời hạn: nhiệm vụ không có hạn hoàn thành',
    );
  });
});

describe(deadlineInCell.name, () => {
  it('should read an unformatted Excel day number', () => {
    expect(deadlineInCell('45366').dueDate).toBe('2024-03-15');
  });
});

describe(decideKind.name, () => {
  it.each([
    ['Việc bất kỳ', 'Quyết định', null, TaskKind.Proposal],
    ['Việc bất kỳ', null, 'HĐND tỉnh', TaskKind.Proposal],
    ['Xây dựng, ban hành Kế hoạch triển khai Nghị quyết', null, null, TaskKind.Proposal],
    ['Quyết định phê duyệt giá đất', null, null, TaskKind.Proposal],
    ['Hoàn thiện Kế hoạch thực hiện Quy hoạch tỉnh, trình Thủ tướng Chính phủ ban hành', null, null, TaskKind.Proposal],
    ['Thực hiện quy trình xây dựng dự thảo văn bản dự kiến trình kỳ họp HĐND tỉnh', null, null, TaskKind.Task],
    ['Triển khai thực hiện các nghị quyết, chương trình làm việc của Tỉnh ủy', null, null, TaskKind.Task],
    ['Tăng cường kỷ luật, kỷ cương hành chính', null, null, TaskKind.Task],
  ])('should call "%s" (form %p, submit to %p) a %s', (title, form, to, kind) => {
    expect(decideKind(title, form, to)).toBe(kind);
  });
});

describe(shorten.name, () => {
  it('should cut at a word when there is no sentence end', () => {
    expect(shorten('một hai ba bốn năm', 10)).toBe('một hai…');
  });
});

describe('defaults', () => {
  it('should use the default lead given by the context', () => {
    const ctx = normaliseContext({ defaultLead: agencyByCode(seedMatcher().agencies, 'SNV') });
    expect(normaliseItems([text('Tăng cường kỷ luật.')], ctx)[0].task.leadAgency?.code).toBe('SNV');
  });
});
