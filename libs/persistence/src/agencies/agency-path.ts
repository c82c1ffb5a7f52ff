/** Materialised path: `/<root id>/<child id>/…/`, so a subtree is a prefix match. */
export function agencyPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}
