/**
 * End to end, in a browser against `npm start`, the whole life of a new product:
 * the demo farmer lists 威宁新挖洋芋 with a photo (on sale at once), the demo buyer orders it
 * and pays in the sandbox cashier, the farmer ships it 顺丰 from the 待发货 queue, and the
 * buyer sees the order 待收货 with its tracking number.
 */
import type { Locator } from 'playwright-core'
import sharp from 'sharp'
import { journeyInBrowser } from './support/journey'
import { visibleText } from './support/product'

const journey = journeyInBrowser()
const { visible, openPage, signInAs } = journey

const suffix = Math.random().toString(36).slice(2, 8)
const TITLE = `威宁新挖洋芋 ${suffix}`
const DESCRIPTION = '高山沙地种的黄心洋芋，昨天刚挖，个头匀称，炖煮都面。'
const PRICE_YUAN = '3.5'
const PRICE_FEN = 350
const STOCK = 200
const ADDRESS_DETAIL = `林城西路 8 号 ${suffix.toUpperCase()} 栋`
const COURIER = { code: 'SF', name: '顺丰速运' }
const TRACKING_NO = `SF${Date.now().toString().slice(-13)}`

/** A calendar day in China (the storefront's days), `offset` days from today. */
function chinaDay(offset: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10)
}
/** "2026-09-01" → "9月1日", as the listing form shows a day. */
function dayLabel(day: string): string {
  const [, m, d] = day.split('-')
  return `${Number(m)}月${Number(d)}日`
}

/** A 400×400 gradient, as a farmer's phone photo would be: a real JPEG the server re-encodes. */
async function gradientJpeg(): Promise<Buffer> {
  const size = 400
  const raw = Buffer.alloc(size * size * 3)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3
      raw[i] = Math.round((x / size) * 200) + 40
      raw[i + 1] = Math.round((y / size) * 120) + 60
      raw[i + 2] = 50
    }
  }
  return sharp(raw, { raw: { width: size, height: size, channels: 3 } }).jpeg({ quality: 85 }).toBuffer()
}

/** One column of Taro's H5 date picker: its rows and where the selection indicator is. */
function pickerColumn(group: Locator) {
  return group.evaluate((g) => {
    const indicator = g.querySelector('.weui-picker__indicator')!.getBoundingClientRect()
    const rows = [...g.querySelectorAll('.weui-picker__item')].map((e) => {
      const r = e.getBoundingClientRect()
      return { text: (e.textContent ?? '').trim(), y: r.y + r.height / 2 }
    })
    return { mid: indicator.y + indicator.height / 2, line: indicator.height, x: indicator.x + indicator.width / 2, rows }
  })
}

/** Until the picker stops moving (slide-up, column scroll) and the column rests with a row (`text`, when given) under the indicator. */
async function pickerColumnRests(group: Locator, text: string | null): Promise<void> {
  const handle = await group.elementHandle()
  await journey.page.waitForFunction(
    ([g, want]) => {
      const overlay = g!.closest('.weui-picker__overlay') ?? document.body
      const moving = document.getAnimations().some((a) => {
        const target = (a.effect as KeyframeEffect | null)?.target
        return a.playState === 'running' && !!target && overlay.contains(target)
      })
      if (moving) return false
      const indicator = g!.querySelector('.weui-picker__indicator')!.getBoundingClientRect()
      const mid = indicator.y + indicator.height / 2
      return [...g!.querySelectorAll('.weui-picker__item')].some((e) => {
        const r = e.getBoundingClientRect()
        return Math.abs(r.y + r.height / 2 - mid) < 0.5 && (want === null || (e.textContent ?? '').trim() === want)
      })
    },
    [handle, text] as const,
  )
  await handle?.dispose()
}

/**
 * Picks `day` in the listing form's date field `fieldId` as a farmer does: opens the picker,
 * taps rows in the year, month and day columns (three rows either side of the indicator are
 * on screen) until the day is under the indicator, then 确定.
 */
