// The primary keys a committed write touched, read from the parts Dexie reports for it (its "storagemutated"
// event): each table's keys form an interval tree, single keys as intervals of one.
import type { IntervalTree, IntervalTreeNode, ObservabilitySet } from 'dexie';

function treeNodes(tree: IntervalTree): IntervalTreeNode[] {
  const out: IntervalTreeNode[] = [];
  const stack: (IntervalTreeNode | null | undefined)[] = ['from' in tree ? tree : null];
  while (stack.length) {
    const n = stack.pop();
    if (!n) continue;
    out.push(n);
    stack.push(n.l, n.r);
  }
  return out;
}

/**
 * The primary keys one storage mutation (Dexie's observability parts) wrote to `table` of database `dbName`,
 * added to `into`; 'all' when it wrote a range (a clear, a range delete) or `into` is already 'all'.
 */
export function changedKeysIn(
  parts: ObservabilitySet,
  dbName: string,
  table: string,
  into: Set<string> | 'all',
): Set<string> | 'all' {
  const tree = parts[`idb://${dbName}/${table}/`];
  if (!tree || into === 'all') return into;
  for (const node of treeNodes(tree)) {
    if (typeof node.from === 'string' && node.from === node.to) into.add(node.from);
    else return 'all';
  }
  return into;
}
