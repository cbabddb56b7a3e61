import { formatImportReport } from './imports.cli';
import { ImportReport } from './import.types';

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
