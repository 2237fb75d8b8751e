// Reads the noun phrase naming a speaker or relay ("Russian Deputy Foreign Minister Mikhail Bogdanov", "he",
// "the Moscow Times", "Rwanda's defence ministry") as an actor, a pronoun or a description, in phases:
// the surface cleaned, then the gazetteer, a known agency after descriptors, a titled name, a description,
// and last the kind read from the words.
import type { SourceKind } from '../domain';
import { lookupGazetteer, type GazetteerKind } from './gazetteer';
import { isDemonym, isFirstName, isLastName, isRoleNoun } from './lexicon';
import { normaliseName } from './names';

export interface Actor {
  name: string;
  kind: SourceKind;
  aliases: string[];
  /** Lower-cased title or description words seen with the name ("russian deputy foreign minister"). */
  titles: string[];
}

export type Candidate =
  | { type: 'actor'; actor: Actor }
  | { type: 'pronoun'; person: boolean }
  | { type: 'description'; text: string; surface: string; kind: SourceKind };

const TITLE_WORDS = new Set(
  (
    'president vice prime minister deputy foreign defence defense interior finance secretary general gen lt col ' +
    'colonel major captain commander ambassador spokesman spokeswoman spokesperson senator governor mayor chief ' +
    'director head chairman chairwoman chair leader king queen prince pope former acting state mr mrs ms dr prof ' +
    'sen rep gov envoy special representative warlord rebel opposition army military marshal admiral sergeant ' +
    'lieutenant brigadier judge justice attorney prosecutor officer official commissioner adviser advisor ' +
    'analyst journalist correspondent reporter editor founder ceo cabinet assistant undersecretary premier ' +
    'nominee candidate frontrunner front-runner hopeful strategist pollster aide consultant lawmaker congressman ' +
    'congresswoman businessman businesswoman billionaire professor economist lawyer activist organizer organiser ' +
    'narrator host anchor commentator columnist historian scientist researcher expert manager executive'
  ).split(' '),
);

const GOVERNMENT_WORDS =
  /\b(?:government|ministry|military|army|kremlin|presidency|police|authorities|cabinet|parliament|embassy|forces|defen[cs]e force|administration|junta|navy)\b/i;
const OUTLET_WORDS =
  /\b(?:media|newspaper|times|post|radio|television|tv|channel|daily|outlet|journal|tribune|gazette|herald|broadcaster|press|news)\b/i;
const AGENCY_WORDS = /\bagency\b/i;
const ORGANISATION_WORDS =
  /\b(?:organi[sz]ation|council|coalition|mission|party|union|committee|bank|court|group|company|corporation|front|movement|alliance|association|federation|commission|institute|fund|office|department|network|watch|international)\b/i;
const TRAILING_TIME =
  /(?:,?\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|earlier|later|recently|last\s+\w+|this\s+\w+|in\s+a\s+statement|in\s+an\s+interview|on\s+\w+day\s+\w+))+$/i;
const STATEMENT_FROM =
  /^(?:an?|the)\s+(?:statement|report|communiqu[eé]|press\s+release|post|tweet|message|letter|spokes(?:person|man|woman))\s+(?:from|by|issued\s+by|published\s+by|released\s+by|for|of)\s+/i;

function kindFromGazetteer(kind: GazetteerKind): SourceKind {
  if (kind === 'country' || kind === 'place' || kind === 'government') return 'government';
  return kind;
}

function kindFromWords(phrase: string): SourceKind {
  if (AGENCY_WORDS.test(phrase)) return 'agency';
  if (GOVERNMENT_WORDS.test(phrase)) return 'government';
  if (OUTLET_WORDS.test(phrase)) return 'outlet';
  if (ORGANISATION_WORDS.test(phrase)) return 'organisation';
  const words = phrase.toLowerCase().split(/\s+/);
  if (words.some((w) => isRoleNoun(w) || TITLE_WORDS.has(w))) return 'person';
  return 'unknown';
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return TITLE_WORDS.has(lower) || isDemonym(lower) || lookupGazetteer(word) !== null || isRoleNoun(lower);
}

const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

const described = new Map<string, Candidate | null>();

/** The kind of actor a phrase names, without resolving it (cached; no copy). */
export function phraseKind(phrase: string): SourceKind | null {
  const candidate = readCached(phrase);
  return candidate?.type === 'actor' ? candidate.actor.kind : null;
}

