/** The freight template API: the cooperative's default (manager) and a farmer's own override. */
import type { FarmerFreightDto, FreightTemplateBodyDto, FreightTemplateDto } from '@contracts/freight'
import { apiDelete, apiGet, apiPut } from '../../lib/request'

export const coopFreightApi = {
  /** The cooperative's default template, or null: none yet (everything ships free). */
  get: () => apiGet<FreightTemplateDto | null>('/api/v1/coop/freight-template'),
  save: (body: FreightTemplateBodyDto) => apiPut<FreightTemplateDto>('/api/v1/coop/freight-template', body),
}

export const farmerFreightApi = {
  /** Which template prices this farmer's orders, and the cooperative's default. */
  get: () => apiGet<FarmerFreightDto>('/api/v1/farmer/freight-template'),
  save: (body: FreightTemplateBodyDto) => apiPut<FarmerFreightDto>('/api/v1/farmer/freight-template', body),
  /** Back to the cooperative's template. */
  reset: () => apiDelete<FarmerFreightDto>('/api/v1/farmer/freight-template'),
}

/** The two pages that edit templates (one per subpackage). */
export const freightRoutes = {
  coop: '/coop/pages/freight/index',
  farmer: '/farmer/pages/freight/index',
} as const
