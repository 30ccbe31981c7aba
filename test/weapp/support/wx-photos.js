/**
 * The phone's side of taking a photo and uploading it, for pages that use src/lib/photos.ts:
 * WeChat's picker, compressor and file reader hand back a real JPEG (install before the app
 * loads: Taro wraps only the wx APIs that exist when it starts), and wx.request sends an
 * ArrayBuffer `data` as the raw body over real HTTP (install after installWxRequest).
 */
const fs = require('node:fs')
const path = require('node:path')
const { httpRequest } = require('./http')

const PHOTO = fs.readFileSync(path.resolve(__dirname, '../../../server/assets/media/demo/weining-fuji-1.jpg'))
const BUILD_API_BASE = (process.env.TARO_APP_API_BASE || 'http://localhost:3000').replace(/\/+$/, '')

/** An async wx API answering through callbacks and, like WeChat's base library, a Promise when given none. */
const wxAsync = (answer) => (options = {}) => {
  const res = answer(options)
  options.success && options.success(res)
  options.complete && options.complete(res)
  return options.success || options.fail || options.complete ? undefined : Promise.resolve(res)
}

/** Every pick hands back one photo (the demo JPEG). */
function installPhotoApis() {
  const tempFilePath = 'wxfile://tmp/picked-photo.jpg'
  global.wx.chooseMedia = wxAsync(() => ({ errMsg: 'chooseMedia:ok', type: 'image', tempFiles: [{ tempFilePath, size: PHOTO.length, fileType: 'image' }] }))
  global.wx.compressImage = wxAsync((options) => ({ errMsg: 'compressImage:ok', tempFilePath: options.src }))
  global.wx.getFileSystemManager = () => ({
    readFile(options) {
      if (options.filePath !== tempFilePath) return options.fail && options.fail({ errMsg: 'readFile:fail no such file' })
      const data = PHOTO.buffer.slice(PHOTO.byteOffset, PHOTO.byteOffset + PHOTO.byteLength)
      options.success && options.success({ errMsg: 'readFile:ok', data })
    },
  })
}

/** wx.request with an ArrayBuffer body goes out as raw bytes to the test server; anything else to the JSON shim. Returns the uploads made. */
function installBinaryRequests(baseUrl) {
  const jsonRequest = global.wx.request
  const calls = []
  global.wx.request = (options) => {
    const data = options.data
    if (Object.prototype.toString.call(data) !== '[object ArrayBuffer]') return jsonRequest(options)
    const url = options.url.startsWith(BUILD_API_BASE) ? baseUrl + options.url.slice(BUILD_API_BASE.length) : options.url
    const headers = Object.fromEntries(Object.entries(options.header || {}).map(([k, v]) => [k.toLowerCase(), v]))
    calls.push({ url, headers, bytes: data.byteLength })
    httpRequest(url, { method: options.method || 'POST', headers, body: Buffer.from(data) }).then(
      ({ status, headers: resHeaders, text }) => {
        const result = { errMsg: 'request:ok', data: JSON.parse(text), statusCode: status, header: resHeaders }
        options.success && options.success(result)
        options.complete && options.complete(result)
      },
      (err) => {
        const result = { errMsg: `request:fail ${err.message}` }
        options.fail && options.fail(result)
        options.complete && options.complete(result)
      },
    )
    return { abort() {} }
  }
  return calls
}

module.exports = { installPhotoApis, installBinaryRequests, wxAsync }
