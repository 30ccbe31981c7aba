/** The client's one error type for API calls, with a message a buyer can read. */
import type { ErrorCode } from '@contracts/errors'

/** Codes the client raises itself, for faults that never reached the API. */
export type ClientErrorCode =
  | 'NETWORK'
  | 'WECHAT_LOGIN_FAILED'
  | 'ADDRESS_AUTH_DENIED'
  | 'ADDRESS_PICK_FAILED'
  | 'CHOOSE_FAILED'
  | 'READ_FAILED'
  | 'DOWNLOAD_FAILED'
  | 'FILE_CHOOSE_FAILED'
  | 'FILE_READ_FAILED'
  | 'FILE_TYPE'
  | 'FILE_TOO_LARGE'

export type MessageCode = ErrorCode | ClientErrorCode

/** What the user is told for every code: the API's catalogue and the client's own. A code without a message fails tsc. */
const MESSAGES: Record<MessageCode, string> = {
  // client-side faults
  NETWORK: '网络不太好，请稍后重试',
  WECHAT_LOGIN_FAILED: '微信登录失败，请重试',
  ADDRESS_AUTH_DENIED: '需要允许使用通讯地址，才能从微信选择收货地址',
  ADDRESS_PICK_FAILED: '没能读取微信收货地址，请重试',
  CHOOSE_FAILED: '没能打开相册，请重试',
  READ_FAILED: '读取照片失败，请重新选择',
  DOWNLOAD_FAILED: '文件下载失败，请稍后重试',
  FILE_CHOOSE_FAILED: '没能打开聊天文件，请重试',
  FILE_READ_FAILED: '读取文件失败，请重新选择',
  FILE_TYPE: '请选择CSV或Excel（.xlsx）文件',
  FILE_TOO_LARGE: '文件太大了（超过2MB），请只保留名单需要的几列再上传',
  // generic
  BAD_REQUEST: '请求有误，请稍后重试',
  BAD_URL: '链接地址有误，请返回后重新打开',
  INVALID_BODY: '提交的信息有误，请检查后重试',
  VALIDATION_FAILED: '提交的信息有误，请检查后重试',
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '当前账号没有权限进行此操作',
  NOT_FOUND: '内容不存在或已下架',
  BODY_TOO_LARGE: '提交的内容太大了',
  URI_TOO_LONG: '链接地址太长了，请返回后重新打开',
  UNSUPPORTED_MEDIA_TYPE: '请求有误，请稍后重试',
  INTERNAL: '服务暂时不可用，请稍后重试',
  // sign-in
  INVALID_LOGIN_CODE: '登录失败，请重试',
  LOGIN_BLOCKED: '微信判断本次登录存在风险，暂时无法登录',
  LOGIN_RATE_LIMITED: '操作太频繁，请稍后再试',
  WECHAT_UNAVAILABLE: '微信登录暂时不可用，请稍后重试',
  // lists
  INVALID_CURSOR: '列表已更新，请下拉刷新',
  INVALID_DATE: '日期不正确',
  INVALID_IDS: '订单选择有误，请返回重新选择',
  INVALID_WEEK: '周次不正确',
  // listings
  CONTENT_RISKY: '内容包含违规信息，请修改后再提交',
  UNKNOWN_PHOTO: '有照片没有上传成功，请删掉后重新添加',
  UNKNOWN_CATEGORY: '请重新选择商品分类',
  UNKNOWN_SPEC: '商品规格有变化，请刷新后重新编辑',
  DUPLICATE_SPEC_NAME: '有两个规格名称相同，请改一下',
  DUPLICATE_SPEC_ID: '商品规格有重复，请刷新后重新编辑',
  INVALID_HARVEST_WINDOW: '采摘日期有误，请检查',
  INVALID_SHIPS_FROM: '发货日期要在采摘期内',
  SPEC_HAS_ORDERS: '这个规格已经有人买过，不能删除；可以把库存改成 0',
  PRODUCT_HAS_ORDERS: '这个商品已经有订单，不能删除，可以先暂停销售',
  STOCK_BELOW_ZERO: '库存不能少于 0',
  NO_STOCK: '库存是 0，请先加库存再上架',
  NOT_PENDING_REVIEW: '这个商品已经审核过了',
  // uploads
  EMPTY_UPLOAD: '照片是空的，请重新选择',
  UPLOAD_ID_REUSED: '照片上传出错了，请重新添加',
  UNSUPPORTED_IMAGE_TYPE: '只能上传 JPG、PNG 或 WebP 照片',
  INVALID_IMAGE: '这张照片无法识别，请换一张',
  // addresses
  ADDRESS_NOT_FOUND: '地址不存在',
  TOO_MANY_ADDRESSES: '收货地址已达上限，请先删除不用的地址',
  // ordering and paying
  INSUFFICIENT_STOCK: '库存不足',
  PRODUCT_UNAVAILABLE: '商品已下架',
  IDEMPOTENCY_KEY_REUSED: '订单已提交，请勿重复提交',
  ORDER_CHANGED: '订单刚刚有变化，请刷新后再试',
  ORDER_NOT_CANCELLABLE: '订单当前状态不能取消',
  ORDER_NOT_CONFIRMABLE: '订单当前状态不能确认收货',
  ORDER_NOT_SHIPPED: '订单还没有发货，发货后才能查看物流',
  CHECKOUT_EXPIRED: '订单已超时取消',
  NOTHING_TO_PAY: '订单无需支付',
  PAYMENT_UNAVAILABLE: '微信支付暂时不可用，请稍后重试',
  // fulfilment
  DUPLICATE_ORDER: '同一个订单填了两次',
  ORDER_NOT_SHIPPABLE: '这单现在不能发货（可能已发货或买家已取消）',
  INVALID_PACKED_WEIGHT: '实发重量填写有误，请检查',
  PROVINCE_NOT_SERVED: '有商品不能寄到这个地区（生鲜不发货地区），请换个地址或去掉这些商品',
  INVALID_FREIGHT_TEMPLATE: '运费模板填写有误：需要且只能有一个“其他地区”分组，省份不能重复',
  // refunds and after-sales
  REFUND_EXCEEDS_PAID: '退款金额超过了这单还可退的金额',
  REFUND_LIMIT_REACHED: '这笔付款的退款次数已达微信上限（50次），请联系合作社线下处理',
  REFUND_WINDOW_CLOSED: '付款已超过一年，微信不再受理退款，请联系合作社线下处理',
  REFUND_NOT_RESOLVABLE: '这笔退款不需要人工处理',
  INVALID_CLAIM_LINE: '售后申请里的商品或数量有误，请检查',
  CLAIM_NOT_ALLOWED: '这单现在不能申请售后（签收后48小时内可申请）',
  CLAIM_ALREADY_OPEN: '这件商品已有处理中的售后申请',
  CLAIM_STEP_NOT_ALLOWED: '售后状态已变化，请刷新后再试',
  CLAIM_AMOUNT_TOO_HIGH: '金额超过了这单还可退的金额',
  // cooperative
  INVALID_COMMISSION: '佣金需在0–30%之间',
  ALREADY_A_FARMER: '您已经是合作社的农户了',
  INVITE_USED: '这个邀请已经用过了。如果需要加入，请让合作社重新邀请您。',
  INVITE_EXPIRED: '这个邀请已经过期了（7天内有效），请让合作社重新邀请您。',
  WEEK_NOT_OVER: '这一周还没结束，结束后才能确认',
  NOTHING_TO_SETTLE: '这一周没有需要结算的内容',
  SETTLEMENT_NOT_CONFIRMED: '请先确认结算单',
  SETTLEMENT_ALREADY_PAID: '这张结算单已经付过款了',
  INVALID_REGISTRY_NO: '户编号应为6–30位数字或字母',
  INVALID_PERIOD: '报表期间不对，请重新选择',
  INVALID_STATUS_DATE: '日期不对：不能晚于今天，不能早于当前状态开始的日子，也不能早于上次移出名单的第二天',
  REGISTRY_NO_TAKEN: '这个户编号已经登记在另一位社员名下',
  HOUSEHOLD_NOT_ON_REGISTRY: '这户目前不在册，无需结束',
  IMPORT_FILE_UNREADABLE: '文件读不出来，请上传CSV或Excel（.xlsx）文件',
  IMPORT_TOO_MANY_ROWS: '名单最多5000行，请分成几份上传',
  IMPORT_MAPPING_INCOMPLETE: '请先选好“户编号”和“户主姓名”对应的列',
  IMPORT_NOT_PROPOSED: '这份名单已经处理过了',
  IMPORT_STALE: '名单核对后数据有变化，请重新核对后再确认',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  HEADERS_TOO_LARGE: '请求太大，请稍后再试',
  CONTROL_CHARACTERS: '内容里有无法识别的字符，请删掉后再试',
  SETTLEMENT_CHANGED: '结算单刚刚有变化，请刷新',
}

