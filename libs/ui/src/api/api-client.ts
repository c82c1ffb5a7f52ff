import { ApiError, NETWORK_ERROR_STATUS, type ApiErrorBody, type FieldError } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** Prefix of every path; the apps are served with `/api` proxied to the API. */
  baseUrl?: string;
  /** Injected for tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * The one way the web apps talk to the API: JSON in and out, the session cookie always sent,
 * and every failure turned into an `ApiError` carrying the API's Chinese message and field errors.
 */
export type ApiErrorListener = (
  error: ApiError,
  request: { method: HttpMethod; path: string },
) => void;

export class ApiClient {
  readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch | undefined;
  private readonly errorListeners = new Set<ApiErrorListener>();

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '/api').replace(/\/+$/, '');
    this.fetchImpl = options.fetch;
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, body, options);
  }

  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, body, options);
  }

  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, body, options);
  }

  delete<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, undefined, options);
  }

  /**
   * Called with every failed answer before it is thrown: the shell listens for 401 to send an
   * expired session back to sign-in from wherever the call was made. Returns the unsubscribe.
   */
  onError(listener: ApiErrorListener): () => void {
    this.errorListeners.add(listener);
    return () => {
      this.errorListeners.delete(listener);
    };
  }

  /** GETs a binary answer (a generated DOCX) as a Blob, with the API's errors as for JSON. */
  async blob(path: string, options: RequestOptions = {}): Promise<Blob> {
    const fetchImpl = this.fetchImpl ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await fetchImpl(this.url(path, options.query), {
        method: 'GET',
        headers: { ...options.headers },
        credentials: 'include',
        signal: options.signal,
      });
    } catch {
      throw new ApiError('无法连接服务器，请检查网络或稍后重试', {
        status: NETWORK_ERROR_STATUS,
        code: 'NetworkError',
      });
    }
    if (!response.ok) {
      const error = toApiError(response.status, await readBody(response));
      this.notify(error, 'GET', path);
      throw error;
    }
    return response.blob();
  }

  private notify(error: ApiError, method: HttpMethod, path: string): void {
    for (const listener of this.errorListeners) listener(error, { method, path });
  }

  url(path: string, query?: RequestOptions['query']): string {
    const url = `${this.baseUrl}/${path.replace(/^\/+/, '')}`;
    if (!query) return url;
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.toString();
    return search ? `${url}?${search}` : url;
  }

  async request<T>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const fetchImpl = this.fetchImpl ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await fetchImpl(this.url(path, options.query), {
        method,
        headers,
        credentials: 'include',
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError('无法连接服务器，请检查网络或稍后重试', {
        status: NETWORK_ERROR_STATUS,
        code: 'NetworkError',
      });
    }
    const payload = await readBody(response);
    if (!response.ok) {
      const error = toApiError(response.status, payload);
      this.notify(error, method, path);
      throw error;
    }
    return payload as T;
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function toApiError(status: number, payload: unknown): ApiError {
  if (isErrorBody(payload)) {
    const message = Array.isArray(payload.message) ? payload.message.join('；') : payload.message;
    return new ApiError(message || fallbackMessage(status), {
      status,
      code: typeof payload.error === 'string' ? payload.error : undefined,
      fieldErrors: Array.isArray(payload.fieldErrors)
        ? payload.fieldErrors.filter(isFieldError)
        : [],
      body: payload,
    });
  }
  return new ApiError(fallbackMessage(status), { status, body: payload });
}

function isErrorBody(payload: unknown): payload is ApiErrorBody {
  if (typeof payload !== 'object' || payload === null) return false;
  const message = (payload as { message?: unknown }).message;
  return typeof message === 'string' || Array.isArray(message);
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

/** For answers without the API's error body (a proxy's 502, an HTML error page). */
function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 404) return '请求的资源不存在';
  if (status === 502 || status === 503 || status === 504) return '服务暂时不可用，请稍后重试';
  return `请求失败（HTTP ${status}）`;
}
