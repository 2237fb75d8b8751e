// Article analysis: statements with their attribution (speaker, cue, relays, kind) and the entities they mention.
import type { Entity, SourceKind, SpeakerFound, StatementKind } from '../domain';
import type { AnalyzedStatement, SpeakerRef } from '../extraction';
import { ActorRegistry, phraseKind, type Actor } from './actors';
import { findAttribution, type Attribution } from './attribution';
import { cueKind } from './cue-lexicon';
import { canReportFinding } from './speaker-phrase';
import { findEntities } from './entities';
import { splitStatements, type Span } from './split';
import { tokenise, type TokenisedStatement } from './tokens';

export { splitStatements } from './split';
export type { Span } from './split';
export { findMatchingSource, matchKeys, mergeAliases, normaliseName } from './sources';

interface Draft {
  span: Span;
  paragraph: number;
  /** The quotation facts of the statement; its tokens are dropped once read, to keep memory flat. */
  quoting: Pick<TokenisedStatement, 'startsQuoted' | 'endsQuoted' | 'quotesClause' | 'fullyQuoted'>;
  entities: Entity[];
  attribution: Attribution;
  kind: StatementKind;
  speaker: Actor | null;
  speakerFound: SpeakerFound | null;
  cue: string | null;
  via: Actor[];
  /** The statement ends on a colon outside quotation marks ("Cruz continued:"): what follows is its speaker's. */
  leadsIn: boolean;
  /** The statement opens with a quotation mark. */
  opensQuote: boolean;
  /** The statement opens with its speaker ("Trump said of Apple…"): it can name the quotation before it. */
  speakerFirst: boolean;
  /** A lone capitalised word opening the statement before a colon ("Okafor: Time to act"), or null. */
  colonWord: string | null;
  /** Names signing quotations ("“…” ― Dana Whitfield"): the one opening the statement, the statement's own. */
  signature: { before: string | null; own: string | null } | null;
}

/**
 * "“…” ― Dana Whitfield", "- Mayor Tom Ellery.", "—Ann Brody, writing after the debate": a dash after a
 * closing quotation mark or at the start of a line, then a name of up to five capitalised words ending the
 * line or followed by a comma, a full stop or a handle in parentheses.
 */
