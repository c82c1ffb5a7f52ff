import type { CaseListItem, Page } from '@gongkai/contracts';
import type { ApiClient } from '@gongkai/ui';

/** The filters a clerk can set on GET /api/cases (the API filters, sorts and pages). */
export interface CaseFilters {
  q?: string;
  state?: string;
  due?: 'overdue' | 'dueSoon';
  year?: number;
  category?: string;
  outcome?: string;
  /** `me` while 只看我的 is ticked (the API also takes `none` and a user id). */
  assignee?: string;
  /** A supervisor's choice of one agency in its scope (the API refuses any other). */
  agencyId?: string;
}

export interface CaseListParams extends CaseFilters {
  sort?: 'receivedOn' | 'answerDueOn' | 'nextDueOn' | 'ref' | 'updatedAt' | 'decidedOn';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export function cleanFilters(values: Record<string, unknown>): CaseFilters {
  const out: Record<string, unknown> = {};
  for (const key of [
    'q',
    'state',
    'due',
    'year',
    'category',
    'outcome',
    'assignee',
    'agencyId',
  ] as const) {
    const v = values[key];
    if (v === undefined || v === null || v === '') continue;
    out[key] = key === 'year' ? Number(v) : typeof v === 'string' ? v.trim() : v;
  }
  return out as CaseFilters;
}

export function fetchCases(client: ApiClient, params: CaseListParams): Promise<Page<CaseListItem>> {
  return client.get<Page<CaseListItem>>('/cases', {
    query: params as Record<string, string | number | undefined>,
  });
}

/** Every case matching the filters, page by page (the API caps a page at 200). */
export async function fetchAllCases(
  client: ApiClient,
  params: CaseListParams,
  onProgress?: (loaded: number, total: number) => void,
): Promise<CaseListItem[]> {
  const all: CaseListItem[] = [];
  for (let page = 1; ; page++) {
    const answer = await fetchCases(client, { ...params, page, pageSize: 200 });
    all.push(...answer.items);
    onProgress?.(all.length, answer.total);
    if (all.length >= answer.total || answer.items.length === 0) return all;
  }
}
