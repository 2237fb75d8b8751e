// Turns the noun phrase naming a speaker or relay into an actor, and keeps the article's actors so that
// later mentions ("Bogdanov", "he", "The deputy foreign minister", "The Times") resolve to earlier ones.
import type { SourceKind } from '../domain';
import { lookupGazetteer, type GazetteerKind } from './gazetteer';
import { isDemonym, isFirstName, isLastName, isRoleNoun } from './lexicon';
import { formParts, normaliseName } from './names';
import { formsOf, isPartOf } from './sources';

export interface Actor {
  name: string;
  kind: SourceKind;
  aliases: string[];
  /** Lower-cased title or description words seen with the name ("russian deputy foreign minister"). */
  titles: string[];
}

type Candidate =
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
    'analyst journalist correspondent reporter editor founder ceo cabinet assistant undersecretary premier'
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

function capitalise(s: string): string {
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

function readCached(phrase: string): Candidate | null {
  let candidate = described.get(phrase);
  if (candidate === undefined) {
    if (described.size > 20_000) described.clear();
    candidate = readPhrase(phrase);
    described.set(phrase, candidate);
  }
  return candidate;
}

function readPhrase(phrase: string): Candidate | null {
  let surface = phrase.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '').replace(/\s+/g, ' ');
  if (!surface || surface.length > 160) return null;
  if (/^(?:he|she)$/i.test(surface)) return { type: 'pronoun', person: true };
  if (/^(?:they|it)$/i.test(surface)) return { type: 'pronoun', person: false };
  const aliases: string[] = [];
  // "(RFERL)" after a name is its acronym when the letters match its initials.
  surface = surface.replace(/\s*\(([^()]{1,40})\)/g, (_all, inner: string) => {
    if (/^[\p{Lu}][\p{L}.&/-]{1,11}$/u.test(inner)) aliases.push(inner);
    return '';
  });
  surface = surface.replace(TRAILING_TIME, '').replace(STATEMENT_FROM, '').trim();
  if (!surface) return null;
  const core = surface.replace(/^(?:the|a|an)\s+/i, '');
  if (!core || !/\p{L}/u.test(core)) return null;
  const withAcronyms = (actor: Actor): Actor => {
    const key = normaliseName(actor.name);
    for (const acronym of aliases) {
      const initials = key
        .split(' ')
        .filter((w) => !['of', 'the', 'and', 'for', 'in'].includes(w))
        .map((w) => w[0])
        .join('');
      if (normaliseName(acronym) === initials || lookupGazetteer(acronym)?.name === actor.name)
        actor.aliases.push(acronym);
    }
    return actor;
  };

  const entry = lookupGazetteer(surface) ?? lookupGazetteer(core);
  if (entry) {
    return {
      type: 'actor',
      actor: withAcronyms({
        name: entry.name,
        kind: kindFromGazetteer(entry.kind),
        aliases: [surface],
        titles: [],
      }),
    };
  }
  const words = core.split(' ');
  // "Russian state news agency Tass": a known agency or outlet after lower-case descriptors.
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
      const actor = {
        name: found.name,
        kind: kindFromGazetteer(found.kind),
        aliases: [surface],
        titles: [head.join(' ').toLowerCase()],
      };
      return { type: 'actor', actor: withAcronyms(actor) };
    }
  }
  // A person's name after title words: "CAR President Faustin-Archange Touadera".
  let nameStart = words.length;
  while (
    nameStart > 0 &&
    isCapitalised(words[nameStart - 1] as string) &&
    !isTitleWord(words[nameStart - 1] as string)
  ) {
    nameStart--;
  }
  const nameWords = words.slice(nameStart);
  const titleWords = words.slice(0, nameStart);
  // The word right before the name must be a title ("Health Minister Jane Okello"); portfolio words may precede it.
  const titleHead = (titleWords[titleWords.length - 1] ?? '').toLowerCase().replace(/\.$/, '');
  const titled = TITLE_WORDS.has(titleHead) || isRoleNoun(titleHead);
  if (
    nameWords.length >= 1 &&
    nameWords.length <= 4 &&
    !OUTLET_WORDS.test(nameWords.join(' ')) &&
    !ORGANISATION_WORDS.test(nameWords.join(' '))
  ) {
    const first = (nameWords[0] as string).toLowerCase();
    const last = (nameWords[nameWords.length - 1] as string).toLowerCase();
    if (
      titled ||
      (titleWords.length === 0 &&
        (isFirstName(first) ||
          (nameWords.length > 1 && isLastName(last)) ||
          (nameWords.length === 1 && isLastName(first))))
    ) {
      const name = nameWords.join(' ');
      const actor: Actor = {
        name,
        kind: 'person',
        aliases: [surface],
        titles: titled ? [titleWords.join(' ').toLowerCase()] : [],
      };
      return { type: 'actor', actor };
    }
  }
  // A lower-case description with a role at its head: "The deputy foreign minister", "the spokesman".
  const lastWord = (words[words.length - 1] as string).toLowerCase();
  if (
    !isCapitalised(words[0] as string) &&
    words.every((w) => !isCapitalised(w)) &&
    (isRoleNoun(lastWord) || TITLE_WORDS.has(lastWord))
  ) {
    return { type: 'description', text: core.toLowerCase(), surface, kind: 'person' };
  }
  const kind = kindFromWords(core);
  const keepArticle = /^the\s/i.test(surface) && kind === 'outlet' && isCapitalised(core);
  const name = keepArticle ? capitalise(surface) : capitalise(core);
  return { type: 'actor', actor: withAcronyms({ name, kind, aliases: [surface], titles: [] }) };
}

