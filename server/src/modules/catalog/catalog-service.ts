/** Catalogue use cases: browse, search, product and farmer pages. No HTTP here. */
import { chinaDate } from '@domain/china-time'
import { inWindow } from '@domain/dates'
import { LIMITS } from '@domain/limits'
import type {
  CategoryDto,
  FarmerProfileDto,
  ProductCardDto,
  ProductDetailDto,
  ProductPageDto,
  ProductQueryDto,
} from '@contracts/catalog'
import { notFound } from '../../http/errors'
import { optionalPhoto, photoUrls } from '../media'
import type { CatalogRepository, ProductRow, SpecRow } from './catalog-repository'
import { decodeCursor, encodeCursor } from './cursor'

const FARMER_PAGE_PRODUCTS = 50

function toCard(row: ProductRow, specs: SpecRow[], today: string): ProductCardDto {
  const cheapest = specs.reduce<SpecRow | undefined>((min, s) => (!min || s.priceFen < min.priceFen ? s : min), undefined)
  return {
    id: row.id,
    title: row.title,
    origin: row.origin,
    categoryId: row.categoryId,
    cover: optionalPhoto(row.photos[0]),
    priceFromFen: cheapest?.priceFen ?? 0,
    priceUnit: cheapest?.unit ?? '斤',
    specCount: specs.length,
    status: row.status,
    inSeason: inWindow(today, row.harvestStart, row.harvestEnd),
    harvestStart: row.harvestStart,
    harvestEnd: row.harvestEnd,
    shipsFrom: row.shipsFrom,
    farmer: { id: row.farmer.id, name: row.farmer.name, village: row.farmer.village, photo: optionalPhoto(row.farmer.photoKey) },
    cooperative: row.cooperative,
  }
}

function groupSpecs(specs: SpecRow[]): Map<number, SpecRow[]> {
  const byProduct = new Map<number, SpecRow[]>()
  for (const s of specs) byProduct.set(s.productId, [...(byProduct.get(s.productId) ?? []), s])
  return byProduct
}

export function createCatalogService(repo: CatalogRepository, clock: () => Date = () => new Date()) {
  async function cards(rows: ProductRow[], today: string): Promise<ProductCardDto[]> {
    const specs = groupSpecs(await repo.specsOf(rows.map((r) => r.id)))
    return rows.map((row) => toCard(row, specs.get(row.id) ?? [], today))
  }

  return {
    async listProducts(query: ProductQueryDto): Promise<ProductPageDto> {
      const limit = query.limit ?? LIMITS.pageSizeDefault
      const today = chinaDate(clock())
      const rows = await repo.listProducts(
        {
          category: query.category,
          cooperativeId: query.cooperative,
          farmerId: query.farmer,
          q: query.q?.trim() || undefined,
          inSeason: query.inSeason,
          today,
          beforeId: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
        },
        limit + 1,
      )
      const page = rows.slice(0, limit)
      return {
        items: await cards(page, today),
        nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
      }
    },

    async getProduct(id: number): Promise<ProductDetailDto> {
      const row = await repo.findProduct(id)
      if (!row) throw notFound('Product')
      const [specs, freight] = await Promise.all([repo.specsOf([id]), repo.freightOf(row.farmer.id)])
      const card = toCard(row, specs, chinaDate(clock()))
      return {
        ...card,
        description: row.description,
        photos: row.photos.map(photoUrls),
        specs: specs.map((s) => ({ id: s.id, name: s.name, priceFen: s.priceFen, unit: s.unit, netWeightG: s.netWeightG, stock: s.stock })),
        farmer: { ...card.farmer, story: row.farmer.story },
        shipping: {
          shipsFrom: freight?.shipsFrom || `${row.cooperative.province}${row.cooperative.county}`,
          notServed: freight?.notServed ?? [],
          freeFromFen: freight?.freeFromFen ?? null,
          servicePhone: row.servicePhone,
        },
      }
    },

    async getFarmer(id: number): Promise<FarmerProfileDto> {
      const farmer = await repo.findFarmer(id)
      if (!farmer) throw notFound('Farmer')
      const today = chinaDate(clock())
      const rows = await repo.listProducts({ farmerId: id, today }, FARMER_PAGE_PRODUCTS)
      return {
        id: farmer.id,
        name: farmer.name,
        village: farmer.village,
        story: farmer.story,
        photo: optionalPhoto(farmer.photoKey),
        cooperative: farmer.cooperative,
        products: await cards(rows, today),
      }
    },

    async listCategories(): Promise<{ items: CategoryDto[] }> {
      return { items: await repo.listCategories() }
    },
  }
}

export type CatalogService = ReturnType<typeof createCatalogService>
