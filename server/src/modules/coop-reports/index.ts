/**
 * The cooperative's reports module: weekly sales and poor-household impact, JSON and files
 * (and the statements of a week as a file, from the settlements service it is given).
 *
 * Writes no table. Reads the rollup (sales-rollup's tables) and the names of farmers, products
 * and specs, and a week's refunds by kind through settlements' `weekRefunds` (the statements'
 * rule). Top of the cooperative side: sales-rollup ← members ← settlements ← coop-reports.
 */
import type { ModuleContext } from '../../module-context'
import type { SettlementService } from '../settlements'
import { reportRoutes } from './report-routes'
import { createReportService } from './report-service'

export { createReportService, type ReportService } from './report-service'

export async function registerCoopReports(ctx: ModuleContext, { settlements }: { settlements: SettlementService }): Promise<void> {
  const reports = createReportService({ db: ctx.db, clock: ctx.clock })
  await ctx.app.register(reportRoutes, { auth: ctx.auth, reports, settlements })
}
