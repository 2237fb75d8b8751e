// The codebook as an indented list in tree order (parents before children, siblings by name).
import type { Tag } from '../../src-main/shared/domain';

export interface TreeRow {
  tag: Tag;
  depth: number;
  hasChildren: boolean;
}

/** Tags in depth-first order; tags whose parent is missing are shown at the top level. */
export function flattenTree(tags: Tag[]): TreeRow[] {
  const ids = new Set(tags.map((t) => t.id));
  const children = new Map<string | null, Tag[]>();
  for (const t of tags) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const tag of children.get(parent) ?? []) {
      if (seen.has(tag.id)) continue;
      seen.add(tag.id);
      rows.push({ tag, depth, hasChildren: (children.get(tag.id)?.length ?? 0) > 0 });
      visit(tag.id, depth + 1);
    }
  };
  visit(null, 0);
  // A cycle in stored data would hide its members; list them at the top level instead.
  for (const t of tags) if (!seen.has(t.id)) rows.push({ tag: t, depth: 0, hasChildren: false });
  return rows;
}

/** "Key claim › Troop numbers" for a tag, for menus that list tags flat. */
export function tagPath(tags: Tag[], id: string): string {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let at = byId.get(id); at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
    seen.add(at.id);
    names.unshift(at.name);
  }
  return names.join(' › ');
}

/** Tag id → ids of the tag and every tag below it. */
export function descendantsOf(tags: Pick<Tag, 'id' | 'parentId'>[], id: string): Set<string> {
  const children = new Map<string | null, string[]>();
  for (const t of tags) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  const out = new Set<string>([id]);
  const stack = [id];
  while (stack.length) {
    for (const c of children.get(stack.pop()!) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}
