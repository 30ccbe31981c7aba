/** Fulfilment's tables: WeChat shipping-info uploads and subscribe messages sent. Written only by modules/fulfilment. */
import { bigint, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { SHIPPING_SYNC_STATUSES } from '@domain/shipping'
import { createdAt, id } from './columns'
import { users } from './auth'
import { orders } from './orders'

export const shippingUploadStatusEnum = pgEnum('shipping_upload_status', SHIPPING_SYNC_STATUSES)

/** WeChat's order shipping info (upload_shipping_info): one per shipped order. */
export const shippingUploads = pgTable('shipping_uploads', {
  orderId: bigint('order_id', { mode: 'number' }).primaryKey().references(() => orders.id),
  status: shippingUploadStatusEnum('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastErrcode: integer('last_errcode'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }),
  createdAt: createdAt(),
})

/** Subscribe messages sent (or not) per order and template: at most one each. */
export const messageSends = pgTable(
  'message_sends',
  {
    id: id(),
    userId: bigint('user_id', { mode: 'number' }).notNull().references(() => users.id),
    orderId: bigint('order_id', { mode: 'number' }).notNull().references(() => orders.id),
    templateId: text('template_id').notNull(),
    /** sent | no_consent (43101 or none left) | failed */
    outcome: text('outcome').notNull(),
    errcode: integer('errcode'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('message_sends_order_template_uq').on(t.orderId, t.templateId)],
)
