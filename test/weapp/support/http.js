/** A small HTTP client on node:http (jsdom's test environment has no fetch). */
const http = require('node:http')

function httpRequest(url, { method = 'GET', headers = {}, body, timeout = 15000 } = {}) {
  // node:http frames a DELETE's body only with a length (it chunks POST/PUT by default)
  const h = body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-length') ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: h, timeout }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => {
        const bytes = Buffer.concat(chunks)
        resolve({ status: res.statusCode, headers: res.headers, text: bytes.toString('utf8'), bytes })
      })
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

module.exports = { httpRequest }
