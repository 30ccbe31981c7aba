/**
 * The households module: which member farmer is which household of the county's
 * poverty-alleviation registry (户编号, 户主), the history of its status (在册 · 已脱贫 · 监测户),
 * the county lists a manager imports and confirms, the registry report, and the audit log.
 *
 * Owns (the only writer of) household_periods, household_imports, household_column_mappings and
 * registry_audit. Other modules may read household_periods: farmer_id, status, started_on,
 * ended_on (never registry_no or head_name: personal information shown only to the cooperative's
 * managers, through this module's routes).
 * Income reaching a registered household (the registry report and coop-reports' impact report,
 * through `registeredIncome`): a sale counts when the household's status on the China day of the
 * sale is 在册 or 监测户; income is goods sold minus the refunds the farmer bore, each refund in the
 * period it succeeded, counted only if its sale counted (refunds follow their sale).
 * Depends on members (the farmers, the signed-in manager) and settlements (refundsBetween), and
 * reads the sales rollup (sales_daily).
 */
import type { ModuleContext } from '../../module-context'
import { householdRoutes } from './household-routes'
import { createHouseholdService } from './household-service'
import { registryAuditRoutes } from './registry-audit-routes'
import { importRoutes } from './import-routes'
import { registryReportRoutes } from './registry-report-routes'

export { insertHouseholdPeriods, type NewHouseholdPeriod } from './household-inserts'
export { registeredIncome, type FarmerWeekIncome, type IncomeSums } from './registry-report-service'
export { onRegisterDuring, periodsOfCooperative } from './registry-report-repository'
export { REGISTRY_RULES } from './registry-report-xlsx'

/** Mounts the module's routes: members' households, the audit log, county-list imports, the registry report. */
export async function registerHouseholds(ctx: ModuleContext): Promise<void> {
  const opts = { auth: ctx.auth, db: ctx.db, clock: ctx.clock }
  await ctx.app.register(householdRoutes, { auth: ctx.auth, households: createHouseholdService(opts) })
  await ctx.app.register(registryAuditRoutes, opts)
  await ctx.app.register(importRoutes, opts)
  await ctx.app.register(registryReportRoutes, opts)
}
