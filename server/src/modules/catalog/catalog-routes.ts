import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CategoryList, FarmerProfile, IdParams, ProductDetail, ProductPage, ProductQuery } from '@contracts/catalog'
import type { CatalogService } from './catalog-service'

const errors = { 400: { $ref: 'ErrorBody' }, 404: { $ref: 'ErrorBody' } }

export const catalogRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (app, { catalog }) => {
  app.get(
    '/api/v1/products',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Products on sale, newest first, paginated by cursor',
        querystring: ProductQuery,
        response: { 200: ProductPage, 400: errors[400] },
      },
    },
    async (request) => catalog.listProducts(request.query),
  )

  app.get(
    '/api/v1/products/:id',
    { schema: { tags: ['catalog'], summary: 'One product with its specs', params: IdParams, response: { 200: ProductDetail, ...errors } } },
    async (request) => catalog.getProduct(request.params.id),
  )

  app.get(
    '/api/v1/categories',
    { schema: { tags: ['catalog'], summary: 'Categories with the number of products on sale', response: { 200: CategoryList } } },
    async () => catalog.listCategories(),
  )

  app.get(
    '/api/v1/farmers/:id',
    { schema: { tags: ['catalog'], summary: 'A farmer’s public profile and products', params: IdParams, response: { 200: FarmerProfile, ...errors } } },
    async (request) => catalog.getFarmer(request.params.id),
  )
}
