import { type AnyStateMachine, type StateNode } from 'xstate';

export const DIAGRAM_BEGIN = '<!-- case-machine-diagram:begin -->';
export const DIAGRAM_END = '<!-- case-machine-diagram:end -->';

type AnyNode = StateNode<never, never>;

/**
 * A Mermaid state diagram walked from the machine definition itself, so the README cannot drift
 * from the code (a spec compares them). Guards appear in brackets after the event.
 */
export function mermaidDiagram(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2'];
  const ids = new Map<AnyNode, string>();
  const idOf = (node: AnyNode) => {
    let id = ids.get(node);
    if (!id) {
      id = node.path.join('_') || 'root';
      ids.set(node, id);
    }
    return id;
  };
  const edges: string[] = [];

  const addEdges = (node: AnyNode) => {
    for (const [eventType, transitions] of node.transitions) {
      for (const t of transitions) {
        const name = guardName(t.guard);
        // Every transition checks the event rules ("valid"); only branching guards are shown.
        const guard = name && name !== 'valid' ? ` [${name}]` : '';
        const targets = (t.target ?? [node]) as readonly AnyNode[];
        for (const target of targets) {
          edges.push(`${idOf(node)} --> ${idOf(target)}: ${eventType}${guard}`);
        }
      }
    }
  };

  const walk = (node: AnyNode, indent: string) => {
    addEdges(node);
    const children = Object.values(node.states) as AnyNode[];
    children.forEach((child, index) => {
      if (node.type === 'parallel' && index > 0) lines.push(`${indent}--`);
      if (child.type === 'compound' || child.type === 'parallel') {
        lines.push(`${indent}state "${child.key}" as ${idOf(child)} {`);
        if (child.type === 'compound' && child.initial.target[0]) {
          lines.push(`${indent}  [*] --> ${idOf(child.initial.target[0] as AnyNode)}`);
        }
        walk(child, `${indent}  `);
        lines.push(`${indent}}`);
      } else {
        lines.push(`${indent}state "${child.key}" as ${idOf(child)}`);
        addEdges(child);
        if (child.type === 'final') edges.push(`${idOf(child)} --> [*]`);
      }
    });
  };

  const root = machine.root as unknown as AnyNode;
  if (root.initial.target[0]) lines.push(`  [*] --> ${idOf(root.initial.target[0] as AnyNode)}`);
  walk(root, '  ');
  for (const edge of edges) lines.push(`  ${edge}`);
  return lines.join('\n') + '\n';
}

function guardName(guard: unknown): string | null {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard) return String(guard.type);
  return null;
}

/** The README section between the markers, as it should read. */
export function diagramSection(machine: AnyStateMachine): string {
  return `${DIAGRAM_BEGIN}\n\`\`\`mermaid\n${mermaidDiagram(machine)}\`\`\`\n${DIAGRAM_END}`;
}

/** The README with its diagram section replaced; throws when the markers are missing. */
export function replaceDiagramSection(readme: string, machine: AnyStateMachine): string {
  const begin = readme.indexOf(DIAGRAM_BEGIN);
  const end = readme.indexOf(DIAGRAM_END);
  if (begin < 0 || end < begin)
    throw new Error(`README lacks the markers ${DIAGRAM_BEGIN} … ${DIAGRAM_END}`);
  return readme.slice(0, begin) + diagramSection(machine) + readme.slice(end + DIAGRAM_END.length);
}
