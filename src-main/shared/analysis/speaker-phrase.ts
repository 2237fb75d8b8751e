// Cleans a speaker noun phrase before it becomes an actor: leading adverbials and conjunctions go, a
// document names its owner ("a Reuters/Ipsos poll" → "Reuters/Ipsos"), clauses are refused ("what Trump"),
// and plural or quantified subjects are recognised as groups ("Republicans", "Former officials … say").
import { NOUN_OPENERS } from './attribution-words';
import { cueForm, isNounLikeCue } from './cues';
import { lookupGazetteer } from './gazetteer';
import { isFiniteVerb, isLastName, isNounOrAdjective } from './lexicon';
import { wordSet } from '../word-set';

/** Words that open a clause or a question: a phrase holding one is not a speaker's name. */
const CLAUSE_WORDS = wordSet(
  "what which who whom whose because whether if when where why how than that’s that's",
);
/** Subject pronouns: inside a phrase they open a clause of their own ("policies she"). */
const SUBJECT_PRONOUNS = new Set(['i', 'he', 'she', 'we', 'they', 'it', 'you', 'him', 'them', 'us', 'me']);
const OBJECT_PRONOUNS = new Set(['him', 'them', 'us', 'me']);
const PREPOSITIONS = new Set(['to', 'of', 'with', 'for', 'near', 'around', 'behind', 'beside', 'against']);
/** First words of a clause or adverbial read by mistake as a subject ("To pay for", "Such as", "Around the"). */
const CLAUSE_OPENING = wordSet(
  "to by such aside around though although as it it’s it's he’s he's she’s she's that’s that's this there here",
);
/** Words a name or noun phrase never ends with. */
const BAD_ENDINGS = wordSet(
  'a an the of as in on at to for by with from and or but that this these those his her its their our',
);
const LEADING_NOISE =
  /^(?:(?:and|but|so|then|also|yet|still|now|even|including|like|though|although|as)\s+)+/i;
const LEADING_PREPOSITION =
  /^(?:in|on|at|during|after|before|since|with|for|from|under|over|through|via|within|throughout)\s/i;
/** Documents and findings whose source is their owner. */
// "… average of recent polls", "… polling average": an average of polls is evidence too; its owner names it.
const DOCUMENTS =
  /\s+(?:(?:national|new|latest|recent|tracking|exit|online|daily|weekly|annual|internal|final|early|polling|rolling)\s+)*(?:poll|polls|survey|surveys|study|studies|report|analysis|review|audit|tally|count|data|figures|statement|release|memo|filing|ruling|estimate|estimates|projections?|averages?)(?:\s+of\s+(?:(?:national|latest|recent|state)\s+)*(?:polls|surveys))?$/i;
const FIRST_SECOND = new Set(['i', 'me', 'we', 'us', 'you']);
const PERSONAL_PRONOUNS = new Set([
  'i',
  'me',
  'we',
  'us',
  'you',
  'one',
  'someone',
  'anyone',
  'everyone',
  'nobody',
]);
/** Heads of quantified groups: "Twelve percent", "A majority of voters", "Nearly eight of 10 voters". */
const QUANTITY =
  /^(?:(?:nearly|almost|about|roughly|only|just|some|over|more than|fewer than|less than|a|the)\s+)*(?:majority|minority|plurality|half|third|quarter|most|many|some|several|few|all|both|\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|dozens|millions)\b/i;

const SHARE =
  /^(?:\d|(?:the|a)\s+(?:vast\s+|large\s+|slim\s+|narrow\s+)?majorit)|\b(?:percent|per cent|majorities|plurality|\d+\s+in\s+\d+)\b|%/i;

/** "51 percent of respondents", "The vast majority of Americans", "6 in 10 voters": a share of those polled. */
export function isShareOfPeople(phrase: string): boolean {
  return SHARE.test(phrase);
}

const TRAILING_ADVERBS = wordSet(
  'just all also too both alone himself herself themselves itself again already still even only then now there out',
);

const TRAILING_TIME =
  /(?:\s+(?:on\s+)?(?:(?:this|last|next|earlier|later)\s+(?:week|month|year|morning|afternoon|evening|night|spring|summer|fall|autumn|winter)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|recently|(?:(?:more|less)\s+than\s+)?(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago|(?:in|on)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d)(?:\s+\d{1,2}(?:,\s+(?:19|20)\d\d)?)?))+$/i;

/** "Mr. Burman (a view": an opening parenthesis never closed. */
function unbalanced(text: string): boolean {
  return (text.match(/\(/g)?.length ?? 0) !== (text.match(/\)/g)?.length ?? 0);
}

/** A lower-case finite verb ("turned", "restricted", "says"): the phrase is a clause. */
function readsAsVerb(word: string): boolean {
  if (isNounOrAdjective(word) || isNounLikeCue(word)) return false;
  return isFiniteVerb(word) || (word.length > 4 && word.endsWith('ed'));
}