/** Reads a noun phrase ("Russian Deputy Foreign Minister Mikhail Bogdanov", "he", "the Moscow Times"). */
export function describePhrase(phrase: string): Candidate | null {
  const candidate = readCached(phrase);
  // Callers get their own copy: the registry mutates actors.
  if (candidate?.type !== 'actor') return candidate;
  const { actor } = candidate;
  return { type: 'actor', actor: { ...actor, aliases: [...actor.aliases], titles: [...actor.titles] } };
}

export function readCached(phrase: string): Candidate | null {
  let candidate = described.get(phrase);
  if (candidate === undefined) {
    if (described.size > 20_000) described.clear();
    candidate = readPhrase(phrase);
    described.set(phrase, candidate);
  }
  return candidate;
}

/** Phase 1: the surface without edge punctuation, acronyms in parentheses, trailing times or "a statement from". */
function cleanSurface(phrase: string): { surface: string; core: string; acronyms: string[] } | null {
  let surface = phrase.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '').replace(/\s+/g, ' ');
  if (!surface || surface.length > 160) return null;
  const acronyms: string[] = [];
  // "(RFERL)" after a name is its acronym when the letters match its initials.
  surface = surface.replace(/\s*\(([^()]{1,40})\)/g, (_all, inner: string) => {
    if (/^[\p{Lu}][\p{L}.&/-]{1,11}$/u.test(inner)) acronyms.push(inner);
    return '';
  });
  surface = surface.replace(TRAILING_TIME, '').replace(STATEMENT_FROM, '').trim();
  if (!surface) return null;
  const core = surface.replace(/^(?:the|a|an)\s+/i, '');
  if (!core || !/\p{L}/u.test(core)) return null;
  return { surface, core, acronyms };
}

/** Adds the acronyms seen in parentheses that match the actor's initials or its gazetteer entry. */
function withAcronyms(actor: Actor, acronyms: string[]): Actor {
  const key = normaliseName(actor.name);
  const initials = key
    .split(' ')
    .filter((w) => !['of', 'the', 'and', 'for', 'in'].includes(w))
    .map((w) => w[0])
    .join('');
  for (const acronym of acronyms) {
    if (normaliseName(acronym) === initials || lookupGazetteer(acronym)?.name === actor.name)
      actor.aliases.push(acronym);
  }
  return actor;
}

/** An alias worth keeping: the surface when it is a name in its own right (no title or descriptor words). */
function nameAlias(surface: string, name: string): string[] {
  return normaliseName(surface) === normaliseName(name)
    ? []
    : /^(?:the\s+)?[\p{Lu}\d]/u.test(surface) &&
        surface
          .split(' ')
          .every((w) => /^[\p{Lu}\d&]/u.test(w) || ['of', 'the', 'for', 'and', 'de'].includes(w))
      ? [surface]
      : [];
}

/** Phase 3: "Russian state news agency Tass": a known agency or outlet after lower-case descriptors. */
function knownAfterDescriptors(words: string[]): Actor | null {
  for (let k = 1; k < Math.min(words.length, 6); k++) {
    const tail = words.slice(words.length - k).join(' ');
    const found = lookupGazetteer(tail);
    const head = words.slice(0, words.length - k);
    if (
      found &&
      found.kind !== 'country' &&
      found.kind !== 'place' &&
      head.every((w) => !isCapitalised(w) || isTitleWord(w))
    ) {
      return {
        name: found.name,
        kind: kindFromGazetteer(found.kind),
        aliases: [],
        titles: [head.join(' ').toLowerCase()],
      };
    }
  }
  return null;
}

/** Phase 4: a person's name after title words ("CAR President Faustin-Archange Touadera", "Jane Okello"). */
function titledPerson(words: string[]): Actor | null {
  let nameStart = words.length;
  while (
    nameStart > 0 &&
    isCapitalised(words[nameStart - 1] as string) &&
    !isTitleWord(words[nameStart - 1] as string)
  )
    nameStart--;
  const nameWords = words.slice(nameStart);
  const titleWords = words.slice(0, nameStart);
  // The word right before the name must be a title ("Health Minister Jane Okello"); portfolio words may precede it.
  const titleHead = (titleWords[titleWords.length - 1] ?? '').toLowerCase().replace(/\.$/, '');
  const titled = TITLE_WORDS.has(titleHead) || isRoleNoun(titleHead);
  const joined = nameWords.join(' ');
  if (
    nameWords.length < 1 ||
    nameWords.length > 4 ||
    OUTLET_WORDS.test(joined) ||
    ORGANISATION_WORDS.test(joined)
  )
    return null;
  const first = (nameWords[0] as string).toLowerCase();
  const last = (nameWords[nameWords.length - 1] as string).toLowerCase();
  const looksLikeName =
    isFirstName(first) ||
    (nameWords.length > 1 && isLastName(last)) ||
    (nameWords.length === 1 && isLastName(first));
  // "Democratic nominee Hillary Clinton": lower-case descriptors before a full name describe it.
  const described = titleWords.length > 0 && !isCapitalised(titleWords[titleWords.length - 1] as string);
  const fullName = nameWords.length >= 2 && (looksLikeName || described);
  if (!titled && !(titleWords.length === 0 && looksLikeName) && !(described && fullName)) return null;
  return {
    name: joined,
    kind: 'person',
    aliases: [],
    titles: titled ? [titleWords.join(' ').toLowerCase()] : [],
  };
}