/** The actors of one article, most recently mentioned last. */
export class ActorRegistry {
  private readonly actors: Actor[] = [];
  private readonly forms = new Map<Actor, string[]>();
  private readonly byForm = new Map<string, Actor>();
  private readonly byInitials = new Map<string, Actor>();
  private readonly byHead = new Map<string, Actor[]>();
  private readonly lastSpoke = new Map<Actor, number>();
  private readonly recentSpeakers: Actor[] = [];
  private readonly bySurface = new Map<string, Actor>();
  private clock = 0;

  /** Full names of people mentioned anywhere in the article, by lower-cased last word. */
  private readonly peopleByLastName = new Map<string, string>();

  /** Notes a person named in the text (not necessarily a speaker), so that a bare surname resolves to them. */
  knowPerson(fullName: string): void {
    const words = fullName.split(/\s+/);
    if (words.length < 2) return;
    const last = (words[words.length - 1] as string).toLowerCase();
    const known = this.peopleByLastName.get(last);
    if (!known || known.length < fullName.length) this.peopleByLastName.set(last, fullName);
  }

  /** Resolves a noun phrase to an actor of this article, creating it if new; null if it names nobody. */
  resolve(phrase: string, asSpeaker: boolean): Actor | null {
    // A name already resolved in this article resolves the same way again (pronouns and descriptions not).
    const known = this.bySurface.get(phrase);
    if (known) {
      if (asSpeaker) this.noteSpeaker(known);
      return known;
    }
    // The cached reading itself, not a copy: merge() copies before the registry keeps or changes anything.
    const candidate = readCached(phrase);
    if (!candidate) return null;
    let actor: Actor | null;
    if (candidate.type === 'pronoun') {
      actor = this.lastSpeaker((a) => (candidate.person ? a.kind === 'person' : a.kind !== 'person'));
    } else if (candidate.type === 'description') {
      actor =
        this.lastSpeaker((a) => a.titles.some((t) => t.includes(candidate.text))) ??
        this.merge({
          name: capitalise(candidate.text),
          kind: candidate.kind,
          aliases: [candidate.surface],
          titles: [candidate.text],
        });
      if (!actor.aliases.includes(candidate.surface)) actor.aliases.push(candidate.surface);
    } else {
      actor = this.merge(candidate.actor, formsOfReading(candidate.actor));
      this.bySurface.set(phrase, actor);
    }
    if (actor && asSpeaker) this.noteSpeaker(actor);
    return actor;
  }

  /** Pronouns and descriptions reach back over the most recent speakers only. */
  private lastSpeaker(accept: (a: Actor) => boolean): Actor | null {
    for (let i = this.recentSpeakers.length - 1; i >= 0; i--) {
      const actor = this.recentSpeakers[i] as Actor;
      if (accept(actor)) return actor;
    }
    return null;
  }

  private noteSpeaker(actor: Actor): void {
    this.lastSpoke.set(actor, ++this.clock);
    const at = this.recentSpeakers.indexOf(actor);
    if (at >= 0) this.recentSpeakers.splice(at, 1);
    this.recentSpeakers.push(actor);
    if (this.recentSpeakers.length > 32) this.recentSpeakers.shift();
  }

