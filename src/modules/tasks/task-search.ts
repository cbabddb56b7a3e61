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
