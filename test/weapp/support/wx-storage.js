/**
 * miniprogram-simulate's storage calls do nothing; WeChat's keep values, so these do too.
 * `storeSession` puts a signed-in session where src/stores/session.ts persists it (zustand's
 * persist format), so the app starts signed in.
 */
const SESSION_KEY = 'xiangji-session'

/** A persisted zustand store's value. */
const persisted = (state) => JSON.stringify({ state, version: 1 })

function installWxStorage() {
  const store = new Map()
  global.wx.setStorageSync = (key, value) => void store.set(key, value)
  global.wx.getStorageSync = (key) => (store.has(key) ? store.get(key) : '')
  global.wx.removeStorageSync = (key) => void store.delete(key)
  return store
}

/** `login` is what POST /api/v1/auth/login answered. */
function storeSession(login) {
  global.wx.setStorageSync(SESSION_KEY, persisted({ token: login.token, expiresAt: login.expiresAt, user: login.user }))
}

module.exports = { installWxStorage, persisted, storeSession }
