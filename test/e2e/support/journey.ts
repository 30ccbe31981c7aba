/**
 * One journey file's browser: `npm start` and a phone-sized headless Chromium page on it, started
 * before the file's tests and stopped after them, with the storefront's uncaught exceptions
 * collected; and the steps every journey takes on that page (open a route, sign in a demo persona).
 */
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core'
import { launchChromium, npmStart, type RunningProduct } from './product'

export interface Journey {
  /** The running product and the page: set by the file's first beforeAll, read them in tests. */
  readonly product: RunningProduct
  readonly page: Page
  /** Uncaught exceptions in the storefront so far. */
  readonly pageErrors: string[]
  /** What matches `selector` on screen (Taro's H5 router keeps earlier pages in the DOM, hidden). */
  visible(selector: string): Locator
  /** Opens the storefront at the route `hash` (with its query), freshly loaded. */
  openPage(hash: string): Promise<void>
  /** Signs out whoever is signed in and signs in the demo persona, from 我的. */
  signInAs(persona: 'buyer' | 'farmer', nickname: string): Promise<void>
}

/** Call once at the top of a journey file; `pageOptions` add to the phone's viewport and locale. */
export function journeyInBrowser(pageOptions: BrowserContextOptions = {}): Journey {
  let product: RunningProduct | undefined
  let browser: Browser | undefined
  let page: Page | undefined
  const pageErrors: string[] = []

  beforeAll(async () => {
    product = await npmStart()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', ...pageOptions })
    page.on('pageerror', (err) => pageErrors.push(String(err?.stack ?? err)))
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await product?.stop()
  })

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the journey has not started: use it inside a test')
    return value
  }

  const journey: Journey = {
    get product() {
      return started(product)
    },
    get page() {
      return started(page)
    },
    pageErrors,
    visible: (selector) => journey.page.locator(selector).filter({ visible: true }),
    async openPage(hash) {
      await journey.page.goto(`${journey.product.baseUrl}/#${hash}`)
      await journey.page.reload()
    },
    async signInAs(persona, nickname) {
      await journey.openPage('/pages/mine/index')
      const logout = journey.visible('#logout')
      const login = journey.visible(`#demo-login-${persona}`)
      await logout.or(login).first().waitFor()
      if (await logout.isVisible()) await logout.click()
      await login.click()
      await journey.visible('#mine-nickname').filter({ hasText: nickname }).waitFor()
    },
  }
  return journey
}
