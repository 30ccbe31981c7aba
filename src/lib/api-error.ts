/** The client's one error type for API calls, with a message a buyer can read. */

export const NETWORK_MESSAGE = '网络不太好，请稍后重试'

/** Server error codes → what the user is told. Unknown codes fall back on the HTTP status. */
const MESSAGES: Record<string, string> = {
  INVALID_WEEK: '周次不正确',
  WEEK_NOT_OVER: '这一周还没结束，结束后才能确认',
  NOTHING_TO_SETTLE: '这一周没有需要结算的内容',
  SETTLEMENT_NOT_CONFIRMED: '请先确认结算单',
  SETTLEMENT_ALREADY_PAID: '这张结算单已经付过款了',
  SETTLEMENT_CHANGED: '结算单刚刚有变化，请刷新',
  INVALID_COMMISSION: '佣金需在0–30%之间',
  NETWORK: NETWORK_MESSAGE,
  NOT_FOUND: '内容不存在或已下架',
  UNAUTHORIZED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '当前账号没有权限进行此操作',
  VALIDATION_FAILED: '提交的信息有误，请检查后重试',
  INVALID_BODY: '提交的信息有误，请检查后重试',
  BAD_REQUEST: '请求有误，请稍后重试',
  UNSUPPORTED_MEDIA_TYPE: '请求有误，请稍后重试',
  BODY_TOO_LARGE: '提交的内容太大了',
  INVALID_CODE: '登录失败，请重试',
  LOGIN_FAILED: '登录失败，请重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务暂时不可用，请稍后重试',
  // ordering
  INSUFFICIENT_STOCK: '库存不足',
  PRODUCT_UNAVAILABLE: '商品已下架',
  IDEMPOTENCY_KEY_REUSED: '订单已提交，请勿重复提交',
  CHECKOUT_EXPIRED: '订单已超时取消',
  NOTHING_TO_PAY: '订单无需支付',
  ORDER_NOT_CANCELLABLE: '订单当前状态不能取消',
  ORDER_NOT_CONFIRMABLE: '订单当前状态不能确认收货',
  ADDRESS_NOT_FOUND: '地址不存在',
}

function messageForStatus(status: number): string {
  if (status === 401) return MESSAGES.UNAUTHORIZED
  if (status === 403) return MESSAGES.FORBIDDEN
  if (status === 404) return MESSAGES.NOT_FOUND
  if (status === 429) return MESSAGES.RATE_LIMITED
  if (status >= 500) return MESSAGES.INTERNAL
  return '出了点问题，请稍后重试'
}

export class ApiError extends Error {
  constructor(
    /** The server's error code, or NETWORK / HTTP_<status> when it sent none */
    public readonly code: string,
    /** HTTP status; 0 when the request never got an answer */
    public readonly status: number,
    /** Chinese, for the user */
    message: string,
    /** The server's own (English) message, for logs */
    public readonly detail?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}

export function networkError(detail?: string): ApiError {
  return new ApiError('NETWORK', 0, NETWORK_MESSAGE, detail)
}

/** Builds an ApiError from a non-2xx answer, whose body should be `{ error: { code, message } }`. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  const code = typeof err?.code === 'string' && err.code ? err.code : `HTTP_${status}`
  const detail = typeof err?.message === 'string' ? err.message : undefined
  return new ApiError(code, status, MESSAGES[code] ?? messageForStatus(status), detail)
}

/** The message to show for anything caught from an API call. */
export function userMessage(error: unknown): string {
  if (isApiError(error)) return error.message
  return '出了点问题，请稍后重试'
}