export const NETWORK_MESSAGE = MESSAGES.NETWORK

/** A screen's own wording for a few codes where the generic text would be vague ("找不到这个订单" rather than "内容不存在"). */
export type MessageOverrides = Partial<Record<MessageCode, string>>

const isMessageCode = (code: string): code is MessageCode => Object.prototype.hasOwnProperty.call(MESSAGES, code)

/** The catalogued Chinese message of a code. */
export function catalogMessage(code: MessageCode): string {
  return MESSAGES[code]
}

/** The Chinese message for a code from the wire; undefined for a code this client does not know. */
export function messageFor(code: string): string | undefined {
  return isMessageCode(code) ? MESSAGES[code] : undefined
}

function messageForStatus(status: number): string {
  if (status === 401) return MESSAGES.UNAUTHORIZED
  if (status === 403) return MESSAGES.FORBIDDEN
  if (status === 404) return MESSAGES.NOT_FOUND
  if (status === 429) return MESSAGES.LOGIN_RATE_LIMITED
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
  return clientError('NETWORK', detail)
}

/** A fault the client raised itself (WeChat refused, the album did not open…), with its catalogued message. */
export function clientError(code: ClientErrorCode, detail?: string): ApiError {
  return new ApiError(code, 0, MESSAGES[code], detail)
}

/** Builds an ApiError from a non-2xx answer, whose body should be `{ error: { code, message } }`. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  const code = typeof err?.code === 'string' && err.code ? err.code : `HTTP_${status}`
  const detail = typeof err?.message === 'string' ? err.message : undefined
  return new ApiError(code, status, messageFor(code) ?? messageForStatus(status), detail)
}

/** The message to show for anything caught from an API call. */
export function userMessage(error: unknown, overrides: MessageOverrides = {}): string {
  if (isApiError(error)) return (isMessageCode(error.code) ? overrides[error.code] : undefined) ?? error.message
  return '出了点问题，请稍后重试'
}