const AFTER_PARTICIPLE =
  /^(?:by|on|in|for|from|at|during|last|this|earlier|monday|tuesday|wednesday|thursday|friday|saturday|sunday|online)$/i;

/** "conducted by", "released Sunday": a past participle after a noun, followed by an agent or a time. */
function reducedRelative(words: string[], i: number): boolean {
  const w = words[i] as string;
  const next = words[i + 1];
  return /(?:ed|en|wn|st|ne)$/.test(w) && next !== undefined && AFTER_PARTICIPLE.test(next);
}

export interface CleanPhrase {
  text: string;
  /** A plural or quantified subject: kept as written, with kind `group`. */
  group: boolean;
}

/** Nouns that name evidence: with "found" or "shows" only these (or a name) report a finding. */
const EVIDENCE_WORDS = new Set(
  (
    'poll polls polling survey surveys study studies report reports analysis data research review audit ' +
    'investigation inquiry probe test tests records documents results numbers figures count tally estimate ' +
    'estimates census index filings statistics footage video emails cables transcripts returns'
  ).split(' '),
);

/** Whether a lower-case word names evidence ("polls", "filings", "footage"). */
export function isEvidenceWord(lower: string): boolean {
  return EVIDENCE_WORDS.has(lower);
}

/**
 * Whether a phrase can be the source of a finding: evidence ("A Reuters/Ipsos poll last month found",
 * "New polls released Sunday show", "Exit polling showed") or a name ("Gallup shows").
 */
export function canReportFinding(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  return (
    words.some((w) => EVIDENCE_WORDS.has(w.toLowerCase())) || /^\p{Lu}/u.test(words[words.length - 1] ?? '')
  );
}

/** The speaker phrase to resolve, or null when it is a clause, a pronoun of the first or second person, or empty. */
export function cleanSpeakerPhrase(raw: string): CleanPhrase | null {
  let clean = cleaned.get(raw);
  if (clean === undefined) {
    if (cleaned.size > 20_000) cleaned.clear();
    clean = cleanSlowly(raw);
    cleaned.set(raw, clean);
  }
  return clean;
}

const cleaned = new Map<string, CleanPhrase | null>();

