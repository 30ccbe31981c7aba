/**
 * Background jobs that gave up, as the cooperative's manager sees them: a durable job (a WeChat
 * call, an expiry…) that kept failing until its kind's last attempt ends failed and is never
 * retried by itself; the manager reads what it was for, the order it concerns and the last error.
 *
 *   manager GET /api/v1/coop/failed-jobs?cursor=&limit=   → FailedJobPage (newest first)
 *
 * A job is the cooperative's when the order it concerns (its payload's orderId, or the order of
 * the refund or claim it names) is one of the cooperative's farmers' orders.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { LIMITS } from '@domain/limits'

const Timestamp = Type.String({ format: 'date-time' })
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])

export const FailedJobQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.cursorMax })),
  },
  { additionalProperties: false },
)

export const FailedJob = Type.Object({
  id: Type.Integer(),
  /** The job kind, e.g. upload_shipping_info. */
  kind: Type.String(),
  /** What the job was for, in Chinese (向微信上传发货信息 …). */
  what: Type.String(),
  orderId: Type.Integer(),
  orderNo: Type.String(),
  attempts: Type.Integer(),
  /** The error of the last attempt, as the system recorded it (technical, for support). */
  lastError: Nullable(Type.String()),
  createdAt: Timestamp,
  failedAt: Timestamp,
})

export const FailedJobPage = Type.Object({ items: Type.Array(FailedJob), nextCursor: Nullable(Type.String()) })

export type FailedJobQueryDto = Static<typeof FailedJobQuery>
export type FailedJobDto = Static<typeof FailedJob>
export type FailedJobPageDto = Static<typeof FailedJobPage>