  private merge(candidate: Actor, forms: string[] = formsOf(candidate)): Actor {
    const original = candidate;
    for (const form of forms) {
      const known = this.byForm.get(form);
      if (known) return this.absorb(known, candidate);
    }
    for (const form of forms) {
      // "RFERL" for "Radio Free Europe Radio Liberty", either way round.
      const initials = formParts(form).initials;
      const known =
        (initials ? this.byForm.get(initials) : undefined) ??
        (isShortToken(form) ? this.byInitials.get(form) : undefined);
      if (known) return this.absorb(known, candidate);
    }
    // A shorter or longer form of a known actor's own name with the same head word ("Clinton" after
    // "Hillary Clinton"), only when one actor fits: never "Bill Clinton" into "Hillary Clinton", and an
    // alias such as "The Times" does not make "The New Times" the same outlet.
    const partial = new Set<Actor>();
    for (const form of forms) {
      const words = formParts(form).words;
      for (const known of this.byHead.get(words[words.length - 1] ?? '') ?? []) {
        if (!compatible(known.kind, candidate.kind)) continue;
        const own = normaliseName(known.name);
        if (isPartOf(form, own) || isPartOf(own, form)) partial.add(known);
      }
    }
    if (partial.size === 1) return this.absorb([...partial][0] as Actor, candidate);
    // "Bozize" alone, after "former President Francois Bozize" was mentioned.
    if ((candidate.kind === 'person' || candidate.kind === 'unknown') && !candidate.name.includes(' ')) {
      const fullName = this.peopleByLastName.get(candidate.name.toLowerCase());
      if (fullName) {
        const known = this.byForm.get(normaliseName(fullName));
        if (known) return this.absorb(known, candidate);
        candidate = {
          ...candidate,
          name: fullName,
          kind: 'person',
          aliases: [...candidate.aliases, candidate.name],
        };
      }
    }
    const actor: Actor = { ...candidate, aliases: [...candidate.aliases], titles: [...candidate.titles] };
    this.actors.push(actor);
    // The copy has the candidate's names, hence its forms, unless the full name replaced them above.
    this.index(actor, candidate === original ? forms : formsOf(actor));
    return actor;
  }

  private formsOfKnown(actor: Actor): string[] {
    return this.forms.get(actor) ?? [];
  }

  /** Keeps the look-up tables (by form, by initials, by head word) in step with an actor's names. */
  private index(actor: Actor, forms: string[] = formsOf(actor)): void {
    this.forms.set(actor, forms);
    for (const form of forms) {
      if (!this.byForm.has(form)) this.byForm.set(form, actor);
      const initials = formParts(form).initials;
      if (initials && !this.byInitials.has(initials)) this.byInitials.set(initials, actor);
      const words = formParts(form).words;
      const head = words[words.length - 1];
      if (head === undefined) continue;
      const list = this.byHead.get(head) ?? [];
      if (!list.includes(actor)) list.push(actor);
      this.byHead.set(head, list);
    }
  }

  /** Folds a new mention into a known actor: the longer full name becomes canonical, forms become aliases. */
  private absorb(actor: Actor, mention: Actor): Actor {
    let changed = false;
    for (const alias of [...mention.aliases, mention.name]) {
      if (alias !== actor.name && !actor.aliases.includes(alias)) {
        actor.aliases.push(alias);
        changed = true;
      }
    }
    for (const title of mention.titles) if (!actor.titles.includes(title)) actor.titles.push(title);
    if (
      mention.name.split(' ').length > actor.name.split(' ').length &&
      mention.kind === actor.kind &&
      !lookupGazetteer(actor.name)
    ) {
      actor.aliases.push(actor.name);
      actor.name = mention.name;
      actor.aliases = actor.aliases.filter((a) => a !== actor.name);
      changed = true;
    }
    if (actor.kind === 'unknown') actor.kind = mention.kind;
    if (changed) this.index(actor);
    return actor;
  }
}

/** Forms of the cached (never changed) readings of phrases, computed once per reading. */
const readingForms = new WeakMap<Actor, string[]>();

function formsOfReading(reading: Actor): string[] {
  let forms = readingForms.get(reading);
  if (!forms) {
    forms = formsOf(reading);
    readingForms.set(reading, forms);
  }
  return forms;
}

const isShortToken = (form: string): boolean => form.length >= 2 && form.length <= 8 && !form.includes(' ');

function compatible(a: SourceKind, b: SourceKind): boolean {
  return a === b || a === 'unknown' || b === 'unknown';
}
