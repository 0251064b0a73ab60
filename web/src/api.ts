import type { LocalizedText } from '@antoan/domain';
import type { Problem as ProblemDocument } from '@antoan/schemas';

/** An error body: a problem document, or what is left of one after a proxy or a network failure. */
type Problem = Partial<ProblemDocument>;

/** A response outside 2xx, with the problem body the API sent (or a stand-in when it sent none). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** What to tell people, in both languages. */
  get localized(): LocalizedText {
    const text = this.problem.localized;
    if (text) return text;
    const detail = this.problem.detail ?? this.problem.title ?? `HTTP ${this.status}`;
    return { vi: detail, en: detail };
  }
}

/** A response body together with the headers the caller may need (ETag). */
export interface ApiResponse<T> {
  body: T;
  etag: string | null;
}

/** Called when the API answers 401, so the app can drop the session. */
export type OnUnauthorized = () => void;

/** Calls the API on the same origin, with the signed-in person's token. */
export interface ApiClient {
  get<T>(path: string): Promise<T>;
  send<T>(
    method: 'POST' | 'PATCH' | 'PUT',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
}

/** Builds a query string from the defined entries: `query({ a: 1, b: undefined })` → `?a=1`. */
export function query(entries: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const NETWORK_PROBLEM: Problem = {
  title: 'Network error',
  detail: 'The server could not be reached; check the connection and try again.',
  localized: {
    vi: 'Không kết nối được máy chủ; hãy kiểm tra mạng rồi thử lại.',
    en: 'The server could not be reached; check the connection and try again.',
  },
};

/** The API client for `token` (none for the sign-in picker). */
export function apiClient(token: string | null, onUnauthorized: OnUnauthorized = () => {}): ApiClient {
  const call = async <T>(method: string, path: string, init: RequestInit = {}): Promise<ApiResponse<T>> => {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let response: Response;
    try {
      response = await fetch(`/v1${path}`, { ...init, method, headers });
    } catch {
      throw new ApiError(0, NETWORK_PROBLEM);
    }
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (!response.ok) {
      if (response.status === 401 && token) onUnauthorized();
      throw new ApiError(response.status, (body as Problem | null) ?? { title: response.statusText });
    }
    return { body: body as T, etag: response.headers.get('ETag') };
  };
  return {
    get: async <T>(path: string) => (await call<T>('GET', path)).body,
    send: <T>(
      method: 'POST' | 'PATCH' | 'PUT',
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) =>
      call<T>(
        method,
        path,
        body === undefined
          ? { headers }
          : { headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      ),
  };
}
