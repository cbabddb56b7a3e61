import { ftsMatchExpression, searchWords, taskSearchText, tsQueryText } from './task-search';
import { textSearchCondition } from './task-query';

describe(searchWords.name, () => {
  it('should fold the query and cut it into letters-and-digits words', () => {
    expect(searchWords('  Báo cáo QUÝ  II/2024 ')).toEqual(['bao', 'cao', 'quy', 'ii', '2024']);
    expect(searchWords('Phòng cháy, chữa cháy')).toEqual(['phong', 'chay', 'chua', 'chay']);
    expect(searchWords('1180/UBND-TH')).toEqual(['1180', 'ubnd', 'th']);
    expect(searchWords('Đắk Lắk')).toEqual(['dak', 'lak']);
  });

  it('should cut the stored text into the same words as the query (one rule for both sides)', () => {
    const text = taskSearchText({ code: 'A.1', title: 'Chuyển đổi số', sourceDocument: 'Số 12/QĐ-UBND' });
    expect(searchWords(text)).toEqual(['a', '1', 'chuyen', 'doi', 'so', 'so', '12', 'qd', 'ubnd']);
  });

  it('should find no word in punctuation, operators or whitespace alone', () => {
    for (const q of ['%', '_', '\\', '"', '*', '-', ':', '()', '^', '"; --', ' \u00a0 ', '\u200b', '•']) expect(searchWords(q)).toEqual([]);
  });
});

describe(ftsMatchExpression.name, () => {
  it('should ask for one word as a prefix', () => {
    expect(ftsMatchExpression(['chuyen'])).toBe('"chuyen" *');
  });

  it('should ask for every two neighbouring words as a phrase, the last one unfinished', () => {
    expect(ftsMatchExpression(['bao', 'cao'])).toBe('"bao cao" *');
    expect(ftsMatchExpression(['chuyen', 'doi', 'so'])).toBe('"chuyen doi" AND "doi so" *');
  });

  it('should not repeat a pair', () => {
    expect(ftsMatchExpression(['a', 'b', 'a', 'b', 'c'])).toBe('"a b" AND "b a" AND "b c" *');
    expect(ftsMatchExpression(['a', 'a', 'a'])).toBe('"a a" AND "a a" *');
  });

  it.each([
    ['"quoted" phrase', '"quoted phrase" *'],
    ['NEAR(a b)', '"near a" AND "a b" *'],
    ['a AND b OR NOT c', '"a and" AND "and b" AND "b or" AND "or not" AND "not c" *'],
    ['-minus +plus', '"minus plus" *'],
    ['words:col ^start', '"words col" AND "col start" *'],
    ['pre* (x)', '"pre x" *'],
    ["'; DROP TABLE tasks; --", '"drop table" AND "table tasks" *'],
  ])('should turn FTS5 syntax in %j into plain quoted words', (q, expected) => {
    expect(ftsMatchExpression(searchWords(q))).toBe(expected);
  });

  it('should keep every phrase a quoted run of letters and digits, whatever the input', () => {
    const hostile = ['a"b', 'x\u0000y', 'ᴬ€ab¢', '𝐀𝐁 c', `${'ab '.repeat(66)}cd`, 'Đ'.repeat(200)];
    for (const q of hostile) {
      const expr = ftsMatchExpression(searchWords(q));
      expect(expr).toMatch(/^("[\p{L}\p{N}]+( [\p{L}\p{N}]+)?"( \*)?)( AND "[\p{L}\p{N}]+ [\p{L}\p{N}]+"( \*)?)*$/u);
    }
  });
});

describe(tsQueryText.name, () => {
  it('should ask for the word, or the word pairs joined by "_", the last as a prefix', () => {
    expect(tsQueryText(['chuyen'])).toBe("'chuyen':*");
    expect(tsQueryText(['chuyen', 'doi', 'so'])).toBe("'chuyen_doi' & 'doi_so':*");
  });

  it('should quote only letters and digits, so no tsquery operator can get in', () => {
    for (const q of ["it's", "'a' & !b | c:*", '<-> (x)', 'a\\b']) {
      expect(tsQueryText(searchWords(q))).toMatch(/^'[\p{L}\p{N}_]+'(:\*)?( & '[\p{L}\p{N}_]+'(:\*)?)*$/u);
    }
  });
});

describe(textSearchCondition.name, () => {
  it('should search the FTS5 table on SQLite and the GIN expression on PostgreSQL', () => {
    expect(textSearchCondition('t', 'Chuyển đổi số', 'sqlite')).toEqual({
      sql: 't.id IN (SELECT rowid FROM task_search WHERE task_search MATCH :searchMatch)',
      params: { searchMatch: '"chuyen doi" AND "doi so" *' },
    });
    expect(textSearchCondition('t', 'Chuyển đổi số', 'postgres')).toEqual({
      sql: 'task_search_vector(t.searchText) @@ CAST(:searchQuery AS tsquery)',
      params: { searchQuery: "'chuyen_doi' & 'doi_so':*" },
    });
  });

  it('should match nothing when the query has no letter or digit', () => {
    expect(textSearchCondition('t', '%%', 'sqlite')).toEqual({ sql: '1 = 0', params: {} });
    expect(textSearchCondition('t', '"*()"', 'postgres')).toEqual({ sql: '1 = 0', params: {} });
  });

  it('should be no filter at all for a blank query', () => {
    expect(textSearchCondition('t', '   ', 'sqlite')).toBeNull();
    expect(textSearchCondition('t', '\u200b\u00a0', 'postgres')).toBeNull();
  });
});
