/**
 * The one API client. Adds the session's bearer token, maps `{error:{code,message}}` answers
 * and network failures to ApiError, times out after 15 s.
 */
import Taro from '@tarojs/taro'
import { useSession } from '../stores/session'
import { ApiError, errorFromResponse, networkError } from './api-error'
import { API_BASE } from './env'

export const REQUEST_TIMEOUT_MS = 15_000

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

/** `{a: 1, b: undefined, c: 'x y'}` → `?a=1&c=x%20y`; empty values are left out. */
export function buildQuery(query?: Query): string {
  if (!query) return ''
  const parts: string[] = []
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  /** Extra request headers, e.g. `Idempotency-Key`, or `Content-Type` for a raw ArrayBuffer body. */
  headers?: Record<string, string>
}

async function apiRequest<T>(method: Method, path: string, query?: Query, body?: unknown, options?: RequestOptions): Promise<T> {
  const token = useSession.getState().token
  const header: Record<string, string> = { Accept: 'application/json', ...options?.headers }
  // JSON unless the caller sends raw bytes with their own type (a spreadsheet: text/csv, xlsx).
  if (method !== 'GET' && !header['Content-Type']) header['Content-Type'] = 'application/json'
  if (token) header.Authorization = `Bearer ${token}`

  let res: Taro.request.SuccessCallbackResult
  try {
    res = await Taro.request({
      url: `${API_BASE}${path}${buildQuery(query)}`,
      method,
      header,
      // Fastify refuses an empty JSON body, so a POST without one sends `{}`.
      data: method === 'GET' ? undefined : (body ?? {}),
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    })
  } catch (err) {
    const detail = (err as { errMsg?: string; message?: string } | null)?.errMsg ?? (err as Error | null)?.message
    throw networkError(detail)
  }

  const status = res.statusCode
  if (status >= 200 && status < 300) return res.data as T
  const error = errorFromResponse(status, res.data)
  // A token the server no longer accepts: forget it so the app shows the signed-out state.
  if (status === 401 && token && useSession.getState().token === token) useSession.getState().logout()
  throw error
}

export function apiGet<T>(path: string, query?: Query): Promise<T> {
  return apiRequest<T>('GET', path, query)
}

export function apiPost<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
  return apiRequest<T>('POST', path, undefined, body, options)
}

export function apiPut<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
  return apiRequest<T>('PUT', path, undefined, body, options)
}

export function apiDelete<T = void>(path: string): Promise<T> {
  return apiRequest<T>('DELETE', path)
}

export { ApiError }
