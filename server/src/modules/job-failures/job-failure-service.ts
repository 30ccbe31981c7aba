/** One page of a cooperative's failed jobs, newest first, with what each was for (no HTTP here). */
import type { FailedJobPageDto } from '@contracts/jobs'
import type { Db } from '../../db/client'
import { decodeCursor, encodeCursor } from '../catalog'
import { failedJobsOf } from './job-failure-repository'
import { jobLabel } from './job-labels'

export async function failedJobsPage(db: Db, cooperativeId: number, { cursor, limit }: { cursor?: string; limit: number }): Promise<FailedJobPageDto> {
  const before = cursor === undefined ? undefined : decodeCursor(cursor)
  const rows = await failedJobsOf(db, cooperativeId, before, limit + 1)
  const page = rows.slice(0, limit)
  return {
    items: page.map((r) => ({ ...r, what: jobLabel(r.kind), createdAt: r.createdAt.toISOString(), failedAt: r.failedAt.toISOString() })),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
  }
}
