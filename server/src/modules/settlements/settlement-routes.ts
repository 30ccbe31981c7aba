/** Statements: the week's list, confirm, record payment (managers); a farmer's own statements. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FarmerStatements, PayBody, Statement, StatementList, StatementParams, WeekQuery } from '@contracts/coop'
import { requireRole } from '../../http/auth-guard'
import type { AuthService } from '../auth'
import { requireCoopAdmin } from '../members'
import type { SettlementService } from './settlement-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e, 409: e }
const security = [{ bearer: [] }]
const tags = ['settlements']

export const settlementRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; settlements: SettlementService }> = async (app, { auth, settlements }) => {
  app.get(
    '/api/v1/coop/settlements',
    { schema: { tags, summary: 'The week’s statement for every member with sales: live drafts, confirmed and paid ones as stored', security, querystring: WeekQuery, response: { 200: StatementList, ...errors } } },
    async (request) => {
      const admin = await requireCoopAdmin(request, auth, request.query.cooperativeId)
      return settlements.list(admin.cooperativeId, request.query.week)
    },
  )

  app.post(
    '/api/v1/coop/settlements/:farmerId/:week/confirm',
    { schema: { tags, summary: 'Freeze a finished week’s statement (idempotent; a confirmed statement never changes)', security, params: StatementParams, response: { 200: Statement, ...errors } } },
    async (request) => settlements.confirm(await requireCoopAdmin(request, auth), request.params.farmerId, request.params.week),
  )

  app.post(
    '/api/v1/coop/settlements/:farmerId/:week/pay',
    { schema: { tags, summary: 'Record the transfer of a confirmed statement: confirmed → paid', security, params: StatementParams, body: PayBody, response: { 200: Statement, ...errors } } },
    async (request) => settlements.pay(await requireCoopAdmin(request, auth), request.params.farmerId, request.params.week, request.body.paymentRef),
  )

  app.get(
    '/api/v1/farmer/statements',
    { schema: { tags, summary: 'My statements as a farmer: confirmed and paid ones, and drafts of recent weeks', security, response: { 200: FarmerStatements, ...errors } } },
    async (request) => settlements.ofFarmerUser((await requireRole(request, auth, 'farmer')).id),
  )
}
