/** Payments' own endpoint: WeChat Pay's refund notifications. (Paying a checkout is order-payments'.) */
import type { FastifyPluginAsync } from 'fastify'
import { registerNotifyRoute } from './notify-route'
import { REFUND_NOTIFY_PATH, type RefundService } from './refund-service'

export const refundNotifyRoutes: FastifyPluginAsync<{ refunds: RefundService }> = async (app, { refunds }) => {
  await registerNotifyRoute(app, REFUND_NOTIFY_PATH, 'WeChat Pay refund notification (signed, encrypted)', (h, raw) => refunds.onRefundNotification(h, raw))
}
