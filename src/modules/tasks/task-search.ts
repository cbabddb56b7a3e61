import { foldVietnamese } from 'src/core/text/vietnamese';

/** What `q` searches, folded (no case, no diacritics): the same everywhere a task is written. */
export function taskSearchText(t: {
  code?: string | null;
  title: string;
  description?: string | null;
  sourceDocument?: string | null;
  dueText?: string | null;
}): string {
  return foldVietnamese([t.code, t.title, t.description, t.sourceDocument, t.dueText].filter(Boolean).join(' \u2022 '));
}

/*
 * The search rule (`GET /api/tasks?q=…`), one for both engines.
 *
 * A word is a run of letters and digits of the folded text; everything else (spaces, punctuation,
 * the "•" between fields) only separates words. Vietnamese words are made of syllables ("báo cáo",
 * "chuyển đổi số"), and folded syllables are ambiguous on their own ("dau" is đầu, dấu, dâu …), so
 * the query's words are matched in order, next to one another, the way they were typed: every two
 * neighbouring words of the query are two neighbouring words of the task, the last one possibly
 * unfinished (a word prefix, as one types). One word alone is a word prefix. "bao cao quy" finds
 * "Báo cáo quý II" and "báo cáo quyết toán", not "quý … báo cáo"; "phong chay chua chay" finds
 * "phòng cháy, chữa cháy". A query without a letter or digit finds nothing.
 *
 * The indexes (migration TaskSearchIndex): SQLite FTS5 over searchText (unicode61: the same words)
 * asked for two-word phrases; PostgreSQL a GIN index of each task's words and word pairs
 * (task_search_vector), asked for the pairs. Both answer the rule exactly, from the index alone.
 */

/** Letters and digits: what FTS5's unicode61 tokenizer and PostgreSQL's [[:alnum:]] keep as words. */
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a search query as the indexes see them. */
export function searchWords(q: string): string[] {
  return foldVietnamese(q).match(WORD) ?? [];
}

/** What the task must contain: neighbouring word pairs (or the one word); the last one may be a prefix. */
interface SearchTerm {
  words: [string] | [string, string];
  prefix: boolean;
}

function searchTerms(words: string[]): SearchTerm[] {
  if (words.length === 1) return [{ words: [words[0]], prefix: true }];
  const seen = new Set<string>();
  const terms: SearchTerm[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const prefix = i + 2 === words.length;
    const key = `${words[i]} ${words[i + 1]}${prefix ? '*' : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ words: [words[i], words[i + 1]], prefix });
  }
  return terms;
}

/**
 * The FTS5 MATCH expression: `"chuyen doi" AND "doi so" *`. Every phrase is a quoted string of
 * letters and digits only, so no query can reach FTS5's operators (AND, NEAR, -, :, ^, parentheses).
 */
export function ftsMatchExpression(words: string[]): string {
  return searchTerms(words)
    .map((t) => `"${t.words.join(' ')}"${t.prefix ? ' *' : ''}`)
    .join(' AND ');
}

/** The tsquery over task_search_vector's lexemes: `'chuyen_doi' & 'doi_so':*` (a pair is joined by "_"). */
export function tsQueryText(words: string[]): string {
  return searchTerms(words)
    .map((t) => `'${t.words.join('_')}'${t.prefix ? ':*' : ''}`)
    .join(' & ');
}
