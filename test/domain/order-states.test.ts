/** The order machine: what each actor may do in each status, the buyer's buttons, and transition(). */
import {
  actionsFor,
  buyerActions,
  buyerCancelRefunds,
  ORDER_STATUSES,
  transition,
  TransitionError,
  type Actor,
  type OrderAction,
  type OrderStatus,
} from '@domain/order-states'

const ACTORS: readonly Actor[] = ['buyer', 'farmer', 'system', 'wechat_pay']

/** Every status × actor, written out by hand (not derived from the table it checks). */
const EXPECTED: Record<OrderStatus, Record<Actor, OrderAction[]>> = {
  pending_payment: { buyer: ['pay', 'cancel'], farmer: [], system: ['expire'], wechat_pay: ['pay'] },
  paid: { buyer: ['refund'], farmer: ['ship'], system: ['refund'], wechat_pay: [] },
  shipped: { buyer: ['confirm_receipt'], farmer: [], system: ['auto_confirm'], wechat_pay: [] },
  received: { buyer: [], farmer: [], system: [], wechat_pay: [] },
  cancelled: { buyer: [], farmer: [], system: [], wechat_pay: [] },
  refunded: { buyer: [], farmer: [], system: [], wechat_pay: [] },
}

describe('actionsFor', () => {
  it('covers every status', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ORDER_STATUSES].sort())
  })

  const cases = ORDER_STATUSES.flatMap((status) => ACTORS.map((actor) => [status, actor, EXPECTED[status][actor]] as const))
  it.each(cases)('%s as %s → %j', (status, actor, expected) => {
    expect(actionsFor(status, actor)).toEqual(expected)
  })

  it('agrees with transition() for every action the actor makes itself', () => {
    for (const status of ORDER_STATUSES) {
      for (const actor of ACTORS) {
        for (const action of actionsFor(status, actor)) {
          if (action === 'pay' && actor === 'buyer') continue // the buyer starts paying; WeChat Pay makes it
          expect(() => transition(status, action, actor)).not.toThrow()
        }
      }
    }
  })
})

describe("the buyer's buttons", () => {
  it.each([
    ['pending_payment', ['pay', 'cancel']],
    ['paid', ['cancel']],
    ['shipped', ['confirm_receipt']],
    ['received', []],
    ['cancelled', []],
    ['refunded', []],
  ] as const)('%s → %j', (status, expected) => {
    expect(buyerActions(status)).toEqual(expected)
  })

  it('取消订单 refunds only a paid order', () => {
    expect(ORDER_STATUSES.filter(buyerCancelRefunds)).toEqual(['paid'])
  })
})

describe('transition', () => {
  it('moves along the table', () => {
    expect(transition('pending_payment', 'pay', 'wechat_pay')).toBe('paid')
    expect(transition('paid', 'ship', 'farmer')).toBe('shipped')
    expect(transition('shipped', 'confirm_receipt', 'buyer')).toBe('received')
    expect(transition('paid', 'refund', 'buyer')).toBe('refunded')
  })

  it('refuses a buyer making the payment itself, and a wrong status', () => {
    expect(() => transition('pending_payment', 'pay', 'buyer')).toThrow(TransitionError)
    expect(() => transition('shipped', 'cancel', 'buyer')).toThrow(TransitionError)
  })
})
