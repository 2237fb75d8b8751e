// The sources registry remembers the answer for a mention it has seen (a speaker is quoted again and again); what it
// answers must still be what it would answer with nothing remembered, whatever came in between.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../../src-main/shared/domain';
import type { SpeakerRef } from '../../../../src-main/shared/extraction';
import { SourceResolver } from '../../../../src-main/shared/records';

const AT = '2026-01-01T00:00:00.000Z';

/** Names that collide in every way the registry knows: full names, surnames, aliases, acronyms, the gazetteer. */
const NAMES = [
  'Hillary Clinton',
  'Bill Clinton',
  'Clinton',
  'Hillary Rodham Clinton',
  'Donald Trump',
  'Trump',
  'President Trump',
  'J. Smith',
  'Jane Smith',
  'John Smith',
  'NAACP',
  'National Association for the Advancement of Colored People',
  'AP',
  'Associated Press',
  'The Associated Press',
  'Radio Free Europe/Radio Liberty',
  'RFERL',
  'the ministry',
  'Jane Doe',
  'JD Person',
];

const mention = fc.record({
  name: fc.constantFrom(...NAMES),
  kind: fc.constantFrom<SpeakerRef['kind']>('person', 'organisation', 'group'),
  aliases: fc.array(fc.constantFrom(...NAMES), { maxLength: 2 }),
});

/** Sources already in the workspace, some edited by the user (they keep exactly their aliases). */
const existing = fc.array(
  fc.record({
    name: fc.constantFrom(...NAMES),
    aliases: mention.map((m) => m.aliases),
    userEdited: fc.boolean(),
  }),
  { maxLength: 4 },
);

describe('SourceResolver', () => {
  it('answers each mention as a registry that remembers nothing would, in any order of mentions', () => {
    fc.assert(
      fc.property(existing, fc.array(mention, { minLength: 1, maxLength: 60 }), (before, mentions) => {
        const sources: Source[] = before.map((s, i) => ({
          ...s,
          id: `w${i}`,
          kind: 'person',
          reliability: null,
          note: '',
          createdAt: AT,
          updatedAt: AT,
        }));
        let n = 0;
        const resolver = new SourceResolver(sources, () => `s${n++}`, AT);
        for (const ref of mentions) {
          // A registry built afresh from the sources as they are now, resolving the same mention.
          const fresh = structuredClone(sources);
          const expected = new SourceResolver(fresh, () => 'new', AT).resolve(ref);
          const got = resolver.resolve(ref);
          if (expected === 'new') expect(sources.map((s) => s.id)).toContain(got);
          else expect(got).toBe(expected);
          expect(sources).toEqual(fresh.map((s) => (s.id === 'new' ? { ...s, id: got } : s)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives a speaker quoted again the same source, which gains the aliases of each mention', () => {
    const sources: Source[] = [];
    let n = 0;
    const resolver = new SourceResolver(sources, () => `s${n++}`, AT);
    const trump = resolver.resolve({ name: 'Donald Trump', kind: 'person', aliases: [] });
    expect(resolver.resolve({ name: 'Donald Trump', kind: 'person', aliases: [] })).toBe(trump);
    expect(resolver.resolve({ name: 'Donald Trump', kind: 'person', aliases: ['President Trump'] })).toBe(
      trump,
    );
    expect(resolver.resolve({ name: 'President Trump', kind: 'person', aliases: [] })).toBe(trump);
    expect(sources).toHaveLength(1);
    expect(sources[0]!.aliases).toEqual(['President Trump']);
  });
});
