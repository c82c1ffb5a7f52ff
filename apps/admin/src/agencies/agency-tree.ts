import type { AgencyView } from '@gongkai/contracts';

export interface AgencyTreeNode {
  key: string;
  value: string;
  title: string;
  children: AgencyTreeNode[];
}

/** The agencies in scope as a tree (the roots are those whose parent is outside the scope). */
export function agencyTree(agencies: readonly AgencyView[]): AgencyTreeNode[] {
  const nodes = new Map<string, AgencyTreeNode>(
    agencies.map((a) => [a.id, { key: a.id, value: a.id, title: a.name, children: [] }]),
  );
  const roots: AgencyTreeNode[] = [];
  for (const a of agencies) {
    const node = nodes.get(a.id) as AgencyTreeNode;
    const parent = a.parentId ? nodes.get(a.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function descendants(agencies: readonly AgencyView[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of agencies)
      if (a.parentId && out.has(a.parentId) && !out.has(a.id)) {
        out.add(a.id);
        grew = true;
      }
  }
  return out;
}
