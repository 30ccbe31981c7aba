/** Freight use cases: the manager's cooperative template, and a farmer's view and override. No HTTP here. */
import type { FarmerFreightDto, FreightTemplateBodyDto, FreightTemplateDto } from '@contracts/freight'
import type { Db } from '../../db/client'
import { inTransaction } from '../../db/transaction'
import { notFound } from '../../http/errors'
import { farmerOfUser } from '../members'
import { deleteFarmerTemplate, templateOf } from './freight-repository'
import { saveTemplate } from './freight-writes'

export interface FreightDeps {
  db: Db
  clock: () => Date
}

export function createFreightService({ db, clock }: FreightDeps) {
  async function farmerOf(userId: number) {
    const farmer = await farmerOfUser(db, userId)
    if (!farmer) throw notFound('Farmer')
    return farmer
  }

  /** Which template prices this farmer's parcels, and their cooperative's default beside it. */
  async function farmerFreight(farmer: { id: number; cooperativeId: number }): Promise<FarmerFreightDto> {
    const [own, cooperativeDefault] = await Promise.all([
      templateOf(db, { cooperativeId: farmer.cooperativeId, farmerId: farmer.id }),
      templateOf(db, { cooperativeId: farmer.cooperativeId, farmerId: null }),
    ])
    if (own) return { applies: own, source: 'own', cooperativeDefault }
    return { applies: cooperativeDefault, source: cooperativeDefault ? 'cooperative' : 'none', cooperativeDefault }
  }

  return {
    /** The cooperative's default template, or null (its farmers without their own ship free). */
    coopTemplate(cooperativeId: number): Promise<FreightTemplateDto | null> {
      return templateOf(db, { cooperativeId, farmerId: null })
    },

    saveCoopTemplate(cooperativeId: number, body: FreightTemplateBodyDto): Promise<FreightTemplateDto> {
      return inTransaction(db, (tx) => saveTemplate(tx, { cooperativeId, farmerId: null }, body, clock()))
    },

    async farmerFreight(userId: number): Promise<FarmerFreightDto> {
      return farmerFreight(await farmerOf(userId))
    },

    async saveFarmerTemplate(userId: number, body: FreightTemplateBodyDto): Promise<FarmerFreightDto> {
      const farmer = await farmerOf(userId)
      await inTransaction(db, (tx) => saveTemplate(tx, { cooperativeId: farmer.cooperativeId, farmerId: farmer.id }, body, clock()))
      return farmerFreight(farmer)
    },

    /** Back to the cooperative's template (nothing to do when the farmer has no own one). */
    async clearFarmerTemplate(userId: number): Promise<FarmerFreightDto> {
      const farmer = await farmerOf(userId)
      await deleteFarmerTemplate(db, farmer.id)
      return farmerFreight(farmer)
    },
  }
}

export type FreightService = ReturnType<typeof createFreightService>
