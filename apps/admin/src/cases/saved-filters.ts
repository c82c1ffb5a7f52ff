import type { CaseFilters } from './case-list.query';

const KEY = 'gongkai.caseFilters';

export interface SavedFilter {
  name: string;
  filters: CaseFilters;
}

/** Saved filters live in this browser only (localStorage): they are a clerk's habits, not data. */
export function loadSavedFilters(): SavedFilter[] {
  try {
    const raw = window.localStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(parsed)
      ? parsed.filter(
          (f): f is SavedFilter =>
            typeof f === 'object' && f !== null && typeof (f as SavedFilter).name === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export function storeSavedFilters(filters: SavedFilter[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(filters));
  } catch {
    // Private browsing may refuse storage; the filter still applies now.
  }
}

export function saveFilter(name: string, filters: CaseFilters): SavedFilter[] {
  const next = [...loadSavedFilters().filter((f) => f.name !== name), { name, filters }];
  storeSavedFilters(next);
  return next;
}

export function deleteFilter(name: string): SavedFilter[] {
  const next = loadSavedFilters().filter((f) => f.name !== name);
  storeSavedFilters(next);
  return next;
}
