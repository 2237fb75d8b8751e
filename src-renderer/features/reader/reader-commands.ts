// The reader's actions as palette commands (the keys j/k, 1–9, n, g+1–6 run the same functions).
import type { Reliability, Tag } from '../../../src-main/shared/domain';
import { type Command, commands } from '../../lib/state/commands.svelte';
import {
  CREDIBILITIES,
  CREDIBILITY_LABELS,
  RELIABILITIES,
  RELIABILITY_LABELS,
} from '../../../src-main/shared/grades';

export interface ReaderActions {
  /** True while the reader shows an article (not a speaker filter, not another view). */
  active: () => boolean;
  hasSpeaker: () => boolean;
  hasSelection: () => boolean;
  move: (delta: number) => void;
  openNote: () => void | Promise<void>;
  grade: (grade: number | null) => void | Promise<void>;
  setSpeakerReliability: (r: Reliability) => void | Promise<void>;
  clearSelection: () => void;
}

/** Register the reader's fixed commands; returns the unregister function. */
export function registerReaderCommands(a: ReaderActions): () => void {
  const list: Command[] = [
    {
      id: 'reader.next',
      title: 'Next statement',
      shortcut: 'j',
      group: 'Reader',
      enabled: a.active,
      run: () => a.move(1),
    },
    {
      id: 'reader.prev',
      title: 'Previous statement',
      shortcut: 'k',
      group: 'Reader',
      enabled: a.active,
      run: () => a.move(-1),
    },
    {
      id: 'reader.note',
      edits: true,
      title: 'Note on selection or statement…',
      shortcut: 'n',
      group: 'Annotate',
      enabled: a.active,
      run: a.openNote,
    },
    ...CREDIBILITIES.map((g) => ({
      id: `reader.grade.${g}`,
      edits: true,
      title: `Credibility ${g}: ${CREDIBILITY_LABELS[g]}`,
      shortcut: `g ${g}`,
      group: 'Annotate',
      enabled: a.active,
      run: () => a.grade(g),
    })),
    {
      id: 'reader.grade.clear',
      edits: true,
      title: 'Clear credibility',
      group: 'Annotate',
      enabled: a.active,
      run: () => a.grade(null),
    },
    ...RELIABILITIES.map((r) => ({
      id: `reader.reliability.${r}`,
      title: `Speaker reliability ${r}: ${RELIABILITY_LABELS[r]}`,
      group: 'Sources',
      enabled: () => a.active() && a.hasSpeaker(),
      run: () => a.setSpeakerReliability(r),
    })),
    {
      id: 'prefs.author',
      title: 'Set author name…',
      group: 'Preferences',
      run: () => document.querySelector<HTMLInputElement>('[data-testid="author-input"]')?.focus(),
    },
    {
      id: 'reader.selection.clear',
      title: 'Clear selection',
      shortcut: 'Esc',
      group: 'Reader',
      enabled: a.hasSelection,
      run: a.clearSelection,
    },
  ];
  return commands.register(...list);
}

/** Commands for the codebook's tags with shortcut keys. */
export function registerTagCommands(
  tags: Tag[],
  active: () => boolean,
  apply: (tag: Tag) => void,
): () => void {
  return commands.register(
    ...tags
      .filter((t) => t.shortcut)
      .map((t) => ({
        id: `reader.tag.${t.shortcut}`,
        title: `Tag: ${t.name}`,
        shortcut: String(t.shortcut),
        group: 'Annotate',
        enabled: active,
        run: () => apply(t),
      })),
  );
}
