// Keeps the actors of one article so that later mentions ("Bogdanov", "he", "The deputy foreign minister",
// "The Times") resolve to earlier ones; phrases are read by phrase-reading.ts.
import type { SourceKind, SpeakerFound } from '../domain';
import { lookupGazetteer } from './gazetteer';
import { formParts, normaliseName } from './names';
import { capitalise, readCached, type Actor } from './phrase-reading';
import { formsOf, isPartOf } from './sources';
import { cleanSpeakerPhrase } from './speaker-phrase';

export { describePhrase, phraseKind, type Actor } from './phrase-reading';

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
    // The last of fullName.split(/\s+/), found without the split: what follows the last white space.
    const cut = lastSpace(fullName);
    if (cut < 0) return;
    const last = fullName.slice(cut + 1).toLowerCase();
    const known = this.peopleByLastName.get(last);
    if (!known || known.length < fullName.length) this.peopleByLastName.set(last, fullName);
  }

  /** Whether a person with this last name ("Clinton") is named anywhere in the article. */
  knowsLastName(word: string): boolean {
    return this.peopleByLastName.has(word.toLowerCase());
  }

  /**
   * Resolves a speaker or relay phrase and says how: named (`direct`), kept as written (`group`: a group or a
   * description with no antecedent), or an earlier speaker reached from a pronoun or description
   * (`coreference`). Null when the phrase is a clause, a first-person pronoun or names nobody.
   */
  resolveMention(phrase: string, asSpeaker: boolean): { actor: Actor; found: SpeakerFound } | null {
    const clean = cleanSpeakerPhrase(phrase);
    if (!clean) return null;
    if (clean.group) {
      const actor = this.merge({ name: capitalise(clean.text), kind: 'group', aliases: [], titles: [] });
      if (asSpeaker) this.noteSpeaker(actor);
      return { actor, found: { how: 'group', mention: clean.text } };
    }
    const known = this.bySurface.get(clean.text);
    if (known) {
      if (asSpeaker) this.noteSpeaker(known);
      return { actor: known, found: { how: 'direct', mention: clean.text } };
    }
    // The cached reading itself, not a copy: merge() copies before the registry keeps or changes anything.
    const candidate = readCached(clean.text);
    if (!candidate) return null;
    let result: { actor: Actor; found: SpeakerFound } | null;
    if (candidate.type === 'pronoun') {
      const actor = this.lastSpeaker((a) =>
        candidate.person ? a.kind === 'person' : a.kind !== 'person' && a.kind !== 'group',
      );
      result = actor ? { actor, found: { how: 'coreference', mention: clean.text } } : null;
    } else if (candidate.type === 'description') {
      result = this.resolveDescription(candidate.text, candidate.kind);
    } else {
      const actor = this.merge(candidate.actor, formsOfReading(candidate.actor));
      this.bySurface.set(clean.text, actor);
      result = { actor, found: { how: 'direct', mention: clean.text } };
    }
    if (result && asSpeaker) this.noteSpeaker(result.actor);
    return result;
  }

  /** Resolves a phrase to an actor (see resolveMention), without saying how. */
  resolve(phrase: string, asSpeaker: boolean): Actor | null {
    return this.resolveMention(phrase, asSpeaker)?.actor ?? null;
  }

  /**
   * "the deputy foreign minister", "the ministry": the latest speaker with that title or head word; with
   * none, the description is kept as written.
   */
  private resolveDescription(text: string, kind: SourceKind): { actor: Actor; found: SpeakerFound } {
    const head = text.split(' ').pop() ?? text;
    const antecedent = this.lastSpeaker(
      (a) =>
        a.titles.some((t) => t.includes(text) || t.split(' ').includes(head)) ||
        (a.kind !== 'person' && a.kind === kind && normaliseName(a.name).split(' ').includes(head)),
    );
    if (antecedent) return { actor: antecedent, found: { how: 'coreference', mention: text } };
    const actor = this.merge({ name: capitalise(text), kind: 'group', aliases: [], titles: [text] });
    return { actor, found: { how: 'group', mention: text } };
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
    // Every reading has exactly these four fields: built field by field, as object spread of readings of
    // differing shapes took the slow generic path (profiled: most of merge()).
    const actor: Actor = {
      name: candidate.name,
      kind: candidate.kind,
      aliases: candidate.aliases.slice(),
      titles: candidate.titles.slice(),
    };
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
      pieceCount(mention.name) > pieceCount(actor.name) &&
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

/** How many pieces name.split(' ') would give (spaces counted, no array built: absorb() runs on every mention). */
function pieceCount(name: string): number {
  let count = 1;
  for (let at = name.indexOf(' '); at >= 0; at = name.indexOf(' ', at + 1)) count++;
  return count;
}

/** Index of the last character of the string that \s matches, or -1. */
function lastSpace(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : WHITE_SPACE.test(text.charAt(i))) return i;
  }
  return -1;
}
const WHITE_SPACE = /\s/;

const isShortToken = (form: string): boolean => form.length >= 2 && form.length <= 8 && !form.includes(' ');

function compatible(a: SourceKind, b: SourceKind): boolean {
  return a === b || a === 'unknown' || b === 'unknown';
}
