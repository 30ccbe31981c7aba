/** A buyer's saved delivery addresses (the first one, or one marked so, is the default). */
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { addresses } from '../../db/schema'
import type { AddressDto, AddressInputDto } from '@contracts/orders'
import { AppError, notFound } from '../../http/errors'

const MAX_ADDRESSES = 20

const toDto = (a: typeof addresses.$inferSelect): AddressDto => ({
  id: a.id,
  name: a.name,
  phone: a.phone,
  province: a.province,
  city: a.city,
  district: a.district,
  detail: a.detail,
  postalCode: a.postalCode,
  isDefault: a.isDefault,
})

export function createAddressService(db: Db) {
  return {
    async list(userId: number): Promise<AddressDto[]> {
      const rows = await db.select().from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.isDefault), desc(addresses.id))
      return rows.map(toDto)
    },

    async add(userId: number, input: AddressInputDto): Promise<AddressDto> {
      const row = await inTransaction(db, async (tx) => {
        const [{ count }] = await tx.select({ count: sql<number>`cast(count(*) as int)` }).from(addresses).where(eq(addresses.userId, userId))
        if (count >= MAX_ADDRESSES) throw new AppError('TOO_MANY_ADDRESSES', `At most ${MAX_ADDRESSES} addresses`)
        const isDefault = input.isDefault === true || count === 0
        if (isDefault) await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId))
        const trimmed = { name: input.name.trim(), phone: input.phone.trim(), province: input.province.trim(), city: input.city.trim(), district: input.district.trim(), detail: input.detail.trim() }
        const [created] = await tx.insert(addresses).values({ userId, ...trimmed, postalCode: input.postalCode ?? null, isDefault }).returning()
        return created
      })
      return toDto(row)
    },

    async remove(userId: number, id: number): Promise<void> {
      const deleted = await db.delete(addresses).where(and(eq(addresses.id, id), eq(addresses.userId, userId))).returning({ id: addresses.id })
      if (deleted.length === 0) throw notFound('Address')
    },
  }
}

export type AddressService = ReturnType<typeof createAddressService>
