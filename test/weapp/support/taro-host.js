/**
 * Loads the compiled dist/weapp into miniprogram-simulate. simulate defines only
 * `Component`; WeChat's `App`, `Page`, `getApp` and `getCurrentPages` are supplied here, with
 * pages built through `Component` (which WeChat supports). See
 * ../shared/reference/weapp-testing.md. Also counts every setData (budget P2).
 */
const path = require('node:path')
const simulate = require('miniprogram-simulate')

const DIST = path.resolve(__dirname, '../../../dist/weapp')

function installTaroHost() {
  let appOptions = null
  const pageStack = []
  const setDataLog = []
  global.getApp = () => appOptions
  global.getCurrentPages = () => pageStack.slice()
  global.App = (options) => {
    appOptions = options
  }
  global.Page = (pageOptions) => {
    const methods = {}
    for (const key of Object.keys(pageOptions)) if (typeof pageOptions[key] === 'function') methods[key] = pageOptions[key]
    global.Component({
      data: pageOptions.data || {},
      methods,
      lifetimes: {
        attached() {
          this.route = this.__route__ = global.__mpsimRoute || ''
          this.options = global.__mpsimQuery || {}
          const original = this.setData.bind(this)
          this.setData = (data, cb) => {
            setDataLog.push({ route: this.route, bytes: Buffer.byteLength(JSON.stringify(data)) })
            return original(data, cb)
          }
          pageStack.push(this)
          this.onLoad && this.onLoad(this.options)
          this.onShow && this.onShow()
        },
        ready() {
          this.onReady && this.onReady()
        },
        detached() {
          this.onUnload && this.onUnload()
          pageStack.splice(pageStack.indexOf(this), 1)
        },
      },
      pageLifetimes: {
        show() {
          this.onShow && this.onShow()
        },
        hide() {
          this.onHide && this.onHide()
        },
      },
    })
  }
  require(path.join(DIST, 'app.js'))
  appOptions.onLaunch({ path: '', query: {} })
  appOptions.onShow({ path: '', query: {} })
  return { setDataLog }
}

// A page's chunk runs `Page()` once per module cache, so each route is loaded once and rendered anew.
const loaded = new Map()

/** Renders one page of the build; route like 'pages/index/index', query like { id: '3' }. */
function renderPage(route, query = {}) {
  global.__mpsimRoute = route
  global.__mpsimQuery = query
  if (!loaded.has(route)) loaded.set(route, simulate.load(path.join(DIST, route), `page-${route.split('/')[1]}`, { rootPath: DIST }))
  const page = simulate.render(loaded.get(route))
  if (!page) throw new Error(`simulate could not render ${route}`)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

async function waitFor(predicate, { timeout = 15000, interval = 25 } = {}) {
  const deadline = Date.now() + timeout
  let lastError
  while (Date.now() < deadline) {
    try {
      if (await predicate()) return
    } catch (err) {
      lastError = err
    }
    await new Promise((r) => setTimeout(r, interval))
  }
  throw lastError || new Error('condition not met in time')
}

/** wx.navigateTo / redirectTo / switchTab succeed without leaving the page; returns the urls asked for, in order. */
function recordNavigations() {
  const urls = []
  const record = (options) => {
    urls.push(options.url)
    options.success && options.success({ errMsg: 'navigateTo:ok' })
  }
  global.wx.navigateTo = record
  global.wx.redirectTo = record
  global.wx.switchTab = record
  return urls
}

/** wx.showModal answering like a user who taps the confirm button; every call is kept. */
function installConfirmingModal() {
  const shown = []
  global.wx.showModal = (options = {}) => {
    shown.push({ title: options.title, content: options.content })
    const res = { errMsg: 'showModal:ok', confirm: true, cancel: false, content: '' }
    options.success && options.success(res)
    options.complete && options.complete(res)
    return options.success || options.fail || options.complete ? undefined : Promise.resolve(res)
  }
  return shown
}

module.exports = { simulate, installTaroHost, renderPage, recordNavigations, installConfirmingModal, waitFor, DIST }
