/**
 * End to end, in a browser against `npm start` (whose demo store has six weeks of the demo
 * cooperative's sales): a buyer pays an order from the demo cooperative's farmer (through the API
 * and the sandbox cashier); the demo manager opens the cooperative's workbench and sees this
 * week's figures including it (the expected counts read from the API before and after), the
 * farmer's draft statement, confirms a member's statement of last week, downloads that week's
 * statements as CSV (fetch with the bearer token, saved as a Blob) with Chinese intact, and opens
 * the members and impact pages.
 */
import fs from 'node:fs'
import { previousWeek as previousWeekOf } from '@domain/weeks'
import { productApi } from './support/api'
import { journeyInBrowser } from './support/journey'

const journey = journeyInBrowser({ acceptDownloads: true })
const { visible, openPage } = journey
let farmerId: number

type Totals = { orders: number; buyers: number }
type Statements = { statements: { farmerId: number; farmerName: string; status: string; netFen: number }[] }

it('the manager sees a paid order in the week, confirms last week\'s statement, and downloads it', async () => {
  const { page, pageErrors } = journey
  const { api, persona, placeAndPay } = productApi(journey.product.baseUrl)
  // the demo store comes with six weeks of the cooperative's sales; this week's figures so far
  farmerId = (await persona('farmer')).user.farmerId!
  const manager = await persona('coop_admin')
  const weekly = async () => (await api<{ week: string; totals: Totals }>('/api/v1/coop/reports/weekly', { token: manager.token }))
  const before = await weekly()

  // a buyer from Guangdong pays for one of the demo farmer's products
  const buyer = await persona('buyer')
  const profile = await api<{ products: { id: number }[] }>(`/api/v1/farmers/${farmerId}`)
  let specId = 0
  for (const p of profile.products) {
    const detail = await api<{ specs: { id: number; stock: number }[] }>(`/api/v1/products/${p.id}`)
    specId = detail.specs.find((s) => s.stock > 0)?.id ?? 0
    if (specId) break
  }
  const checkout = await placeAndPay(buyer, [{ specId, quantity: 2 }])
  for (let i = 0; i < 50; i++) {
    if ((await api<{ status: string }>(`/api/v1/orders/${checkout.orders[0].id}`, { token: buyer.token })).status === 'paid') break
    await new Promise((r) => setTimeout(r, 100))
  }
  const after = await weekly()
  expect(after.week).toBe(before.week)
  expect(after.totals.orders).toBe(before.totals.orders + 1)
  expect(after.totals.buyers).toBe(before.totals.buyers + 1) // the demo buyer had not bought this week

  // the manager signs in and opens the workbench: the week includes that order
  await openPage('/pages/mine/index')
  await visible('#demo-login-coop_admin').click()
  await visible('#open-coop-home').click()
  await visible('#week-orders .c-stat__value').filter({ hasText: new RegExp(`^${after.totals.orders}单$`) }).waitFor()
  await visible('#week-buyers .c-stat__value').filter({ hasText: new RegExp(`^${after.totals.buyers}位$`) }).waitFor()
  await visible('.c-bars__name').filter({ hasText: '张国华' }).first().waitFor()
  await visible('.c-bars__name').filter({ hasText: '广东省' }).first().waitFor()
  expect(await visible('.c-trend__col').count()).toBe(8)

  // this week's statement is a draft that cannot be confirmed before the week ends
  await visible('#open-settlements').click()
  await visible(`#statement-${farmerId}`).filter({ hasText: '待确认' }).waitFor()
  expect(await visible(`#confirm-${farmerId}`).count()).toBe(0)

  // last week is over: the manager confirms a member's statement there
  await visible('#week-prev').click()
  const lastWeek = await api<Statements & { week: string }>(`/api/v1/coop/settlements?week=${previousWeekOf(before.week)}`, { token: manager.token })
  const draft = lastWeek.statements.find((s) => s.farmerId === farmerId && s.status === 'draft') ?? lastWeek.statements.find((s) => s.status === 'draft')
  expect(draft).toBeDefined()
  const card = visible(`#statement-${draft!.farmerId}`)
  await card.filter({ hasText: '待确认' }).waitFor()
  await visible(`#confirm-${draft!.farmerId}`).click()
  await page.locator('.taro-modal__content').filter({ visible: true, hasText: '确认结算单' }).getByText('确定', { exact: true }).click()
  await card.filter({ hasText: '已确认' }).waitFor()
  const confirmed = (await api<Statements>(`/api/v1/coop/settlements?week=${lastWeek.week}`, { token: manager.token })).statements.find((s) => s.farmerId === draft!.farmerId)!
  expect(confirmed.status).toBe('confirmed')
  expect(confirmed.netFen).toBe(draft!.netFen)

  // and downloads that week's statements as CSV, Chinese intact
  const [download] = await Promise.all([page.waitForEvent('download'), visible('#download-settlements-csv').click()])
  expect(download.suggestedFilename()).toBe(`乡集结算单-${lastWeek.week}.csv`)
  const csv = fs.readFileSync((await download.path())!, 'utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  expect(csv).toContain(draft!.farmerName)
  expect(csv).toContain('已确认')

  await openPage('/coop/pages/members/index')
  await visible(`#member-${farmerId}`).filter({ hasText: '张国华' }).waitFor()
  await openPage('/coop/pages/impact/index')
  await visible('#impact-net').waitFor()
  await openPage('/coop/pages/home/index')
  await visible('#week-orders').waitFor()
  expect(pageErrors).toEqual([])
}, 180_000)
