// The Sources registry across articles: one Source per actor, found through the match-key index, and no
// merge of different people who share a surname.
import { describe, expect, it } from 'vitest';
import { findMatchingSource, matchKeys } from '../../../../../src-main/shared/analysis/sources';
import type { Source } from '../../../../../src-main/shared/domain';
import { SourceResolver } from '../../../../../src-main/shared/records';

const ref = (name: string, aliases: string[] = [], kind: Source['kind'] = 'person') => ({
  name,
  kind,
  aliases,
});

describe('matchKeys', () => {
  it('indexes a source under its name, name-like aliases and gazetteer name, not under a bare surname', () => {
    const keys = matchKeys({ name: 'Hillary Clinton', aliases: ['Clinton', 'Hillary Rodham Clinton'] });
    expect(keys).toEqual(expect.arrayContaining(['hillary clinton', 'hillary rodham clinton']));
    expect(keys).not.toContain('clinton');
    expect(matchKeys({ name: 'AP', aliases: [] })).toContain('associated press');
  });
});

describe('SourceResolver', () => {
  it('keeps Hillary, Bill and a bare “Clinton” apart, and joins the same full name', () => {
    const sources: Source[] = [];
    let n = 0;
    const resolver = new SourceResolver(sources, () => `s${n++}`, '2026-01-01T00:00:00.000Z');
    const hillary = resolver.resolve(ref('Hillary Clinton', ['Clinton']));
    expect(resolver.resolve(ref('Bill Clinton', ['Clinton']))).not.toBe(hillary);
    expect(resolver.resolve(ref('Clinton'))).not.toBe(hillary);
    expect(resolver.resolve(ref('hillary clinton'))).toBe(hillary);
    expect(sources.map((s) => s.name)).toEqual(['Hillary Clinton', 'Bill Clinton', 'Clinton']);
  });

  it('looks only at the sources that share a key with the mention', () => {
    const sources: Source[] = Array.from({ length: 500 }, (_, i) => ({
      id: `x${i}`,
      name: `Person Number${i}`,
      kind: 'person',
      aliases: [],
      reliability: null,
      note: '',
      userEdited: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }));
    const resolver = new SourceResolver(sources, () => 'new', '2026-01-01T00:00:00.000Z');
    expect(resolver.candidates(ref('Person Number42')).map((s) => s.id)).toEqual(['x42']);
    expect(resolver.resolve(ref('Person Number42'))).toBe('x42');
  });

  it('decides among candidates: the full name over a shared alias, none when two fit equally', () => {
    const a = { name: 'Jane Smith', aliases: ['J. Smith'] };
    const b = { name: 'John Smith', aliases: ['J. Smith'] };
    expect(findMatchingSource(ref('J. Smith'), [a, b])).toBeNull();
    expect(findMatchingSource(ref('Jane Smith', ['J. Smith']), [a, b])).toBe(a);
  });
});
