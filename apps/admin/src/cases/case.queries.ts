import type {
  CaseDetailResponse,
  CaseEventResponse,
  ProceedingView,
  TimelineEntry,
} from '@gongkai/contracts';
import { useApiClient } from '@gongkai/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export const caseKey = (id: string) => ['case', id] as const;
export const timelineKey = (id: string) => ['case', id, 'timeline'] as const;

export function useCase(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: caseKey(id),
    queryFn: () => client.get<CaseDetailResponse>(`/cases/${id}`),
  });
}

export function useTimeline(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: timelineKey(id),
    queryFn: () => client.get<TimelineEntry[]>(`/cases/${id}/timeline`),
  });
}

export function useProceedings(caseId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['proceedings', { caseId }],
    queryFn: () => client.get<ProceedingView[]>('/proceedings', { query: { caseId } }),
  });
}

export interface SendEvent {
  type: string;
  payload: Record<string, unknown>;
  expectedVersion: number;
}

/** Sends one event through the API; the answer is the new case view and what is allowed next. */
export function useSendEvent(id: string) {
  const client = useApiClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: SendEvent) => client.post<CaseEventResponse>(`/cases/${id}/events`, body),
    onSuccess: (answer) => {
      queries.setQueryData(caseKey(id), { case: answer.case, allowedEvents: answer.allowedEvents });
      void queries.invalidateQueries({ queryKey: timelineKey(id) });
      void queries.invalidateQueries({ queryKey: ['approvals'] });
      void queries.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
