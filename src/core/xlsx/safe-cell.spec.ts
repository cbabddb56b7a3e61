import { spreadsheetText, spreadsheetValue } from './safe-cell';

describe(spreadsheetText.name, () => {
  it.each(['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")'])('should prefix %j with a quote', (s) => {
    expect(spreadsheetText(s)).toBe(`'${s}`);
  });

  it('should leave ordinary text, numbers and dates as they are', () => {
    expect(spreadsheetText('Sở Tài chính = chủ trì')).toBe('Sở Tài chính = chủ trì');
    expect(spreadsheetValue(-5)).toBe(-5);
    const d = new Date(0);
    expect(spreadsheetValue(d)).toBe(d);
    expect(spreadsheetValue(null)).toBeNull();
  });
});
