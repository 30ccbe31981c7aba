/**
 * Paying a checkout, and asking to be told when it ships.
 *
 * weapp: the server's prepay parameters go to `Taro.requestPayment`. Its success is not proof
 * of payment: the pay-result page asks the server (which asks WeChat Pay) afterwards.
 * H5 (sandbox only): the browser goes to the sandbox cashier, which comes back to the
 * pay-result page by itself.
 *
 * Subscribe messages (weapp only) must be requested from a user's tap, so the template id is
 * fetched ahead (`prefetchSubscribeTemplates` when a page that can pay loads) and
 * `askShippedSubscription` is the first thing a pay button's tap handler calls.
 */
import Taro from '@tarojs/taro'
import type { PayResultDto } from '@contracts/orders'
import { isH5, isWeapp } from './env'
import { apiGet, apiPost } from './request'

type Answer = 'accept' | 'reject' | 'ban' | 'filter'
const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter']

let shippedTemplate: string | null = null
let templatesLoading: Promise<void> | null = null

/** weapp: loads the "order shipped" template id once, so a later tap can ask without waiting. */
export function prefetchSubscribeTemplates(): void {
  if (!isWeapp || shippedTemplate || templatesLoading) return
  templatesLoading = apiGet<{ orderShipped?: string }>('/api/v1/subscriptions/templates')
    .then((t) => {
      shippedTemplate = typeof t?.orderShipped === 'string' && t.orderShipped ? t.orderShipped : null
    })
    .catch(() => undefined)
    .finally(() => {
      templatesLoading = null
    })
}

/** The template answers in WeChat's result, e.g. `{errMsg, "<id>": "accept"}`. */
function answersFrom(result: unknown, tmplIds: readonly string[]): Record<string, Answer> {
  const answers: Record<string, Answer> = {}
  const r = (result ?? {}) as Record<string, unknown>
  for (const id of tmplIds) {
    const v = r[id]
    if (typeof v === 'string' && ANSWERS.includes(v)) answers[id] = v as Answer
  }
  return answers
}

/**
 * weapp: asks the buyer whether they want a message when the order ships, and records the
 * answer at the server (in the background). Call it first thing in a tap handler. Never throws;
 * resolves once the buyer has answered (or at once on H5 / when the template is not known yet).
 */
export async function askShippedSubscription(): Promise<void> {
  if (!isWeapp || !shippedTemplate) return
  const tmplIds = [shippedTemplate]
  let result: unknown
  try {
    // Taro's typing wants Alipay's entityIds as well; WeChat takes tmplIds only.
    result = await Taro.requestSubscribeMessage({ tmplIds } as unknown as Taro.requestSubscribeMessage.Option)
  } catch {
    return // switched off, banned, network: paying goes on
  }
  const answers = answersFrom(result, tmplIds)
  if (Object.keys(answers).length > 0) {
    apiPost<void>('/api/v1/subscriptions', { answers }).catch(() => undefined)
  }
}

/**
 * - completed: the buyer went through WeChat's cashier (not proof of payment: ask the server)
 * - cancelled: the buyer closed the cashier
 * - failed: WeChat refused to open the cashier
 * - redirected: H5, the browser is on its way to the sandbox cashier
 * - unsupported: H5 outside the sandbox: paying needs WeChat
 */
export type PayOutcome = 'completed' | 'cancelled' | 'failed' | 'redirected' | 'unsupported'

/** Asks the server for the prepay parameters, then opens the cashier. API errors are thrown. */
export async function payCheckout(checkoutId: number): Promise<PayOutcome> {
  const pay = await apiPost<PayResultDto>(`/api/v1/checkouts/${checkoutId}/pay`)
  if (isH5) {
    if (!pay.sandboxCashierUrl) return 'unsupported'
    // replace: "back" from the cashier should not land on a checkout that was already submitted.
    window.location.replace(pay.sandboxCashierUrl)
    return 'redirected'
  }
  const p = pay.requestPayment
  try {
    await Taro.requestPayment({
      timeStamp: p.timeStamp,
      nonceStr: p.nonceStr,
      package: p.package,
      signType: p.signType,
      paySign: p.paySign,
    })
    return 'completed'
  } catch (err) {
    const msg = String((err as { errMsg?: unknown } | null)?.errMsg ?? '')
    return /cancel/i.test(msg) ? 'cancelled' : 'failed'
  }
}
