/**
 * miniprogram-simulate's `wx.request` answers every call with an empty 200. The tests need
 * WeChat's network layer to reach a real server, so this replaces it with real HTTP. The
 * build's API origin (TARO_APP_API_BASE, http://localhost:3000 by default) is pointed at the
 * test server, as a device's network would resolve it.
 */
const { httpRequest } = require('./http')

const BUILD_API_BASE = (process.env.TARO_APP_API_BASE || 'http://localhost:3000').replace(/\/+$/, '')

function installWxRequest(baseUrl) {
  const calls = []
  global.wx.request = (options) => {
    const url = options.url.startsWith(BUILD_API_BASE) ? baseUrl + options.url.slice(BUILD_API_BASE.length) : options.url
    const method = (options.method || 'GET').toUpperCase()
    const headers = { ...(options.header || {}) }
    let body
    if (method !== 'GET' && options.data !== undefined) {
      body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data)
      headers['content-type'] = headers['content-type'] || headers['Content-Type'] || 'application/json'
      delete headers['Content-Type']
    }
    calls.push({ method, url })
    httpRequest(url, { method, headers, body, timeout: options.timeout || 15000 })
      .then(({ status, headers: resHeaders, text }) => {
        let data = text
        if (options.dataType !== 'text') {
          try {
            data = JSON.parse(text)
          } catch {
            /* leave as text, as WeChat does */
          }
        }
        const result = { errMsg: 'request:ok', data, statusCode: status, header: resHeaders, cookies: [] }
        options.success && options.success(result)
        options.complete && options.complete(result)
      })
      .catch((err) => {
        const result = { errMsg: `request:fail ${err.message}` }
        options.fail && options.fail(result)
        options.complete && options.complete(result)
      })
    return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
  }
  return calls
}

module.exports = { installWxRequest }
