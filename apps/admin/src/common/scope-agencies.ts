import type { AgencyView } from '@gongkai/contracts';
import { useApiClient } from '@gongkai/ui';
import { useQuery } from '@tanstack/react-query';
import { useDeskUser } from '../auth/session.context';

/**
 * The agencies a supervising user may read (GET /api/agencies answers the session's scope), for
 * the 机关 column and filters. A user of one agency gets none: it has nothing to choose between.
 */
export function useScopeAgencies(): { supervising: boolean; agencies: AgencyView[] } {
  const client = useApiClient();
  const user = useDeskUser();
  const supervising = user.scopeAgencyIds.length > 1;
  const query = useQuery({
    queryKey: ['agencies'],
    enabled: supervising,
    queryFn: () => client.get<AgencyView[]>('/agencies'),
  });
  const inScope = new Set(user.scopeAgencyIds);
  return {
    supervising,
    agencies: supervising ? (query.data ?? []).filter((a) => inScope.has(a.id)) : [],
  };
}
