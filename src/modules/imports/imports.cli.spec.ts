import { formatImportReport, ImportUsageError, parseImportArgs } from './imports.cli';
import { ImportReport } from './import.types';

describe(parseImportArgs.name, () => {
  it('should read the file, the program and the flags', () => {
    expect(parseImportArgs(['ct.xlsx', '--program', 'CTCT-2024', '--dry-run'])).toEqual({
      file: 'ct.xlsx',
      program: 'CTCT-2024',
      dryRun: true,
      defaultLead: null,
      json: false,
    });
    expect(parseImportArgs(['--program=CTCT-2024', 'ct.docx', '--default-lead', 'VPUBND', '--json'])).toEqual({
      file: 'ct.docx',
      program: 'CTCT-2024',
      dryRun: false,
      defaultLead: 'VPUBND',
      json: true,
    });
  });

  it.each([
    [[]],
    [['ct.xlsx']],
    [['--program', 'X']],
    [['a.xlsx', 'b.xlsx', '--program', 'X']],
    [['a.xlsx', '--program']],
    [['a.xlsx', '--program', 'X', '--fast']],
  ])('should refuse %j with the usage', (args) => {
    expect(() => parseImportArgs(args)).toThrow(ImportUsageError);
  });
});

describe(formatImportReport.name, () => {
  it('should print the counts and the items with errors', () => {
    const report: ImportReport = {
      programId: 1,
      fileName: 'ct.csv',
      format: 'csv',
      dryRun: false,
      committed: false,
      summary: { items: 1, valid: 0, invalid: 1, created: 0, updated: 0, unchanged: 0, warnings: 0 },
      warnings: [],
      items: [
        {
          ref: 'Dòng 2',
          position: 2,
          action: null,
          changes: [],
          warnings: [],
          errors: [{ field: 'leadAgency', message: 'Không tìm thấy cơ quan “Sở Du lịch”' }],
          task: {
            code: '1',
            title: 'Việc một',
            description: null,
            kind: 'task' as never,
            group: null,
            leadAgency: null,
            coordinatingAgencies: [],
            dueDate: null,
            dueText: null,
            outputForm: null,
            submitTo: null,
            leaderInCharge: null,
            sourceDocument: null,
          },
        },
      ],
    };
    const out = formatImportReport(report);
    expect(out).toContain('ct.csv (csv) → program #1: 1 item(s), 0 valid, 1 invalid');
    expect(out).toContain('refused: nothing written');
    expect(out).toContain('✗ Không tìm thấy cơ quan “Sở Du lịch”');
  });
});
