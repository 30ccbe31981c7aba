/**
 * Job failures: the cooperative manager's list of durable jobs (server/src/jobs) that ended
 * failed after their kind's last attempt (job-policy.ts), each with what it was for (in Chinese),
 * its order and the last error. Reads jobs, orders (id, order_no, farmer_id), farmers
 * (cooperative_id), refunds (id, order_id) and claims (id, order_id); writes nothing.
 * Depends on members (the signed-in manager), catalog (the page cursor) and auth.
 */
import type { ModuleContext } from '../../module-context'
import { jobFailureRoutes } from './job-failure-routes'

export { LABELLED_KINDS } from './job-labels'

export async function registerJobFailures(ctx: ModuleContext): Promise<void> {
  await ctx.app.register(jobFailureRoutes, { auth: ctx.auth, db: ctx.db })
}
