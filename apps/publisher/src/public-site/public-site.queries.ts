import type { OpenDataIndex, PublicAgencyNode, PublishedReportView } from '@gongkai/contracts';
import { useApiClient } from '@gongkai/ui';
import { useQuery } from '@tanstack/react-query';

export function usePublicAgencies() {
  const client = useApiClient();
  return useQuery({
    queryKey: ['public', 'agencies'],
    queryFn: () => client.get<PublicAgencyNode[]>('/public/agencies'),
    staleTime: 5 * 60_000,
  });
}

export function useOpenDataIndex() {
  const client = useApiClient();
  return useQuery({
    queryKey: ['public', 'reports'],
    queryFn: () => client.get<OpenDataIndex>('/public/reports'),
  });
}

export function usePublishedReport(agencyCode: string, year: number, version?: number) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['public', 'report', agencyCode, year, version ?? 'latest'],
    queryFn: () =>
      client.get<PublishedReportView>(
        `/public/reports/${encodeURIComponent(agencyCode)}/${year}${version ? `/versions/${version}` : ''}`,
      ),
  });
}

/** Every agency of the tree, depth first, with its depth (for lists and selects). */
export function flattenAgencies(
  nodes: readonly PublicAgencyNode[],
  depth = 0,
): { code: string; name: string; depth: number }[] {
  return nodes.flatMap((n) => [
    { code: n.code, name: n.name, depth },
    ...flattenAgencies(n.children, depth + 1),
  ]);
}
