import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { IdParams } from '@contracts/catalog'
import { Address, AddressInput, AddressList } from '@contracts/orders'
import { requireUser } from '../../http/auth-guard'
import type { AuthService } from '../auth'
import type { AddressService } from './address-service'

const errors = { 400: { $ref: 'ErrorBody' }, 401: { $ref: 'ErrorBody' }, 404: { $ref: 'ErrorBody' }, 409: { $ref: 'ErrorBody' } }
const security = [{ bearer: [] }]

export const addressRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; addresses: AddressService }> = async (app, { auth, addresses }) => {
  app.get('/api/v1/addresses', { schema: { tags: ['addresses'], summary: 'My saved addresses', security, response: { 200: AddressList, ...errors } } }, async (request) => {
    const user = await requireUser(request, auth)
    return { items: await addresses.list(user.id) }
  })

  app.post(
    '/api/v1/addresses',
    { schema: { tags: ['addresses'], summary: 'Save an address', security, body: AddressInput, response: { 201: Address, ...errors } } },
    async (request, reply) => {
      const user = await requireUser(request, auth)
      return reply.status(201).send(await addresses.add(user.id, request.body))
    },
  )

  app.delete(
    '/api/v1/addresses/:id',
    { schema: { tags: ['addresses'], summary: 'Delete a saved address', security, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const user = await requireUser(request, auth)
      await addresses.remove(user.id, request.params.id)
      return reply.status(204).send(null)
    },
  )
}
