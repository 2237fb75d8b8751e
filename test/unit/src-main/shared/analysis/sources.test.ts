// Merging speakers across articles: the same actor under its different names, and no false merges.
import { describe, expect, it } from 'vitest';
import {
  findMatchingSource,
  mergeAliases,
  normaliseName,
} from '../../../../../src-main/shared/analysis/sources';

const source = (name: string, aliases: string[] = []) => ({ name, aliases, id: name });

describe('findMatchingSource', () => {
  const sources = [
    source('Mikhail Bogdanov', ['Russian Deputy Foreign Minister Mikhail Bogdanov']),
    source('Radio Free Europe Radio Liberty'),
    source('The Moscow Times'),
    source('Russia'),
    source('Interfax'),
  ];
  const find = (name: string, aliases: string[] = []) =>
    findMatchingSource({ name, kind: 'unknown', aliases }, sources)?.name ?? null;

  it('merges a full name, a confirmed alias, a gazetteer name and an acronym of the full name', () => {
    expect(find('Russian Deputy Foreign Minister Mikhail Bogdanov')).toBe('Mikhail Bogdanov');
    expect(find('mikhail bogdanov')).toBe('Mikhail Bogdanov');
    expect(find('RFERL')).toBe('Radio Free Europe Radio Liberty');
    expect(find('RFE/RL')).toBe('Radio Free Europe Radio Liberty');
    expect(find('Moscow Times')).toBe('The Moscow Times');
    expect(find('INTERFAX')).toBe('Interfax');
  });

  it('never merges on a surname or a shortened name across articles', () => {
    // "Bogdanov" or "The Times" in another article may be someone or something else.
    expect(find('Bogdanov')).toBeNull();
    expect(find('The Times')).toBeNull();
  });

  it('never merges different actors whose names merely look alike', () => {
    expect(find('Rwanda')).toBeNull();
    expect(find('Russian Foreign Ministry')).toBeNull();
    expect(find('The New Times')).toBeNull();
    expect(find('Sergei Bogdanov')).toBeNull();
  });

  it('keeps people who share a surname apart, even when one has it as an alias', () => {
    const people = [source('John Smith', ['Smith']), source('Jane Smith')];
    expect(findMatchingSource({ name: 'Smith', kind: 'person', aliases: [] }, people)).toBeNull();
    expect(findMatchingSource({ name: 'Joe Smith', kind: 'person', aliases: ['Smith'] }, people)).toBeNull();
    expect(findMatchingSource({ name: 'Jane Smith', kind: 'person', aliases: [] }, people)?.name).toBe(
      'Jane Smith',
    );
  });
});

describe('normaliseName and mergeAliases', () => {
  it('ignores case, accents, acronym dots and a leading article', () => {
    expect(normaliseName('François Bozize')).toBe(normaliseName('Francois BOZIZE'));
    expect(normaliseName('The U.N.')).toBe(normaliseName('UN'));
  });

  it('keeps the first spelling of each alias and drops duplicates', () => {
    expect(
      mergeAliases(['Bogdanov', 'the deputy foreign minister'], ['BOGDANOV', 'Mikhail Bogdanov']),
    ).toEqual(['Bogdanov', 'the deputy foreign minister', 'Mikhail Bogdanov']);
  });
});
