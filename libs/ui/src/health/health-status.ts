import { ApiError, NETWORK_ERROR_STATUS } from '../api/api-error';
import type { ApiClient } from '../api/api-client';

export type ServiceState = 'up' | 'down' | 'unknown';

export interface HealthStatus {
  /** False when no answer came from the API at all (not running, proxy error). */
  reachable: boolean;
  database: ServiceState;
  redis: ServiceState;
  checkedAt: Date;
}

/** What GET /api/health answers (Nest terminus): 200 when all is up, 503 with the same body otherwise. */
interface TerminusBody {
  status?: string;
  details?: Record<string, { status?: string } | undefined>;
  info?: Record<string, { status?: string } | undefined>;
  error?: Record<string, { status?: string } | undefined> | string;
}

function serviceState(body: TerminusBody, key: string): ServiceState {
  const fromDetails = body.details?.[key]?.status;
  const fromError = typeof body.error === 'object' ? body.error?.[key]?.status : undefined;
  const status = fromDetails ?? fromError ?? body.info?.[key]?.status;
  if (status === 'up') return 'up';
  if (status === 'down') return 'down';
  return 'unknown';
}

export function parseHealth(body: unknown, checkedAt: Date): HealthStatus {
  const terminus = (typeof body === 'object' && body !== null ? body : {}) as TerminusBody;
  return {
    reachable: true,
    database: serviceState(terminus, 'database'),
    redis: serviceState(terminus, 'redis'),
    checkedAt,
  };
}

/** Asks the API; a 503 is an answer too (something is down), only a failed request is not. */
export async function fetchHealth(client: ApiClient, signal?: AbortSignal): Promise<HealthStatus> {
  try {
    return parseHealth(await client.get<unknown>('/health', { signal }), new Date());
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 503 && typeof error.body === 'object' && error.body !== null) {
      return parseHealth(error.body, new Date());
    }
    // A proxy's 502/504 or no answer at all: the API itself is not there.
    const reachable = error.status !== NETWORK_ERROR_STATUS && error.status < 500;
    return { reachable, database: 'unknown', redis: 'unknown', checkedAt: new Date() };
  }
}