async function pickDate(fieldId: string, day: string): Promise<void> {
  await visible(`#${fieldId}`).click()
  // Taro moves the open picker's sheet to the end of <body>; only one is open at a time.
  const sheet = visible('.weui-picker')
  await sheet.waitFor()
  const [y, m, d] = day.split('-').map(Number)
  const wanted = [`${y}年`, `${String(m).padStart(2, '0')}月`, `${String(d).padStart(2, '0')}日`]
  for (let col = 0; col < wanted.length; col++) {
    const group = sheet.locator('.weui-picker__group').nth(col)
    await pickerColumnRests(group, null)
    for (let taps = 0; ; taps++) {
      if (taps > 20) throw new Error(`date picker #${fieldId}: could not reach ${wanted[col]}`)
      const { mid, line, x, rows } = await pickerColumn(group)
      const selected = rows.reduce((a, b) => (Math.abs(b.y - mid) < Math.abs(a.y - mid) ? b : a))
      if (selected.text === wanted[col]) break
      const target = rows.find((r) => r.text === wanted[col])
      const number = (text: string) => Number(text.replace(/\D/g, ''))
      const direction = target ? Math.sign(target.y - mid) : Math.sign(number(wanted[col]) - number(selected.text))
      const onScreen = rows.filter((r) => Math.abs(r.y - mid) <= line * 3 + 1 && Math.sign(r.y - mid) === direction)
      if (onScreen.length === 0) throw new Error(`date picker #${fieldId}: no row towards ${wanted[col]}`)
      const tap = target && onScreen.includes(target) ? target : onScreen.reduce((a, b) => (Math.abs(b.y - mid) > Math.abs(a.y - mid) ? b : a))
      await journey.page.mouse.click(x, tap.y)
      await pickerColumnRests(group, tap.text)
    }
  }
  await sheet.getByText('确定', { exact: true }).click()
  await sheet.waitFor({ state: 'hidden' })
  await visible(`#${fieldId}`).filter({ hasText: dayLabel(day) }).waitFor()
}

interface PublicProduct {
  id: number
  title: string
  status: string
  inSeason: boolean
  priceFromFen: number
  harvestStart: string
  harvestEnd: string
  cover: { url: string } | null
  farmer: { name: string }
}

async function publicProduct(title: string): Promise<PublicProduct | undefined> {
  const res = await fetch(`${journey.product.baseUrl}/api/v1/products?q=${encodeURIComponent(title)}`)
  expect(res.ok).toBe(true)
  return ((await res.json()).items as PublicProduct[]).find((p) => p.title === title)
}

