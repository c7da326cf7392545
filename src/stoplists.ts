/**
 * Which words count as stopwords in each language: jusText's signal is the density of function
 * words ("the", "of", "would"). stopwords-iso's lists are broad: its English list of 1,298 words
 * holds "home", "next", "page", "top", "back" and "help", the words of menus. The `stopword`
 * package's lists are function words (108 in English). Where both packages have a list, a word
 * counts if both list it; elsewhere the one list there is.
 */
import functionWords from 'stopword';
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };

/** ISO 639-1 codes (as the language detector gives them) of the `stopword` package's ISO 639-3 keys. */
const FUNCTION_WORD_KEYS: Record<string, string> = {
  af: 'afr', ar: 'ara', bg: 'bul', bn: 'ben', br: 'bre', ca: 'cat', cs: 'ces', da: 'dan', de: 'deu', el: 'ell',
  en: 'eng', eo: 'epo', es: 'spa', et: 'est', eu: 'eus', fa: 'fas', fi: 'fin', fr: 'fra', ga: 'gle', gl: 'glg',
  gu: 'guj', ha: 'hau', he: 'heb', hi: 'hin', hr: 'hrv', hu: 'hun', hy: 'hye', id: 'ind', it: 'ita', ja: 'jpn',
  ko: 'kor', ku: 'kur', la: 'lat', lt: 'lit', lv: 'lav', mr: 'mar', ms: 'msa', my: 'mya', nb: 'nob', nl: 'nld',
  no: 'nob', pa: 'panGu', pl: 'pol', pt: 'por', ro: 'ron', ru: 'rus', sk: 'slk', sl: 'slv', so: 'som', st: 'sot',
  sv: 'swe', sw: 'swa', th: 'tha', tl: 'tgl', tr: 'tur', uk: 'ukr', ur: 'urd', vi: 'vie', yo: 'yor', zh: 'zho',
  zu: 'zul',
};

const broad = stopwordsIso as Record<string, string[]>;
const lists = functionWords as Record<string, unknown>;

/** The stopwords of `lang`, lower-cased, or null when neither package has a list for it. */
function listOf(lang: string): string[] | null {
  const key = FUNCTION_WORD_KEYS[lang];
  const narrow = key !== undefined && Array.isArray(lists[key]) ? (lists[key] as string[]) : null;
  const wide = broad[lang] ?? null;
  if (narrow && wide) {
    const both = new Set(wide.map((w) => w.toLowerCase()));
    return narrow.map((w) => w.toLowerCase()).filter((w) => both.has(w));
  }
  return (narrow ?? wide)?.map((w) => w.toLowerCase()) ?? null;
}

/** Every language either package has a list for. */
const LANGUAGES = [...new Set([...Object.keys(broad), ...Object.keys(FUNCTION_WORD_KEYS)])];

// Without a language, count short words that are stopwords somewhere: function words are short
// in every language (Zipf's law of abbreviation).
export const FALLBACK_MAX_CHARS = 4;

const sets = new Map<string, Set<string>>();
let fallback: Set<string> | null = null;

function fallbackStopwords(): Set<string> {
  if (fallback) return fallback;
  fallback = new Set();
  for (const lang of LANGUAGES) {
    for (const word of listOf(lang) ?? []) if ([...word].length <= FALLBACK_MAX_CHARS) fallback.add(word);
  }
  return fallback;
}

/** The stopwords of `lang`, or short stopwords of any language when `lang` is unknown or has no list. */
export function stopwordsOf(lang: string | null): Set<string> {
  if (lang === null) return fallbackStopwords();
  let set = sets.get(lang);
  if (!set) {
    const list = listOf(lang);
    set = list && list.length > 0 ? new Set(list) : fallbackStopwords();
    sets.set(lang, set);
  }
  return set;
}
