import { useApiClient } from '@gongkai/ui';
import { useQuery } from '@tanstack/react-query';

/** `GET /api/public/agencies`: the agency tree, by code. */
export interface PublicAgencyNode {
  code: string;
  name: string;
  children: PublicAgencyNode[];
}

export interface PublicVersionSummary {
  version: number;
  sha256: string;
  changeNote: string | null;
  publishedAt: string;
}

export interface OpenDataEntry {
  agency: { code: string; name: string };
  year: number;
  version: number;
  sha256: string;
  publishedAt: string;
  url: string;
  downloads: Record<
    'json' | 'csvSection3' | 'csvSection4' | 'html' | 'docx' | 'xlsx' | 'txt',
    string
  >;
}

/** `GET /api/public/reports/:agencyCode/:year[/versions/:n]`. */
export interface PublishedReportView extends PublicVersionSummary {
  agency: { code: string; name: string };
  year: number;
  versions: PublicVersionSummary[];
  /** The report JSON of report-json.md, as frozen at publication. */
  report: unknown;
}

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
    queryFn: () => client.get<{ reports: OpenDataEntry[] }>('/public/reports'),
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
