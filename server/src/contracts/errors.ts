/**
 * The error-code catalogue: every `error.code` the API can answer with, and its HTTP status.
 * The server throws `new AppError(code, message)` and the status comes from here; the client
 * maps each code to a Chinese message with `Record<ErrorCode, string>`, so a code without a
 * message fails the type check. (WeChat's own codes, spoken by the sandbox and the Pay notify
 * answer, are not API error codes and are not listed.)
 *
 * Data only: the client imports this file type-only.
 */
export const ERROR_CODES = {
  // Generic, raised by the HTTP layer (errors.ts, auth-guard)
  BAD_REQUEST: 400, // any other 4xx Fastify raises; answered with Fastify's own status
  BAD_URL: 400,
  INVALID_BODY: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BODY_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,

  // Auth
  INVALID_LOGIN_CODE: 401,
  LOGIN_BLOCKED: 403,
  LOGIN_RATE_LIMITED: 429,
  WECHAT_UNAVAILABLE: 502,

  // Catalogue and lists
  INVALID_CURSOR: 400,
  INVALID_DATE: 400,
  INVALID_IDS: 400,
  INVALID_WEEK: 400,

  // Farmer listings
  UNKNOWN_CATEGORY: 400,
  UNKNOWN_PHOTO: 400,
  UNKNOWN_SPEC: 400,
  DUPLICATE_SPEC_NAME: 400,
  DUPLICATE_SPEC_ID: 400,
  INVALID_HARVEST_WINDOW: 400,
  INVALID_SHIPS_FROM: 400,
  NOT_PENDING_REVIEW: 409,
  NO_STOCK: 409,
  STOCK_BELOW_ZERO: 409,
  SPEC_HAS_ORDERS: 409,
  PRODUCT_HAS_ORDERS: 409,
  CONTENT_RISKY: 422,

  // Uploads
  EMPTY_UPLOAD: 400,
  UPLOAD_ID_REUSED: 409,
  UNSUPPORTED_IMAGE_TYPE: 415,
  INVALID_IMAGE: 422,

  // Addresses
  ADDRESS_NOT_FOUND: 404,
  TOO_MANY_ADDRESSES: 409,

  // Orders and checkout
  IDEMPOTENCY_KEY_REUSED: 409,
  PRODUCT_UNAVAILABLE: 409,
  INSUFFICIENT_STOCK: 409,
  ORDER_CHANGED: 409,
  ORDER_NOT_CANCELLABLE: 409,
  ORDER_NOT_CONFIRMABLE: 409,
  ORDER_NOT_SHIPPED: 409,

  // Payments
  CHECKOUT_EXPIRED: 409,
  NOTHING_TO_PAY: 409,
  PAYMENT_UNAVAILABLE: 502,

  // Refunds (the ledger)
  REFUND_EXCEEDS_PAID: 409,
  REFUND_LIMIT_REACHED: 409,
  REFUND_WINDOW_CLOSED: 409,
  REFUND_NOT_RESOLVABLE: 409,

  // Freight
  PROVINCE_NOT_SERVED: 409,
  INVALID_FREIGHT_TEMPLATE: 400,

  // Fulfilment
  DUPLICATE_ORDER: 400,
  ORDER_NOT_SHIPPABLE: 409,
  INVALID_PACKED_WEIGHT: 400,

  // After-sales claims
  INVALID_CLAIM_LINE: 400,
  CLAIM_NOT_ALLOWED: 409,
  CLAIM_ALREADY_OPEN: 409,
  CLAIM_STEP_NOT_ALLOWED: 409,
  CLAIM_AMOUNT_TOO_HIGH: 409,

  // Cooperative: members, invites, settlements
  INVALID_COMMISSION: 400,
  ALREADY_A_FARMER: 409,
  INVITE_USED: 409,
  INVITE_EXPIRED: 410,
  WEEK_NOT_OVER: 409,
  NOTHING_TO_SETTLE: 409,
  SETTLEMENT_CHANGED: 409,
  SETTLEMENT_NOT_CONFIRMED: 409,
  SETTLEMENT_ALREADY_PAID: 409,

  // Registered households (modules/households)
  INVALID_REGISTRY_NO: 400,
  INVALID_PERIOD: 400,
  INVALID_STATUS_DATE: 400,
  REGISTRY_NO_TAKEN: 409,
  HOUSEHOLD_NOT_ON_REGISTRY: 409,
  IMPORT_FILE_UNREADABLE: 422,
  IMPORT_TOO_MANY_ROWS: 422,
  IMPORT_MAPPING_INCOMPLETE: 400,
  IMPORT_NOT_PROPOSED: 409,
  IMPORT_STALE: 409,

  // Abuse and limits (rate limiting)
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  CONTROL_CHARACTERS: 400,
} as const

export type ErrorCode = keyof typeof ERROR_CODES