it('a farmer lists new potatoes with a photo, a buyer orders and pays, the farmer ships 顺丰, the buyer sees 待收货 with the tracking number', async () => {
  const { page, pageErrors } = journey
  const harvestStart = chinaDay(-3)
  const harvestEnd = chinaDay(45)
  const photo = await gradientJpeg()

  // 1. The farmer lists the product through the four-step form.
  await signInAs('farmer', '张国华')
  await openPage('/farmer/pages/listing-edit/index')
  const addPhoto = visible('#listing-add-photo')
  await addPhoto.waitFor()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), addPhoto.click()])
  await chooser.element().setInputFiles({ name: 'potatoes.jpg', mimeType: 'image/jpeg', buffer: photo })
  // Uploaded and re-encoded by the server: the thumbnail comes from /media.
  await expect(visible('#photo-0 img').getAttribute('src')).resolves.toMatch(/\/media\/.+\.jpg$/)
  await visible('#listing-next').click()

  await visible('#listing-title input').fill(TITLE)
  await visible('#listing-description textarea').fill(DESCRIPTION)
  await visible('#category-vegetables').click()
  await visible('#listing-next').click()

  await visible('#spec-0-unit-jin').click()
  await visible('#spec-0-price input').fill(PRICE_YUAN)
  await visible('#spec-0-stock input').fill(String(STOCK))
  await visible('#listing-next').click()

  await pickDate('harvest-start', harvestStart)
  await pickDate('harvest-end', harvestEnd)
  await visible('#ships-now').click()
  await visible('#listing-submit').click()
  await visible('#listing-saved').filter({ hasText: '已上架' }).filter({ hasText: TITLE }).waitFor()

  const listed = await publicProduct(TITLE)
  expect(listed).toMatchObject({
    title: TITLE,
    cover: { url: expect.stringMatching(/^\/media\/u\/.+\.jpg$/) },
    status: 'on_sale',
    inSeason: true,
    priceFromFen: PRICE_FEN,
    harvestStart,
    harvestEnd,
    farmer: { name: '张国华' },
  })
  const productId = listed!.id

  await visible('#saved-list').click()
  await page.waitForURL(/farmer\/pages\/listings\/index/)
  await visible(`#listing-${productId}`).filter({ hasText: TITLE }).waitFor()
  await expect(visible(`#listing-${productId}-chip`).textContent()).resolves.toBe('在售')
  await expect(visible(`#stock-${(await specIdOf(productId))}-value`).textContent()).resolves.toBe(String(STOCK))

  // 2. The buyer orders it and pays in the sandbox cashier.
  await signInAs('buyer', '城市买家·小林')
  await openPage(`/pages/product/index?id=${productId}`)
  await visibleText(page, TITLE).waitFor()
  await visibleText(page, DESCRIPTION).waitFor()
  await visibleText(page, '¥3.50').waitFor()
  await visible('#add-to-cart').click()
  await visibleText(page, '已加入购物车').waitFor()

  await openPage('/pages/cart/index')
  await visibleText(page, TITLE).waitFor()
  await visible('#cart-total').filter({ hasText: /¥\d/ }).waitFor()
  await visible('#go-checkout').click()
  await page.waitForURL(/pages\/checkout\/index/)

  // Once the saved addresses are in, a buyer with none gets the form straight away, otherwise
  // 新增收货地址 opens it (that button also shows while the addresses are still loading).
  const addressForm = visible('#address-name input')
  const savedAddress = visible('[id^="address-item-"]')
  await addressForm.or(savedAddress).first().waitFor()
  if (!(await addressForm.isVisible())) await visible('#address-new').click()
  const address: [string, string][] = [
    ['name', '林晓'],
    ['phone', '13800000000'],
    ['province', '贵州省'],
    ['city', '贵阳市'],
    ['district', '观山湖区'],
    ['detail', ADDRESS_DETAIL],
  ]
  for (const [key, value] of address) await visible(`#address-${key} input`).fill(value)
  await visible('#address-save').click()
  await visible('[id^="address-item-"]').filter({ hasText: ADDRESS_DETAIL }).waitFor()
  await visibleText(page, TITLE).waitFor()
  // priced by the server (goods + shipping) before placing the order
  const total = visible('#checkout-total').filter({ hasText: /¥\d+\.\d{2}/ })
  await total.waitFor()
  const totalText = (await total.textContent())!.match(/¥\d+\.\d{2}/)![0]
  await visible('#place-order').click()

  await page.locator('#sandbox-pay-confirm').click()
  await page.waitForURL(/pages\/pay-result\/index/)
  await visible('#pay-result-title').filter({ hasText: '支付成功' }).waitFor({ timeout: 30_000 })

  await openPage('/pages/orders/index?status=paid')
  const paidCard = page.locator('[id^="order-card-"]').filter({ visible: true, hasText: TITLE })
  await paidCard.waitFor()
  const orderId = Number((await paidCard.getAttribute('id'))!.replace('order-card-', ''))
  expect(orderId).toBeGreaterThan(0)

  // 3. The farmer ships it from the 待发货 queue.
  await signInAs('farmer', '张国华')
  await openPage('/farmer/pages/orders/index')
  const queued = visible(`#farmer-order-${orderId}`)
  await queued.filter({ hasText: TITLE }).filter({ hasText: ADDRESS_DETAIL }).waitFor()
  await expect(queued.textContent()).resolves.toContain(`实收 ${totalText}`)
  await visible(`#ship-one-${orderId}`).click()
  await page.waitForURL(/farmer\/pages\/ship\/index/)
  await visible(`#tracking-${orderId} input`).waitFor()
  await visible(`#courier-${COURIER.code}`).click()
  await visible(`#tracking-${orderId} input`).fill(TRACKING_NO)
  await visible('#ship-submit').click()
  await visible(`#ship-result-${orderId}`).filter({ hasText: '已发货' }).filter({ hasText: TRACKING_NO }).waitFor()
  await expect(visible(`#ship-result-${orderId}`).textContent()).resolves.toContain(COURIER.name)
  await visible('#ship-done').waitFor()

  // 4. The buyer sees the parcel on its way.
  await signInAs('buyer', '城市买家·小林')
  await openPage('/pages/orders/index?status=shipped')
  const shippedCard = visible(`#order-card-${orderId}`)
  await shippedCard.filter({ hasText: TITLE }).filter({ hasText: '待收货' }).waitFor()
  await shippedCard.click()
  await page.waitForURL(new RegExp(`pages/order/index\\?id=${orderId}`))
  await visible('#order-status').filter({ hasText: '待收货' }).waitFor()
  await visibleText(page, ADDRESS_DETAIL).waitFor()
  await visible('#order-tracking').filter({ hasText: TRACKING_NO }).waitFor()
  await expect(visible('#order-tracking').textContent()).resolves.toContain(COURIER.name)
  await page.screenshot({ path: 'test-results/e2e-farmer-journey.png' })
  // no uncaught exception in the storefront along the way
  expect(pageErrors).toEqual([])
}, 150_000)

/** The id of the product's only spec, read from the public product detail. */
async function specIdOf(productId: number): Promise<number> {
  const res = await fetch(`${journey.product.baseUrl}/api/v1/products/${productId}`)
  expect(res.ok).toBe(true)
  const specs = (await res.json()).specs as { id: number; priceFen: number; stock: number }[]
  expect(specs).toHaveLength(1)
  expect(specs[0]).toMatchObject({ priceFen: PRICE_FEN, stock: STOCK })
  return specs[0].id
}
