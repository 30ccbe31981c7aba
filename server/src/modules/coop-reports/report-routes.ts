/** GET the weekly and impact reports, as JSON and as CSV / xlsx downloads (managers of the cooperative only). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ImpactReport, WeekQuery, WeeklyReport } from '@contracts/coop'
import type { AuthService } from '../auth'
import { requireCoopAdmin } from '../members'
import type { SettlementService } from '../settlements'
import { CSV_TYPE, sendFile, tablesToCsv, tablesToXlsx, XLSX_TYPE } from './report-files'
import type { ReportService } from './report-service'
import { impactTables, settlementTables, weeklyTables } from './report-tables'

const e = { $ref: 'ErrorBody' }
const errors = { 400: e, 401: e, 403: e, 404: e }
const security = [{ bearer: [] }]
const tags = ['coop reports']
const file = (summary: string, type: string) => ({
  tags,
  summary,
  security,
  querystring: WeekQuery,
  produces: [type],
  response: { 200: Type.String({ description: `${type} file` }), ...errors },
})

export const reportRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; reports: ReportService; settlements: SettlementService }> = async (
  app,
  { auth, reports, settlements },
) => {
  app.get(
    '/api/v1/coop/reports/weekly',
    { schema: { tags, summary: 'The week at a glance: totals, vs last week, by farmer / product / province, 8-week trend', security, querystring: WeekQuery, response: { 200: WeeklyReport, ...errors } } },
    async (request) => {
      const admin = await requireCoopAdmin(request, auth, request.query.cooperativeId)
      return reports.weekly(admin.cooperativeId, request.query.week)
    },
  )

  app.get(
    '/api/v1/coop/reports/impact',
    { schema: { tags, summary: 'Net sales reaching registered poor households: this week, 8 weeks, per farmer, share', security, querystring: WeekQuery, response: { 200: ImpactReport, ...errors } } },
    async (request) => {
      const admin = await requireCoopAdmin(request, auth, request.query.cooperativeId)
      return reports.impact(admin.cooperativeId, request.query.week)
    },
  )

  app.get('/api/v1/coop/reports/weekly.csv', { schema: file('The weekly report as CSV (UTF-8 with BOM)', CSV_TYPE) }, async (request, reply) => {
    const admin = await requireCoopAdmin(request, auth, request.query.cooperativeId)
    const report = await reports.weekly(admin.cooperativeId, request.query.week)
    return sendFile(reply, CSV_TYPE, { ascii: `xiangji-weekly-${report.week}.csv`, utf8: `乡集周报-${report.week}.csv` }, tablesToCsv(weeklyTables(report)))
  })

  app.get('/api/v1/coop/reports/weekly.xlsx', { schema: file('The weekly report as an Excel workbook, one sheet per breakdown', XLSX_TYPE) }, async (request, reply) => {
    const admin = await requireCoopAdmin(request, auth, request.query.cooperativeId)
    const report = await reports.weekly(admin.cooperativeId, request.query.week)
    const body = await tablesToXlsx(weeklyTables(report))
    return sendFile(reply, XLSX_TYPE, { ascii: `xiangji-weekly-${report.week}.xlsx`, utf8: `乡集周报-${report.week}.xlsx` }, body)
  })

  app.get('/api/v1/coop/reports/impact.csv', { schema: file('The poor-household impact report as CSV', CSV_TYPE) }, async (request, reply) => {
    const admin = await requireCoopAdmin(request, auth, request.query.cooperativeId)
    const report = await reports.impact(admin.cooperativeId, request.query.week)
    return sendFile(reply, CSV_TYPE, { ascii: `xiangji-impact-${report.week}.csv`, utf8: `乡集帮扶收入-${report.week}.csv` }, tablesToCsv(impactTables(report)))
  })

  app.get('/api/v1/coop/reports/settlements.csv', { schema: file('The week’s statements as CSV', CSV_TYPE) }, async (request, reply) => {
    const admin = await requireCoopAdmin(request, auth, request.query.cooperativeId)
    const list = await settlements.list(admin.cooperativeId, request.query.week)
    return sendFile(reply, CSV_TYPE, { ascii: `xiangji-settlements-${list.week}.csv`, utf8: `乡集结算单-${list.week}.csv` }, tablesToCsv(settlementTables(list)))
  })
}
