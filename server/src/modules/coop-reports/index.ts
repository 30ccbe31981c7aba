/** The cooperative's reports module: weekly sales and poor-household impact, JSON and files. */
import type { ModuleContext } from '../../module-context'
import { createSettlementService } from '../settlements/settlement-service'
import { reportRoutes } from './report-routes'
import { createReportService } from './report-service'

export async function registerCoopReports(ctx: ModuleContext): Promise<void> {
  const reports = createReportService({ db: ctx.db, clock: ctx.clock })
  const settlements = createSettlementService({ db: ctx.db, clock: ctx.clock })
  await ctx.app.register(reportRoutes, { auth: ctx.auth, reports, settlements })
}
