import { foldVietnamese } from 'src/core/text/vietnamese';

/** What `q` searches for an agency, folded (no case, no diacritics): code, name and aliases. */
export function agencySearchText(a: { code: string; name: string; aliases: string[] }): string {
  return foldVietnamese([a.code, a.name, ...a.aliases].join(' | '));
}

/** Length of the agencies.searchText column: name and aliases together must fold into it. */
export const AGENCY_SEARCH_TEXT_MAX = 2000;