/** Phase 5: a lower-case description with a role at its head ("The deputy foreign minister", "the spokesman"). */
function roleDescription(words: string[], core: string, surface: string): Candidate | null {
  const last = words[words.length - 1] as string;
  const lastWord = last.toLowerCase();
  // "the Republican presidential nominee", "the Indiana governor": capitalised modifiers, a role at the head.
  if ((isRoleNoun(lastWord) || TITLE_WORDS.has(lastWord)) && !isCapitalised(last) && words.length <= 6)
    return { type: 'description', text: core.toLowerCase(), surface, kind: 'person' };
  if (words.some((w) => isCapitalised(w))) return null;
  if (isRoleNoun(lastWord) || TITLE_WORDS.has(lastWord))
    return { type: 'description', text: core.toLowerCase(), surface, kind: 'person' };
  // "the ministry", "the agency", "the campaign": an organisation described by its head word.
  const kind = kindFromWords(lastWord);
  if (kind !== 'unknown' && kind !== 'person' && words.length <= 4)
    return { type: 'description', text: core.toLowerCase(), surface, kind };
  return null;
}

/** Phase 6: "Rwanda's defence ministry" keeps its owner ("Rwandan defence ministry" reads the same way). */
function possessiveOrganisation(core: string): Actor | null {
  const m = /^(.+?)[’']s\s+(.+)$/u.exec(core);
  if (!m) return null;
  const owner = m[1] as string;
  const body = m[2] as string;
  if (!isCapitalised(owner) || !(GOVERNMENT_WORDS.test(body) || ORGANISATION_WORDS.test(body))) return null;
  if (/^\p{Lu}/u.test(body) && !/^\p{Ll}/u.test(body.split(' ').slice(-1)[0] as string)) return null;
  const ownerName = lookupGazetteer(owner)?.name ?? owner;
  const name = `${ownerName} ${body.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase())}`;
  return { name, kind: kindFromWords(body), aliases: [], titles: [] };
}

/** The head of a noun phrase: the last word before "of", "in", "at", "for", "from", or the last word. */
function headWord(words: string[]): string | undefined {
  for (let i = 1; i < words.length; i++)
    if (/^(?:of|in|at|for|from|on|with)$/.test(words[i] as string)) return words[i - 1];
  return words[words.length - 1];
}

export function readPhrase(phrase: string): Candidate | null {
  const trimmed = phrase.trim();
  if (/^(?:he|she|him|her)$/i.test(trimmed)) return { type: 'pronoun', person: true };
  if (/^(?:they|it)$/i.test(trimmed)) return { type: 'pronoun', person: false };
  const cleaned = cleanSurface(phrase);
  if (!cleaned) return null;
  const { surface, core, acronyms } = cleaned;
  const entry = lookupGazetteer(surface) ?? lookupGazetteer(core);
  if (entry) {
    const actor = {
      name: entry.name,
      kind: kindFromGazetteer(entry.kind),
      aliases: nameAlias(surface, entry.name),
      titles: [],
    };
    return { type: 'actor', actor: withAcronyms(actor, acronyms) };
  }
  const words = core.split(' ');
  const reading = knownAfterDescriptors(words) ?? possessiveOrganisation(core) ?? titledPerson(words);
  if (reading) return { type: 'actor', actor: withAcronyms(reading, acronyms) };
  const description = roleDescription(words, core, surface);
  if (description) return description;
  // "Another source", "Trump campaign", "Federal data": a description whose head is not a name is kept as
  // written, as a group, never as a name (nor an alias of one).
  const head = headWord(words);
  const kind = head && !isCapitalised(head) && !/\d/.test(head) ? 'group' : kindFromWords(core);
  const keepArticle = /^the\s/i.test(surface) && kind === 'outlet' && isCapitalised(core);
  const name = keepArticle ? capitalise(surface) : capitalise(core);
  return {
    type: 'actor',
    actor: withAcronyms({ name, kind, aliases: nameAlias(surface, name), titles: [] }, acronyms),
  };
}
