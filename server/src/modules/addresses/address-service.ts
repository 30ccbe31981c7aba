/** A buyer's saved delivery addresses (the first one, or one marked so, is the default). */
import type { Db } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import type { AddressDto, AddressInputDto } from '@contracts/orders'
import { AppError, notFound } from '../../http/errors'
import { addressesOf, clearDefault, countAddresses, deleteAddress, insertAddress, type AddressRow } from './address-repository'

const MAX_ADDRESSES = 20

const toDto = (a: AddressRow): AddressDto => ({
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
      return (await addressesOf(db, userId)).map(toDto)
    },

    async add(userId: number, input: AddressInputDto): Promise<AddressDto> {
      const row = await inTransaction(db, async (tx) => {
        const count = await countAddresses(tx, userId)
        if (count >= MAX_ADDRESSES) throw new AppError('TOO_MANY_ADDRESSES', `At most ${MAX_ADDRESSES} addresses`)
        const isDefault = input.isDefault === true || count === 0
        if (isDefault) await clearDefault(tx, userId)
        const trimmed = { name: input.name.trim(), phone: input.phone.trim(), province: input.province.trim(), city: input.city.trim(), district: input.district.trim(), detail: input.detail.trim() }
        return insertAddress(tx, { userId, ...trimmed, postalCode: input.postalCode ?? null, isDefault })
      })
      return toDto(row)
    },

    async remove(userId: number, id: number): Promise<void> {
      if (!(await deleteAddress(db, userId, id))) throw notFound('Address')
    },
  }
}

export type AddressService = ReturnType<typeof createAddressService>
