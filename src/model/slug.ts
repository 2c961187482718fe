// Ids for what an analyst adds in the editor, made from the label they type:
// "Muqtada al-Ṣadr" becomes "muqtada-al-sadr", the form of graph/schema.json's
// slug (lowercase letters and digits, words joined by "-", at most 250 characters).
//
// Latin letters lose their accents and dots; other scripts are not transliterated
// (an Arabic name has several romanisations and the analyst picks one as the
// label's alias or by renaming), so a label with no Latin letter or digit gets the
// fallback ("actor", "source", ...), made unique as "actor-2", "actor-3" and so on.

import { GRAPH_LIMITS } from './limits.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Letters that Unicode does not decompose into a base letter and marks. */
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ł: 'l',
  þ: 'th',
};

/**
 * Apostrophes and the transliteration marks for ayn and hamza: dropped, not read as a break
 * between words, so that "Kata'ib" and "Asaʿib" give "kataib" and "asaib".
 */
const WORD_INNER_MARKS = /['’‘ʼʻʿʾ`´]/g;

/** A slug from any text, or '' when nothing of it can be spelled with a-z and 0-9. */
function slugOrEmpty(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðħıłþ]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter)
    .replace(WORD_INNER_MARKS, '')
    .replace(/[^a-z0-9]+/g, '-');
  return withinIdLength(folded.replace(/^-+/, ''));
}

/** The first 250 characters, without a "-" left at the end. */
const withinIdLength = (slug: string) => slug.slice(0, GRAPH_LIMITS.idLength).replace(/-+$/, '');

/**
 * The id for a new item called `label`: "Muqtada al-Ṣadr" gives "muqtada-al-sadr".
 * A label without a Latin letter or digit (Arabic, Persian, only punctuation) gives
 * `fallback`, itself made a slug ("item" when it cannot be).
 */
export function slugFromLabel(label: string, fallback = 'actor'): string {
  return slugOrEmpty(label) || slugOrEmpty(fallback) || 'item';
}

/** `base` if no item has it yet, else base-2, base-3, ...; shortened so that the id stays within 250 characters. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const start = withinIdLength(base);
  if (!taken.has(start)) return start;
  for (let number = 2; ; number++) {
    const suffix = `-${number}`;
    const candidate = `${start.slice(0, GRAPH_LIMITS.idLength - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * A relation's id as the shipped graph writes it, FROM-TYPE-TO:
 * ("kataib-hezbollah", "accused", "kadhimi") gives "kataib-hezbollah-accused-kadhimi".
 * `taken` holds every actor and relation id (the two share one set of ids).
 */
export function relationId(from: string, type: string, to: string, taken: ReadonlySet<string>): string {
  return uniqueId(slugFromLabel(`${from}-${type}-${to}`, 'relation'), taken);
}
