/**
 * GET the registry report (week / month / year): income reaching registered households, by
 * village and by household, as JSON (numbers masked) and as the county's xlsx (numbers in full,
 * audited as an export). The cooperative's managers only.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { RegistryReport, RegistryReportQuery } from '@contracts/households'
import type { Db } from '../../db/client'
import { sendFile, XLSX_TYPE } from '../../http/file-reply'
import type { AuthService } from '../auth'
import { requireCoopAdmin } from '../members'
import { createRegistryReportService } from './registry-report-service'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e }
const security = [{ bearer: [] }]
const tags = ['households']

export const registryReportRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; db: Db; clock: () => Date }> = async (app, { auth, db, clock }) => {
  const reports = createRegistryReportService({ db, clock })

  app.get(
    '/api/v1/coop/reports/households',
    {
      schema: {
        tags,
        summary: 'Income reaching registered households in a week, month or year (status on the day of each sale), by village and household',
        security,
        querystring: RegistryReportQuery,
        response: { 200: RegistryReport, ...errors },
      },
    },
    async (request) => reports.report((await requireCoopAdmin(request, auth)).cooperativeId, request.query.period, request.query.at),
  )

  app.get(
    '/api/v1/coop/reports/households.xlsx',
    {
      schema: {
        tags,
        summary: 'The same figures as an xlsx in the documented layout, with full registry numbers, who exported it and when (audited)',
        security,
        querystring: RegistryReportQuery,
        produces: [XLSX_TYPE],
        response: { 200: Type.String({ description: `${XLSX_TYPE} file` }), ...errors },
      },
    },
    async (request, reply) => {
      const { data, body } = await reports.export(await requireCoopAdmin(request, auth), request.query.period, request.query.at)
      return sendFile(reply, XLSX_TYPE, { ascii: `xiangji-households-${data.at}.xlsx`, utf8: `乡集帮扶户收入-${data.at}.xlsx` }, body)
    },
  )
}