function cleanSlowly(raw: string): CleanPhrase | null {
  let text = raw.replace(/\s+/g, ' ').trim().replace(LEADING_NOISE, '');
  // "(…, according to Nielsen.)": the parenthesis around the statement is not part of the name.
  if (!text.includes('(')) text = text.replace(/[.)]*\)[.]*$/, '');
  if (!text.includes(')')) text = text.replace(/^\(\s*/, '');
  // "In a Bloomberg interview Trump": the name after an adverbial without a comma.
  if (LEADING_PREPOSITION.test(text)) {
    const tail = /((?:\p{Lu}[\p{L}.’'-]*\s?){1,4})$/u.exec(text);
    if (!tail || tail.index === 0) return null;
    const before = text.slice(0, tail.index).trim().split(' ');
    if (/^\p{Lu}/u.test(before[before.length - 1] ?? '')) return null;
    text = (tail[1] as string).trim();
  }
  const owner = DOCUMENTS.exec(text);
  if (owner && owner.index > 0) {
    const head = text
      .slice(0, owner.index)
      .replace(/^(?:(?:an?|the|new|latest|newest|most|recent|her|his|its|their|our|my|your)\s+)+/i, '')
      .replace(/[’']s$/, '');
    // "Early analysis", "Exit polls": a capital that only opens the sentence names no owner.
    const sentenceCase = !/\s/.test(head) && text.startsWith(head) && isNounOrAdjective(head.toLowerCase());
    if (/\p{Lu}/u.test(head) && !sentenceCase) text = head;
  }
  const words = text.split(' ').filter(Boolean);
  // "Wells Fargo just this month", "Menendez all": adverbs and times after the name are not part of it.
  text = words.join(' ').replace(TRAILING_TIME, '');
  words.length = 0;
  words.push(...text.split(' ').filter(Boolean));
  while (words.length > 1 && TRAILING_ADVERBS.has((words[words.length - 1] as string).toLowerCase()))
    words.pop();
  // "Democrats in five states going to the polls" → "Democrats in five states": a trailing -ing modifier.
  // "The latest polling average", "the ruling party": an -ing word before the head noun is a modifier.
  const participle = words.findIndex(
    (w, i) => i > 1 && /^\p{Ll}+ing$/u.test(w) && !isNounOrAdjective(w) && !modifiesLastWord(words, i),
  );
  if (participle > 1 && !BAD_ENDINGS.has((words[participle - 1] as string).toLowerCase()))
    words.length = participle;
  // "New polls released Sunday" → "New polls": a participle left at the end once its time is gone.
  if (words.length > 2 && text !== raw.trim() && /^\p{Ll}+ed$/u.test(words[words.length - 1] as string))
    words.pop();
  text = words.join(' ');
  if (words.length === 0 || words.length > 14) return null;
  if (/^\p{Ll}+ed$/u.test(words[words.length - 1] as string)) return null;
  const lower = words.map((w) => w.toLowerCase().replace(/[’']s$/, ''));
  if (lower.some((w) => CLAUSE_WORDS.has(w) || /n[’']t$/.test(w)) || unbalanced(text)) return null;
  if (lower[0] === 'not' || (words.length > 1 && FIRST_SECOND.has(lower[words.length - 1] as string)))
    return null;
  if (BAD_ENDINGS.has(lower[lower.length - 1] as string)) return null;
  if (/[’']s$/.test(words[words.length - 1] as string) && words.length > 1) return null;
  if (words.length === 1 && PERSONAL_PRONOUNS.has(lower[0] as string)) return null;
  if (/^\p{Ll}[\p{L}]*ing$/u.test(words[0] as string)) return null;
  // "Chastened by the analyses", "Pressed on the vote": an opening participle and its preposition, no name.
  if (
    /^\p{Lu}\p{Ll}+ed$/u.test(words[0] as string) &&
    /^(?:by|on|about|over|with|at|for|in)$/.test(lower[1] ?? '')
  )
    return null;
  // A clause, not a noun phrase: a lower-case finite verb after the first word ("the two turned vicious").
  // A participle opening a reduced relative ("a poll conducted by Edison", "polls released Sunday") is not one.
  // A participle right after an article or possessive describes ("The embattled senator", "A teary-eyed Bush").
  // A plural the lexicon also knows as a verb ("rights", "delegates") is a noun inside a speaker phrase.
  const clauseVerb = (w: string, i: number): boolean =>
    i > 0 &&
    /^\p{Ll}/u.test(w) &&
    readsAsVerb(w) &&
    !NOUN_OPENERS.has(lower[i - 1] as string) &&
    !(/[^s]s$/.test(w) && cueForm(w) === null);
  if (words.some((w, i) => clauseVerb(w, i) && !reducedRelative(words, i))) return null;
  // "Though she", "It also mentions policies she", "To pay for…": a clause, not a name.
  // "Those close to him", "aides to them" keep an object pronoun after a preposition.
  const objectOf = (i: number): boolean =>
    OBJECT_PRONOUNS.has(lower[i] as string) && PREPOSITIONS.has(lower[i - 1] ?? '');
  if (lower.some((w, i) => i > 0 && SUBJECT_PRONOUNS.has(w) && !objectOf(i))) return null;
  if (CLAUSE_OPENING.has(lower[0] as string)) return null;
  const group = isGroup(words);
  // A name or a description of one speaker is short; a long phrase is a clause read as a subject.
  if (!group && words.length > 10) return null;
  return { text, group };
}

/** "polling average": an -ing word right before the last word, itself a lower-case noun, modifies it. */
function modifiesLastWord(words: string[], i: number): boolean {
  const next = words[i + 1];
  return i === words.length - 2 && next !== undefined && /^\p{Ll}+$/u.test(next) && isNounOrAdjective(next);
}

/** A plural head ("officials", "Democrats") or a quantity ("Twelve percent"), not a name or an outlet. */
function isGroup(words: string[]): boolean {
  const phrase = words.join(' ');
  if (QUANTITY.test(phrase) && words.length > 1) return true;
  // The head: the last word before "of", "in", "from", "at", "who"… or the last word.
  let head = words.length - 1;
  for (let i = 1; i < words.length; i++) {
    if (/^(?:of|in|from|at|on|for|with|across|around|inside|outside)$/.test(words[i] as string)) {
      head = i - 1;
      break;
    }
  }
  const word = words[head] as string;
  if (!/s$/.test(word) || /(?:ss|us|is|news|times|s’|s')$/i.test(word)) return false;
  // "Majorities of Democrats", "Friends of the mayor": a common plural noun capitalised as the first word.
  if (
    head === 0 &&
    words.length > 2 &&
    /^\p{Lu}\p{Ll}+$/u.test(word) &&
    isNounOrAdjective(word.toLowerCase())
  )
    return !isLastName(word.toLowerCase()) && !lookupGazetteer(phrase);
  // Capitalised plurals are groups when they are peoples or parties ("Democrats", "Europeans"), not names.
  if (/^\p{Lu}/u.test(word))
    return (
      /(?:ans|ats|ists|ites)$/.test(word) &&
      words.length <= 3 &&
      !isLastName(word.toLowerCase()) &&
      !lookupGazetteer(phrase)
    );
  return true;
}
