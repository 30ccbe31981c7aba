/**
 * Checkout preview and order placement. Placement is idempotent per (buyer, Idempotency-Key):
 * the same key and body return the first result, another body is a 409. Within one
 * transaction it locks the specs in id order, prices the cart from those rows and each farmer's
 * freight template (the address's province), refuses a farmer who does not ship there before
 * any stock is taken, takes the stock with one conditional update, and writes one order per
 * farmer with its events. The preview prices with the same function and the same rows.
 */
import crypto from 'node:crypto'
import type { Db, Executor } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { UNIQUE_VIOLATION, pgErrorCode } from '../../db/pg-errors'
import type { CartLineDto, CheckoutDto, CheckoutPreviewDto } from '@contracts/orders'
import { AppError, notFound } from '../../http/errors'
import { checkoutOf, summariesOf, toCheckout } from './order-mapper'
import { newCheckoutNo, orderNo } from './order-numbers'
import {
  buyerAddress,
  earlierCheckoutAndAddress,
  findCheckoutByKey,
  insertCheckout,
  insertItemsWithEvents,
  insertOrders,
  ordersOfCheckout,
  type CheckoutRow,
  specsForSale,
} from './order-repository'
import { reserveStock } from '../stock'
import { templatesForFarmers } from '../freight'
import { mergeLines, priceCart, type CartLine, type SpecForSale } from './pricing'

export const EXPIRE_CHECKOUT_JOB = 'expire_checkout'

export interface PlaceOrderInput {
  buyerId: number
  idempotencyKey: string
  items: CartLineDto[]
  addressId: number
  note?: string
}

/** Thrown inside the transaction when another request with the same key won the race. */
class SameKeyPlaced extends Error {}

function requestHash(input: PlaceOrderInput): string {
  const canonical = JSON.stringify({ items: mergeLines(input.items), addressId: input.addressId, note: input.note?.trim() ?? '' })
  return crypto.createHash('sha256').update(canonical).digest('hex')
}

export interface PlacementDeps {
  db: Db
  clock: () => Date
  payWindowMinutes: number
}

/** Prices the cart from these spec rows and their farmers' effective templates, read through `ex` (placement: its transaction). */
async function priceWithFreight(ex: Executor, lines: CartLine[], specs: Map<number, SpecForSale>, province: string | null): Promise<CheckoutPreviewDto> {
  const templates = await templatesForFarmers(ex, [...new Set([...specs.values()].map((s) => s.farmer.id))])
  return priceCart(lines, specs, { templates, province })
}