const SIGNATURE =
  /(^|[”"]|\n)[^\S\n]*[―—–-][^\S\n]?((?:\p{Lu}[\p{L}’'.-]*)(?:[^\S\n]\p{Lu}[\p{L}’'.-]*){0,4})(?=[^\S\n]*(?:$|[,.\n(]))/gu;

/** The signature of a statement, or null; the pattern runs only when a dash follows a quote or a line start. */
function signatureOf(trimmed: string): Draft['signature'] {
  if (!/[―—–]|(?:^|\n|[”"])\s*-/.test(trimmed)) return null;
  let before: string | null = null;
  let own: string | null = null;
  for (const m of trimmed.matchAll(SIGNATURE)) {
    const name = (m[2] as string).replace(/\.$/, '');
    if (m.index === 0 && m[1] === '') before = name;
    else own ??= name;
  }
  return before || own ? { before, own } : null;
}

/** "Okafor: Time to act.": one capitalised word, then a colon and a space, at the start of a statement. */
const COLON_WORD = /^(\p{Lu}[\p{L}’'-]+):\s/u;

/** The statement opens with a quotation mark: " “ « „ (compared by code: no one-character string per statement). */
function opensWithQuote(trimmed: string): boolean {
  const c = trimmed.charCodeAt(0);
  return c === 34 || c === 0x201c || c === 0xab || c === 0x201e;
}

/** The word of COLON_WORD, or null; the pattern runs only when a colon can follow a first word of two letters. */
function colonWord(trimmed: string): string | null {
  return trimmed.indexOf(':') < 2 ? null : (COLON_WORD.exec(trimmed)?.[1] ?? null);
}

const RELAY_KINDS: SourceKind[] = ['agency', 'outlet'];

/** Splits the text into statements and attributes each one. Never throws on any input. */
export function analyzeText(text: string): AnalyzedStatement[] {
  const spans = splitStatements(text);
  const registry = new ActorRegistry();
  const drafts: Draft[] = [];
  let paragraph = 0;
  let previous: Draft | null = null;
  for (const span of spans) {
    if (previous && opensParagraph(text, previous.span.end, span.start)) paragraph++;
    const statement = text.slice(span.start, span.end);
    // trimStart strips exactly the white space \s matches.
    const trimmed = statement.trimStart();
    const startsQuoted = previous !== null && previous.paragraph === paragraph && previous.quoting.endsQuoted;
    const tokenised = tokenise(statement, startsQuoted);
    const entities = findEntities(statement, span.start, tokenised.tokens, tokenised.wordFlags);
    for (const entity of entities) {
      if (entity.type === 'person') registry.knowPerson(entity.text);
    }
    const draft: Draft = {
      span,
      paragraph,
      quoting: {
        startsQuoted: tokenised.startsQuoted,
        endsQuoted: tokenised.endsQuoted,
        quotesClause: tokenised.quotesClause,
        fullyQuoted: tokenised.fullyQuoted,
      },
      entities,
      attribution: findAttribution(statement, tokenised),
      kind: 'narrative',
      speaker: null,
      speakerFound: null,
      cue: null,
      via: [],
      leadsIn: endsOnColon(statement),
      opensQuote: opensWithQuote(trimmed),
      speakerFirst: false,
      colonWord: colonWord(trimmed),
      signature: signatureOf(trimmed),
    };
    const spoken = draft.attribution.speaker;
    draft.speakerFirst = spoken !== null && trimmed.startsWith(spoken);
    drafts.push(draft);
    previous = draft;
  }
  for (let i = 0; i < drafts.length; i++) attribute(drafts[i] as Draft, registry, drafts[i + 1]);
  inheritQuotations(drafts);
  signedQuotations(drafts, registry);
  const refs = new Map<Actor, SpeakerRef>();
  const refOf = (actor: Actor): SpeakerRef => {
    let ref = refs.get(actor);
    if (!ref) {
      ref = { name: actor.name, kind: actor.kind, aliases: [...actor.aliases] };
      refs.set(actor, ref);
    }
    return ref;
  };
  return drafts.map((d) => ({
    start: d.span.start,
    end: d.span.end,
    kind: d.kind,
    speaker: d.speaker ? refOf(d.speaker) : null,
    speakerFound: d.speaker ? d.speakerFound : null,
    cue: d.cue,
    via: d.via.map(refOf),
    entities: d.entities,
  }));
}

/** "Cruz continued:" — a statement whose last mark is a colon. */
function endsOnColon(statement: string): boolean {
  // trimEnd strips exactly what \s matches; the regex /:\s*$/ retried from every colon-free position.
  return statement.trimEnd().endsWith(':');
}

/** A blank line or paragraph separator between two statements (the regex runs only on gaps with a break). */
function opensParagraph(text: string, from: number, to: number): boolean {
  let breaks = false;
  for (let p = from; p < to && !breaks; p++) {
    const c = text.charCodeAt(p);
    breaks = c === 10 || c === 0x2029;
  }
  return breaks && /\n[^\S\n]*\n|\u2029/.test(text.slice(from, to));
}

function attribute(draft: Draft, registry: ActorRegistry, next: Draft | undefined): void {
  const found = draft.attribution;
  let speakerPhrase = found.speaker;
  let cue = found.cue;
  // "Cruz continued:" before a quotation: the colon introduces what the subject said, whatever the verb.
  if (!speakerPhrase && draft.leadsIn && next?.opensQuote && found.subject && found.subjectVerb) {
    speakerPhrase = found.subject;
    cue = found.subjectVerb;
  }
  // "Okafor: Time to act.": a lone word before the colon names the speaker when a person of that name is in
  // the article (a label such as "Analysis:" names nobody).
  if (draft.colonWord && found.cue !== ':' && registry.knowsLastName(draft.colonWord)) {
    speakerPhrase = draft.colonWord;
    cue = ':';
  }
  // An agency or outlet as subject reports with whatever verb it uses ("Tass numbered the coalition…").
  if (!speakerPhrase && found.subject && found.subjectVerb) {
    const kind = phraseKind(found.subject);
    if (kind && RELAY_KINDS.includes(kind)) {
      speakerPhrase = found.subject;
      cue = found.subjectVerb;
    }
  }
  // "found", "shows": only evidence or a named source reports a finding ("Trump's performance shows" does not).
  if (speakerPhrase && cue && cueKind(cue) === 'finding' && !canReportFinding(speakerPhrase))
    speakerPhrase = null;
  const mention = speakerPhrase ? registry.resolveMention(speakerPhrase, true) : null;
  const speaker = mention?.actor ?? null;
  draft.speaker = speaker;
  draft.speakerFound = mention?.found ?? null;
  draft.cue = speaker ? cue : null;
  if (speaker) {
    for (const phrase of found.via) {
      const relay = registry.resolve(phrase, false);
      if (relay && relay !== speaker && !draft.via.includes(relay)) draft.via.push(relay);
    }
  }
  if (found.hedge && !speaker) {
    draft.kind = 'hedged';
    draft.cue = found.hedge;
  } else if (speaker) {
    draft.kind = draft.quoting.quotesClause ? 'quote' : 'reported';
  } else {
    draft.kind = 'narrative';
  }
}

/**
 * The sentences of a multi-sentence quotation share the attribution found in any of them; a quotation
 * standing alone right after a quoted statement continues the same speaker ("“All that deserves condemnation.”").
 */
function inheritQuotations(drafts: Draft[]): void {
  let groupStart = 0;
  for (let i = 0; i < drafts.length; i++) {
    const current = drafts[i] as Draft;
    const next = drafts[i + 1];
    const continues = next !== undefined && next.quoting.startsQuoted && current.quoting.endsQuoted;
    if (continues) continue;
    const from = groupStart;
    groupStart = i + 1;
    // Most statements stand alone: only a group of two or more is gathered.
    if (i - from < 1) continue;
    const group = drafts.slice(from, i + 1);
    const source = group.find((d) => d.speaker !== null);
    for (const member of group) {
      member.kind = 'quote';
      if (source && member.speaker === null) {
        member.speaker = source.speaker;
        member.speakerFound = source.speakerFound;
        member.via = source.via;
        member.cue = source.cue;
      }
    }
  }
  // "“Who do they think they are?” Trump said of Apple.": a quotation takes the speaker of the statement
  // right after it in the same paragraph when that statement opens with its speaker (read back to front,
  // so every sentence of a longer quotation does).
  for (let i = drafts.length - 2; i >= 0; i--) {
    const current = drafts[i] as Draft;
    const after = drafts[i + 1] as Draft;
    if (current.speaker || !current.quoting.fullyQuoted || after.paragraph !== current.paragraph) continue;
    const names = after.speakerFirst || (after.quoting.fullyQuoted && after.kind === 'quote');
    if (!after.speaker || !names) continue;
    current.speaker = after.speaker;
    current.speakerFound = after.speakerFound;
    current.via = after.via;
    current.cue = after.cue;
    current.kind = 'quote';
  }
  for (let i = 1; i < drafts.length; i++) {
    const current = drafts[i] as Draft;
    const before = drafts[i - 1] as Draft;
    if (current.speaker || !current.quoting.fullyQuoted || current.quoting.startsQuoted) continue;
    const continues = before.kind === 'quote' || before.leadsIn;
    if (before.speaker && continues && current.paragraph - before.paragraph <= 1) {
      current.speaker = before.speaker;
      current.speakerFound = before.speakerFound;
      current.via = before.via;
      current.cue = null;
      current.kind = 'quote';
      // "Marsh added:\n\n“The plan is dead. Nobody wants it.”": the later sentences of the quotation too.
      for (let k = i + 1; k < drafts.length; k++) {
        const later = drafts[k] as Draft;
        if (later.speaker || !later.quoting.startsQuoted || later.paragraph !== current.paragraph) break;
        later.speaker = before.speaker;
        later.speakerFound = before.speakerFound;
        later.via = before.via;
        later.kind = 'quote';
      }
    }
  }
}

/**
 * "“It hurts every family.” ― Dana Whitfield": a quotation signed with a dash and a name, in the statement
 * or opening the next one, is that person's; the signature reaches back over the quotation's sentences.
 */
function signedQuotations(drafts: Draft[], registry: ActorRegistry): void {
  for (let i = 0; i < drafts.length; i++) {
    const signed = drafts[i] as Draft;
    if (!signed.signature) continue;
    // A signature opening the statement signs the quotation before it; a later one the statement's own.
    const { before, own } = signed.signature;
    if (before) signQuotation(drafts, i - 1, i, registry.resolveMention(before, true));
    if (own) signQuotation(drafts, i, i, registry.resolveMention(own, true));
  }
}

/** Gives a signature's person to the unattributed quoted statements from `at` back to the quotation's start. */
function signQuotation(
  drafts: Draft[],
  at: number,
  signedAt: number,
  mention: ReturnType<ActorRegistry['resolveMention']>,
): void {
  if (!mention || mention.found.how !== 'direct') return;
  // A quotation of a dozen sentences at most: a signature far below names nobody above it.
  for (; at >= 0 && at >= signedAt - 12; at--) {
    const member = drafts[at] as Draft;
    const quoted = member.quoting.fullyQuoted || member.quoting.startsQuoted || member.quoting.endsQuoted;
    if (member.speaker !== null || !quoted) break;
    member.speaker = mention.actor;
    member.speakerFound = mention.found;
    member.cue = '―';
    member.kind = 'quote';
    if (member.opensQuote) break;
  }
}
