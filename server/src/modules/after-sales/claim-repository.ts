/** SQL for claims and claim_lines (the tables after-sales owns), and the reads of farmers it needs. */
import { and, asc, desc, eq, inArray, lt, notInArray } from 'drizzle-orm'
import { CLAIM_FINAL, type ClaimStatus } from '@domain/claim-states'
import type { Executor } from '../../db/client'
import { claimLines, claims, farmers } from '../../db/schema'

export type ClaimRow = typeof claims.$inferSelect
export type ClaimLineRow = typeof claimLines.$inferSelect
export type NewClaim = Omit<typeof claims.$inferInsert, 'id'>
export type ClaimChange = Partial<
  Pick<ClaimRow, 'status' | 'offeredFen' | 'farmerNote' | 'settledFen' | 'borneBy' | 'managerNote' | 'decidedBy' | 'escalatedAt' | 'closedAt' | 'updatedAt'>
>

/** Whose claims a list shows: a farmer's (on their orders) or a cooperative's. */
export type ClaimScope = { farmerId: number } | { cooperativeId: number }

export async function findClaim(db: Executor, id: number, lock = false): Promise<ClaimRow | null> {
  const query = db.select().from(claims).where(eq(claims.id, id))
  const [row] = lock ? await query.for('update') : await query
  return row ?? null
}

export async function findClaimByKey(db: Executor, buyerId: number, key: string): Promise<ClaimRow | null> {
  const [row] = await db.select().from(claims).where(and(eq(claims.buyerId, buyerId), eq(claims.idempotencyKey, key)))
  return row ?? null
}

/** A new claim, or null when this buyer's Idempotency-Key was taken meanwhile. */
export async function insertClaim(db: Executor, values: NewClaim): Promise<ClaimRow | null> {
  const [row] = await db.insert(claims).values(values).onConflictDoNothing({ target: [claims.buyerId, claims.idempotencyKey] }).returning()
  return row ?? null
}

export async function insertClaimLines(db: Executor, rows: Omit<ClaimLineRow, 'id'>[]): Promise<ClaimLineRow[]> {
  if (rows.length === 0) return []
  return db.insert(claimLines).values(rows).returning()
}

export async function linesOf(db: Executor, claimIds: number[]): Promise<ClaimLineRow[]> {
  if (claimIds.length === 0) return []
  return db.select().from(claimLines).where(inArray(claimLines.claimId, claimIds)).orderBy(asc(claimLines.id))
}

/** Which of these order lines an open claim (not accepted, decided or withdrawn) already covers. */
export async function linesWithOpenClaim(db: Executor, orderItemIds: number[]): Promise<Set<number>> {
  if (orderItemIds.length === 0) return new Set()
  const rows = await db
    .select({ orderItemId: claimLines.orderItemId })
    .from(claimLines)
    .innerJoin(claims, eq(claims.id, claimLines.claimId))
    .where(and(inArray(claimLines.orderItemId, orderItemIds), notInArray(claims.status, [...CLAIM_FINAL])))
  return new Set(rows.map((r) => r.orderItemId))
}

/** Changes a claim still in `from` (the caller holds its lock); null if it moved on meanwhile. */
export async function updateClaim(db: Executor, id: number, from: ClaimStatus, set: ClaimChange): Promise<ClaimRow | null> {
  const [row] = await db
    .update(claims)
    .set(set)
    .where(and(eq(claims.id, id), eq(claims.status, from)))
    .returning()
  return row ?? null
}

export async function claimsOfOrder(db: Executor, orderId: number): Promise<ClaimRow[]> {
  return db.select().from(claims).where(eq(claims.orderId, orderId)).orderBy(desc(claims.id))
}

/** A page of a farmer's or a cooperative's claims, newest first, before a claim id. */
export async function claimPage(db: Executor, scope: ClaimScope, status: ClaimStatus | undefined, beforeId: number | undefined, limit: number): Promise<ClaimRow[]> {
  const owner = 'farmerId' in scope ? eq(claims.farmerId, scope.farmerId) : eq(claims.cooperativeId, scope.cooperativeId)
  return db
    .select()
    .from(claims)
    .where(and(owner, status ? eq(claims.status, status) : undefined, beforeId ? lt(claims.id, beforeId) : undefined))
    .orderBy(desc(claims.id))
    .limit(limit)
}

export interface ClaimFarmer {
  id: number
  userId: number | null
  cooperativeId: number
  name: string
  village: string
}

/** Farmers by id (members lets others read id, user_id, cooperative_id, name, village). */
export async function farmersByIds(db: Executor, ids: number[]): Promise<Map<number, ClaimFarmer>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ id: farmers.id, userId: farmers.userId, cooperativeId: farmers.cooperativeId, name: farmers.name, village: farmers.village })
    .from(farmers)
    .where(inArray(farmers.id, [...new Set(ids)]))
  return new Map(rows.map((r) => [r.id, r]))
}
