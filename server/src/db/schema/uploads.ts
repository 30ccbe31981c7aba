/** Uploaded photos. Written only by modules/uploads. */
import { bigint, customType, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { users } from './auth'

/** PostgreSQL bytea as a Node Buffer (drizzle 0.45 has no bytea column of its own). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
})

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

/**
 * The stored bytes of each media key (display size and thumbnail), when the media store is the
 * database: any instance on the same PostgreSQL serves every photo. sha256 is the ETag.
 */
export const mediaFiles = pgTable('media_files', {
  key: text('key').primaryKey(),
  contentType: text('content_type').notNull(),
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: createdAt(),
})
