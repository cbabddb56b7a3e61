import { foldVietnamese } from 'src/core/text/vietnamese';

/** What `q` searches for an agency, folded (no case, no diacritics): code, name and aliases. */
export function agencySearchText(a: { code: string; name: string; aliases: string[] }): string {
  return foldVietnamese([a.code, a.name, ...a.aliases].join(' | '));
}

/** Length of the agencies.searchText column: name and aliases together must fold into it. */
export const AGENCY_SEARCH_TEXT_MAX = 2000;

/**
 * A name as two names are compared for sameness (agency names and aliases, group names): folded,
 * punctuation and spacing ignored ("Sở TN&MT" = "so tn mt" = "Sở TN-MT").
 */
export function nameKey(name: string): string {
  return foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
