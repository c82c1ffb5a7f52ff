import type {
  ReportDraftView,
  ReportTexts,
  Section2View,
  SessionResponse,
  SessionUserView,
} from '@gongkai/contracts';
import { useApiClient } from '@gongkai/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** What the studio reads of the signed-in user (`GET /api/auth/me`, the contracts' type). */
export type StudioUser = Pick<
  SessionUserView,
  'id' | 'username' | 'displayName' | 'roles' | 'agencyId' | 'agencyCode' | 'agencyName'
>;

export const meKey = ['auth', 'me'] as const;
const draftKey = (year: number, agency: string) => ['report', year, agency] as const;

export function useMe() {
  const client = useApiClient();
  return useQuery({
    queryKey: meKey,
    queryFn: () => client.get<SessionResponse>('/auth/me').then((r) => r.user),
    retry: false,
  });
}

export function useSignOut() {
  const client = useApiClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => client.post('/auth/logout'),
    // Drop what the session could read, then ask again who is signed in: nobody, so the studio
    // falls back to its sign-in form.
    onSettled: async () => {
      queries.removeQueries({ queryKey: ['report'] });
      queries.removeQueries({ queryKey: ['section2'] });
      await queries.resetQueries({ queryKey: meKey });
    },
  });
}

export function useReportDraft(year: number, agency: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: draftKey(year, agency),
    queryFn: () => client.get<ReportDraftView>(`/reports/${year}`, { query: { agency } }),
    enabled: agency !== '',
  });
}

export type LifecycleAction = 'submit' | 'approve' | 'return' | 'publish';

/** Every step answers with the fresh draft view, which replaces the cached one. */
export function useReportSteps(year: number, agency: string) {
  const client = useApiClient();
  const queries = useQueryClient();
  const settle = (view: ReportDraftView) => queries.setQueryData(draftKey(year, agency), view);
  const texts = useMutation({
    mutationFn: (body: { texts: ReportTexts; expectedRevision?: number }) =>
      client.put<ReportDraftView>(`/reports/${year}/texts`, body, { query: { agency } }),
    onSuccess: settle,
  });
  const step = useMutation({
    mutationFn: ({
      action,
      body,
    }: {
      action: LifecycleAction;
      body: Record<string, string | boolean>;
    }) => client.post<ReportDraftView>(`/reports/${year}/${action}`, body, { query: { agency } }),
    onSuccess: settle,
  });
  return { texts, step };
}

export function useSection2(year: number, agencyId: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['section2', year, agencyId],
    queryFn: () => client.get<Section2View>(`/section2/${year}`, { query: { agencyId } }),
    enabled: agencyId !== undefined,
  });
}

export function useSaveSection2(year: number, agency: string) {
  const client = useApiClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      format: '2019' | '2021';
      figures: Record<string, Record<string, number | null>>;
      agencyId: string;
    }) => client.put<Section2View>(`/section2/${year}`, body),
    onSuccess: (view) => {
      queries.setQueryData(['section2', year, view.agencyId], view);
      // The draft's section 二 and its checks come from these figures.
      void queries.invalidateQueries({ queryKey: draftKey(year, agency) });
    },
  });
}
