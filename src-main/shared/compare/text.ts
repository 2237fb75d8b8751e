// Word-level text helpers shared by the comparison algorithms: tokens with offsets, a light English stemmer, stop words.

/** A word of a text with its JS string offsets. */
export interface WordToken {
  text: string;
  start: number;
  end: number;
}

const ASCII_WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD_CHAR[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
// Joiners inside a word: "d’etat", "Faustin-Archange", "9,000", "U.N".
const JOINERS = new Set(["'", '’', '-', '.', ',']);

function isWordChar(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_WORD_CHAR[code] === 1;
  return NON_ASCII_WORD_CHAR.test(text.charAt(index));
}

/** Words (letters and digits, with inner apostrophes, hyphens, dots and commas) with their offsets. */
export function wordTokens(text: string): WordToken[] {
  // A hand-written scanner: a Unicode regular expression was the slowest step of aligning large articles.
  const tokens: WordToken[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < length) {
      if (isWordChar(text, i)) i++;
      else if (JOINERS.has(text.charAt(i)) && i + 1 < length && isWordChar(text, i + 1)) i += 2;
      else break;
    }
    tokens.push({ text: text.slice(start, i), start, end: i });
  }
  return tokens;
}

// Function words and reporting verbs: they say nothing about what a statement is about, so alignment ignores them.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her here ' +
    'hers herself him himself his how i if in into is it its itself just me more most my no nor not now of off on ' +
    'once only or other our ours out over own same she should so some such than that the their theirs them then ' +
    'there these they this those through to too under until up very was we were what when where which while who whom ' +
    'why will with would you your yours said says say told tell reported reports noted according added also there ' +
    'which whose its it’s one two us per via since may might must shall'
  ).split(' '),
);

// Irregular forms whose regular stripping would not meet their other forms.
const IRREGULAR_STEMS: Readonly<Record<string, string>> = {
  sent: 'send',
  took: 'take',
  taken: 'take',
  said: 'say',
  told: 'tell',
  made: 'make',
  fought: 'fight',
  began: 'begin',
  begun: 'begin',
  left: 'leave',
  held: 'hold',
  led: 'lead',
  men: 'man',
  people: 'person',
  troops: 'troop',
  militants: 'militant',
  ousted: 'oust',
};

const VOWEL = /[aeiouy]/;

function undouble(word: string): string {
  const last = word.at(-1);
  if (word.length > 3 && last === word.at(-2) && last !== undefined && !'aeiouylsz'.includes(last)) {
    return word.slice(0, -1);
  }
  return word;
}

/**
 * A light suffix-stripping stemmer (plural, -ed, -ing, -ly, -ment, final e). Porter would be more thorough, but
 * this one is fast on 10,000 statements and makes "deployed", "deploys" and "deployment" meet, which is what
 * matching statements needs.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’']s$/, '');
  const irregular = IRREGULAR_STEMS[w];
  if (irregular) return irregular;
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('ied')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed') && VOWEL.test(w.slice(0, -2)))
    w = undouble(w.slice(0, -2));
  else if (w.length > 5 && w.endsWith('ing') && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 7 && w.endsWith('ment')) w = w.slice(0, -4);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}
