/** The farmer's listing API calls. Shapes come from the server's contracts (types only). */
import type { CategoryDto } from '@contracts/catalog'
import type { ListingDto, ListingInputDto, ListingPageDto, ListingSavedDto, StockResultDto } from '@contracts/farmer-listings'
import { apiDelete, apiGet, apiPost, apiPut } from '../../../lib/request'

const BASE = '/api/v1/farmer/products'

export const fetchMyListings = (cursor: string | null = null, limit = 50) => apiGet<ListingPageDto>(BASE, { cursor, limit })
export const fetchListing = (id: number) => apiGet<ListingDto>(`${BASE}/${id}`)
export const createListing = (input: ListingInputDto) => apiPost<ListingSavedDto>(BASE, input)
export const updateListing = (id: number, input: ListingInputDto) => apiPut<ListingSavedDto>(`${BASE}/${id}`, input)
export const deleteListing = (id: number) => apiDelete(`${BASE}/${id}`)
export const pauseListing = (id: number) => apiPost<ListingDto>(`${BASE}/${id}/pause`)
export const resumeListing = (id: number) => apiPost<ListingDto>(`${BASE}/${id}/resume`)
export const markSoldOut = (id: number) => apiPost<ListingDto>(`${BASE}/${id}/sold-out`)
export const adjustStock = (specId: number, delta: number) => apiPost<StockResultDto>(`/api/v1/farmer/specs/${specId}/stock`, { delta })

export async function fetchCategories(): Promise<CategoryDto[]> {
  return (await apiGet<{ items: CategoryDto[] }>('/api/v1/categories')).items
}
