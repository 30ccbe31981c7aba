/**
 * The phone's side of files for pages that use src/lib/files.ts and src/lib/download.ts:
 * - WeChat's chat-file picker hands back the next queued file, and the file reader its bytes
 *   (install before the app loads: Taro wraps only the wx APIs that exist when it starts);
 * - wx.downloadFile fetches over real HTTP from the test server with the request's headers and
 *   keeps the bytes; wx.openDocument records what it was asked to open.
 */
const { httpRequest } = require('./http')
const { wxAsync } = require('./wx-photos')

const BUILD_API_BASE = (process.env.TARO_APP_API_BASE || 'http://localhost:3000').replace(/\/+$/, '')

/** `pick(name, buffer)` queues the file the next chooseMessageFile hands back; returns the options each call was given. */
function installMessageFileApis() {
  const queue = []
  const files = new Map()
  const asked = []
  global.wx.chooseMessageFile = wxAsync((options) => {
    asked.push({ count: options.count, type: options.type, extension: options.extension })
    const next = queue.shift()
    if (!next) throw new Error('chooseMessageFile: no file queued')
    const path = `wxfile://tmp/${files.size}-${next.name}`
    files.set(path, next.bytes)
    return { errMsg: 'chooseMessageFile:ok', tempFiles: [{ name: next.name, path, size: next.bytes.length, type: 'file', time: 0 }] }
  })
  global.wx.getFileSystemManager = () => ({
    readFile(options) {
      const bytes = files.get(options.filePath)
      if (!bytes) return options.fail && options.fail({ errMsg: 'readFile:fail no such file' })
      options.success && options.success({ errMsg: 'readFile:ok', data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })
    },
  })
  return { pick: (name, bytes) => queue.push({ name, bytes: Buffer.from(bytes) }), asked }
}

/** Returns `downloads` (url, headers, status, bytes of each) and `opened` (openDocument's options). */
function installDownloads(baseUrl) {
  const downloads = []
  const opened = []
  global.wx.downloadFile = (options) => {
    const url = options.url.startsWith(BUILD_API_BASE) ? baseUrl + options.url.slice(BUILD_API_BASE.length) : options.url
    const headers = Object.fromEntries(Object.entries(options.header || {}).map(([k, v]) => [k.toLowerCase(), v]))
    httpRequest(url, { headers }).then(
      ({ status, headers: resHeaders, bytes }) => {
        const tempFilePath = `wxfile://tmp/download-${downloads.length}`
        downloads.push({ url, headers, status, contentType: resHeaders['content-type'], bytes, tempFilePath })
        const result = { errMsg: 'downloadFile:ok', statusCode: status, tempFilePath }
        options.success && options.success(result)
        options.complete && options.complete(result)
      },
      (err) => {
        const result = { errMsg: `downloadFile:fail ${err.message}` }
        options.fail && options.fail(result)
        options.complete && options.complete(result)
      },
    )
    return { abort() {}, onProgressUpdate() {} }
  }
  global.wx.openDocument = wxAsync((options) => {
    opened.push({ filePath: options.filePath, fileType: options.fileType, showMenu: options.showMenu })
    return { errMsg: 'openDocument:ok' }
  })
  return { downloads, opened }
}

module.exports = { installMessageFileApis, installDownloads }
