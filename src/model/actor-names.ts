// Which actors of a graph a piece of text names, by label or alias, as whole
// words: "Kataib Hezbollah, in a statement" names kataib-hezbollah; "Iran’s
// foreign ministry" names iran. Used to ask for a `claimant` where
// `attributedTo` names an actor. Pure.

/** Lower case, no diacritics, a possessive "’s" dropped, apostrophes gone, other punctuation a space. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼ]s(?![\p{L}\p{N}])/gu, '')
    .replace(/['’‘`ʼʾʿʻ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Names this short ("US", "KH", "PMU") match only as written, capitals included: "told us" names no one. */
const SHORT_NAME_LETTERS = 3;
/** Only the first words of a text are read: an attribution names its speaker early, and the work stays bounded. */
const WORDS_READ = 60;
/** Names longer than this many words are not looked for (no label is that long in practice). */
const MAX_NAME_WORDS = 12;

/** The words of a text as written, a dotted abbreviation ("U.S.") as one word ("US"). */
function writtenWords(text: string): string[] {
  return text
    .replace(/(?<=\p{L})\.(?=\p{L})/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

function addTo(index: Map<string, string[]>, name: string, id: string): void {
  const ids = index.get(name) ?? [];
  if (!ids.includes(id)) ids.push(id);
  index.set(name, ids);
}

export interface NamedActor {
  id: string;
  label: string;
  aliases?: readonly string[];
}

export class ActorNameIndex {
  private readonly byFoldedName = new Map<string, string[]>();
  /** Short names as written ("KH", "US"), without dots. */
  private readonly byShortName = new Map<string, string[]>();
  /** Every name's first words ("kataib" for "kataib hezbollah"): a text is read on only while it may make a name. */
  private readonly namePrefixes = new Set<string>();

  constructor(actors: Iterable<NamedActor>) {
    for (const actor of actors) {
      for (const name of [actor.label, ...(actor.aliases ?? [])]) {
        const folded = foldName(name);
        if (folded === '') continue;
        if (folded.replace(/ /g, '').length <= SHORT_NAME_LETTERS) {
          addTo(this.byShortName, writtenWords(name).join(''), actor.id);
          continue;
        }
        const words = folded.split(' ');
        if (words.length > MAX_NAME_WORDS) continue;
        for (let length = 1; length < words.length; length++) this.namePrefixes.add(words.slice(0, length).join(' '));
        addTo(this.byFoldedName, folded, actor.id);
      }
    }
  }

  /** Ids of the actors the text names, in the order their names first appear (by word). */
  namedIn(text: string): string[] {
    const firstWord = new Map<string, number>();
    const add = (id: string, word: number) => {
      if (word < (firstWord.get(id) ?? Number.POSITIVE_INFINITY)) firstWord.set(id, word);
    };
    const words = foldName(text).split(' ').slice(0, WORDS_READ);
    for (let start = 0; start < words.length; start++) {
      let key = words[start] as string;
      for (let next = start + 1; ; next++) {
        for (const id of this.byFoldedName.get(key) ?? []) add(id, start);
        if (next >= words.length || !this.namePrefixes.has(key)) break;
        key = `${key} ${words[next]}`;
      }
    }
    if (this.byShortName.size > 0) {
      writtenWords(text)
        .slice(0, WORDS_READ)
        .forEach((word, index) => {
          for (const id of this.byShortName.get(word) ?? []) add(id, index);
        });
    }
    return [...firstWord].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  }
}
