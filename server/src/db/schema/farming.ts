/** The farmer side: invites into a cooperative, uploaded media, shipping-info uploads, subscribe messages. */
import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { cooperatives, farmers, users } from './core'
import { orders } from './ordering'

/** A cooperative manager's invitation for one person to join as a farmer. */
export const farmerInvites = pgTable(
  'farmer_invites',
  {
    id: id(),
    cooperativeId: bigint('cooperative_id', { mode: 'number' }).notNull().references(() => cooperatives.id),
    code: text('code').notNull().unique(),
    createdBy: bigint('created_by', { mode: 'number' }).notNull().references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedByFarmerId: bigint('used_by_farmer_id', { mode: 'number' }).references(() => farmers.id),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('farmer_invites_coop_idx').on(t.cooperativeId, t.id)],
)

/** An uploaded photo: its key names the stored display size and thumbnail. */
export const media = pgTable(
  'media',
  {
    id: id(),
    key: text('key').notNull().unique(),
    ownerUserId: bigint('owner_user_id', { mode: 'number' }).notNull().references(() => users.id),
    /** Client-chosen id of the upload, so a retried upload does not store the photo twice. */
    uploadId: text('upload_id').notNull(),
    /** sha256 of the bytes sent, so a reused Upload-Id with other bytes is told apart from a retry (null before it was kept). */
    sourceSha256: text('source_sha256'),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('media_owner_upload_uq').on(t.ownerUserId, t.uploadId)],
)

export const shippingUploadStatusEnum = pgEnum('shipping_upload_status', ['pending', 'uploaded', 'failed'])

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
