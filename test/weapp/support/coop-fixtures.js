/**
 * For the cooperative-side weapp tests: an in-memory WeChat storage, a JSON client for the test
 * server, demo personas signed in through the sandbox, a session stored the way
 * src/stores/session.ts persists it, and listings the demo farmer creates through the API.
 */
const fs = require('node:fs')
const path = require('node:path')
const { httpRequest } = require('./http')

// The persisted session store's key (src/stores/session.ts) and zustand's persist format.
const SESSION_KEY = 'xiangji-session'
const DEMO_PHOTO = path.resolve(__dirname, '../../../server/assets/media/demo/weining-fuji-1.jpg')

function installWxStorage() {
  const store = new Map()
  global.wx.setStorageSync = (key, value) => void store.set(key, value)
  global.wx.getStorageSync = (key) => (store.has(key) ? store.get(key) : '')
  global.wx.removeStorageSync = (key) => void store.delete(key)
  return store
}

/** Puts a signed-in persona's session where the mini-program reads it at launch. */
function storeSession(login) {
  const state = { token: login.token, expiresAt: login.expiresAt, user: login.user }
  global.wx.setStorageSync(SESSION_KEY, JSON.stringify({ state, version: 1 }))
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

/** wx.navigateTo / redirectTo / switchTab succeed without leaving the page; the urls asked for are kept. */
function recordNavigations() {
  const urls = []
  for (const api of ['navigateTo', 'redirectTo', 'switchTab']) {
    global.wx[api] = (options) => {
      urls.push(options.url)
      options.success && options.success({ errMsg: `${api}:ok` })
    }
  }
  return urls
}

/** A client for one test server. `api` throws on any status ≥ 300 and answers the parsed body. */
function serverClient(baseUrl) {
  async function raw(urlPath, { method = 'GET', body, token, headers = {} } = {}) {
    const h = { ...headers }
    if (token) h.authorization = `Bearer ${token}`
    let payload = body
    if (body !== undefined && !Buffer.isBuffer(body)) {
      h['content-type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    const res = await httpRequest(baseUrl + urlPath, { method, headers: h, body: payload })
    return { status: res.status, body: res.text ? JSON.parse(res.text) : null, text: res.text }
  }

  async function api(urlPath, options = {}) {
    const res = await raw(urlPath, options)
    if (res.status >= 300) throw new Error(`${options.method || 'GET'} ${urlPath} → ${res.status} ${res.text}`)
    return res.body
  }

  /** A demo persona ('buyer', 'farmer', 'coop_admin') signed in through the sandbox's login code. */
  async function signIn(persona) {
    const { code } = await api('/sandbox/wechat/dev/login-code', { method: 'POST', body: { persona } })
    return api('/api/v1/auth/login', { method: 'POST', body: { code } })
  }

  /** A listing by this farmer with a freshly uploaded demo photo; answers `{ listing, check }`. */
  async function createListing(farmer, fields) {
    const photo = await api('/api/v1/uploads', { method: 'POST', token: farmer.token, headers: { 'content-type': 'image/jpeg' }, body: fs.readFileSync(DEMO_PHOTO) })
    const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
    return api('/api/v1/farmer/products', {
      method: 'POST',
      token: farmer.token,
      body: {
        description: '海拔两千米的坡地，沙土里长大。',
        categoryId: 'vegetables',
        photos: [photo.key],
        harvestStart: day(0),
        harvestEnd: day(30),
        specs: [{ name: '10斤装', priceFen: 3980, netWeightG: 5000, stock: 30 }],
        ...fields,
      },
    })
  }

  return { raw, api, signIn, createListing }
}

module.exports = { SESSION_KEY, installWxStorage, storeSession, installConfirmingModal, recordNavigations, serverClient }
