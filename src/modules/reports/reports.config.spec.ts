import { join } from 'node:path';
import { projectRoot } from 'src/core/config/project-root';
import { DEFAULT_REPORTS_CONFIG, loadReportsConfig, validateReportsConfig } from './reports.config';

describe(validateReportsConfig.name, () => {
  it('should fill in the defaults', () => {
    expect(validateReportsConfig({})).toEqual(DEFAULT_REPORTS_CONFIG);
  });

  it('should read recipients, window, formats and periods', () => {
    expect(
      validateReportsConfig({ recipients: [' LanhDao@ubnd.example '], includeLeaders: false, window: 'calendar', formats: ['docx'], periods: ['year'] }),
    ).toEqual({ recipients: ['lanhdao@ubnd.example'], includeOfficeEmail: true, includeLeaders: false, window: 'calendar', formats: ['docx'], periods: ['year'] });
  });

  it.each([
    [{ recipients: ['not-an-email'] }, /recipients/],
    [{ window: 'fiscal' }, /window/],
    [{ formats: ['pdf'] }, /formats/],
    [{ formats: [] }, /formats/],
    [{ periods: ['month'] }, /periods/],
    [{ includeLeaders: 'yes' }, /includeLeaders/],
    [{ recipient: [] }, /unknown key "recipient"/],
    [[], /expected an object/],
  ])('should refuse %j', (raw, message) => {
    expect(() => validateReportsConfig(raw)).toThrow(message);
  });
});

describe(loadReportsConfig.name, () => {
  it('should load config/reports.json', () => {
    expect(loadReportsConfig()).toEqual(DEFAULT_REPORTS_CONFIG);
  });

  it('should fall back to the defaults when the file does not exist', () => {
    expect(loadReportsConfig(join(projectRoot(), 'config', 'no-such-file.json'))).toEqual(DEFAULT_REPORTS_CONFIG);
  });
});