export function createPlacementService({ db, clock, payWindowMinutes }: PlacementDeps) {
  /** The first placement's answer for this key, or a 409 if it was made with another body. */
  async function answerAgain(existing: CheckoutRow, hash: string): Promise<{ checkout: CheckoutDto; created: boolean }> {
    if (existing.requestHash !== hash) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different order')
    }
    return { checkout: await toCheckout(db, existing, await ordersOfCheckout(db, existing.id)), created: false }
  }

  async function replay(input: PlaceOrderInput, hash: string): Promise<{ checkout: CheckoutDto; created: boolean } | null> {
    const existing = await findCheckoutByKey(db, input.buyerId, input.idempotencyKey)
    return existing ? answerAgain(existing, hash) : null
  }

  return {
    /** The cart priced for this buyer, by the province of one of their addresses when given (else the fallback zones). */
    async preview(buyerId: number, items: CartLineDto[], addressId?: number): Promise<CheckoutPreviewDto> {
      const address = addressId === undefined ? null : await buyerAddress(db, buyerId, addressId)
      if (addressId !== undefined && !address) throw new AppError('ADDRESS_NOT_FOUND', 'Address not found')
      const specs = await specsForSale(db, mergeLines(items).map((l) => l.specId))
      return priceWithFreight(db, items, specs, address?.province ?? null)
    },

    async place(input: PlaceOrderInput): Promise<{ checkout: CheckoutDto; created: boolean }> {
      const hash = requestHash(input)
      // A replay wins even if the address has gone since.
      const { earlier, address } = await earlierCheckoutAndAddress(db, input.buyerId, input.idempotencyKey, input.addressId)
      if (earlier) return answerAgain(earlier, hash)
      if (!address) throw new AppError('ADDRESS_NOT_FOUND', 'Address not found')
      const lines = mergeLines(input.items)
      const now = clock()
      const expiresAt = new Date(now.getTime() + payWindowMinutes * 60_000)

      try {
        const checkout = await inTransaction(db, async (tx) => {
          const specs = await specsForSale(tx, lines.map((l) => l.specId), true)
          const unknown = lines.find((l) => !specs.has(l.specId))
          if (unknown) throw notFound(`Spec ${unknown.specId}`)
          const priced = await priceWithFreight(tx, lines, specs, address.province)
          const notServed = priced.groups.find((g) => g.freight.notServed)
          if (notServed) {
            throw new AppError('PROVINCE_NOT_SERVED', `${notServed.farmer.name} does not ship to ${notServed.freight.province ?? address.province}`)
          }
          const problem = priced.groups.flatMap((g) => g.lines).find((l) => l.problem !== null)
          if (problem) {
            throw problem.problem === 'UNAVAILABLE'
              ? new AppError('PRODUCT_UNAVAILABLE', `${problem.title} is not on sale`)
              : new AppError('INSUFFICIENT_STOCK', `Only ${problem.stock} left of ${problem.title} ${problem.specName}`)
          }

          const checkoutNo = newCheckoutNo(now)
          const created = await insertCheckout(tx, { checkoutNo, buyerId: input.buyerId, idempotencyKey: input.idempotencyKey, requestHash: hash, totalFen: priced.totalFen, expiresAt, createdAt: now })
          if (!created) throw new SameKeyPlaced()

          const reserved = await reserveStock(tx, lines)
          if (reserved.size !== lines.length) throw new AppError('INSUFFICIENT_STOCK', 'Not enough stock left')

          const { id: _id, isDefault: _d, userId: _u, createdAt: _c, postalCode, ...snapshot } = address
          const orderRows = await insertOrders(
            tx,
            priced.groups.map((g, i) => ({
              orderNo: orderNo(checkoutNo, i),
              checkoutId: created.id,
              buyerId: input.buyerId,
              farmerId: g.farmer.id,
              itemsFen: g.itemsFen,
              shippingFen: g.shippingFen,
              totalFen: g.totalFen,
              address: { ...snapshot, ...(postalCode ? { postalCode } : {}) },
              note: input.note?.trim() ?? '',
              expiresAt,
              createdAt: now,
              updatedAt: now,
            })),
          )
          const orderIdOfFarmer = new Map(orderRows.map((o) => [o.farmerId, o.id]))
          const itemRows = await insertItemsWithEvents(
            tx,
            priced.groups.flatMap((g) =>
              g.lines.map((l) => ({
                orderId: orderIdOfFarmer.get(g.farmer.id)!,
                productId: l.productId,
                specId: l.specId,
                title: l.title,
                specName: l.specName,
                unit: l.unit,
                netWeightG: l.netWeightG,
                unitPriceFen: l.unitPriceFen,
                quantity: l.quantity,
                lineTotalFen: l.lineTotalFen,
              })),
            ),
            orderRows.map((o) => ({ orderId: o.id, fromStatus: null, toStatus: 'pending_payment' as const, actor: 'buyer', actorUserId: input.buyerId, reason: '下单', createdAt: now })),
            { kind: EXPIRE_CHECKOUT_JOB, dedupeKey: `expire:checkout:${created.id}`, payload: { checkoutId: created.id }, runAt: expiresAt },
          )
          const farmerOf = new Map(priced.groups.map((g) => [g.farmer.id, g.farmer]))
          return checkoutOf(created, summariesOf(orderRows, itemRows, farmerOf))
        })
        return { checkout, created: true }
      } catch (err) {
        if (err instanceof SameKeyPlaced || pgErrorCode(err) === UNIQUE_VIOLATION) {
          const winner = await replay(input, hash)
          if (winner) return winner
        }
        throw err
      }
    },
  }
}

export type PlacementService = ReturnType<typeof createPlacementService>
