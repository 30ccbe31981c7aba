/**
 * A listing draft kept on the phone can outlive its photos: an upload no listing uses is deleted
 * by the server a day after it was sent. When the farmer comes back to the draft, the form keeps
 * the photos the server still has, drops the ones it no longer has, and says so — instead of
 * showing broken thumbnails and failing at 提交 with UNKNOWN_PHOTO. Rendered from the compiled
 * dist/weapp against a real API server.
 */
const crypto = require('node:crypto')
const fs = require('node:fs')
const path = require('node:path')
const { installTaroHost, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { installWxRequest } = require('./support/wx-request')
const { apiClient } = require('./support/api-client')
const { installWxStorage, storeSession } = require('./support/wx-storage')
const { text } = require('./support/page-events')

const PHOTO = fs.readFileSync(path.resolve(__dirname, '../../server/assets/media/demo/weining-fuji-1.jpg'))
const DRAFT_KEY = 'xiangji-listing-draft:new'

let server
let requests
let toasts

beforeAll(async () => {
  server = await startServer()
  installWxStorage()
  const { api, signIn } = apiClient(server.baseUrl)
  const farmer = await signIn('farmer')
  storeSession(farmer)
  const kept = await api('/api/v1/uploads', {
    method: 'POST',
    token: farmer.token,
    headers: { 'content-type': 'image/jpeg', 'upload-id': crypto.randomUUID() },
    body: PHOTO,
  })
  const today = new Date().toISOString().slice(0, 10)
  // A draft from two days ago: its first photo is still on the server, its second was cleaned up.
  global.wx.setStorageSync(
    DRAFT_KEY,
    JSON.stringify({
      version: 1,
      productId: null,
      step: 0,
      photos: [
        { key: kept.key, thumbUrl: kept.thumbUrl },
        { key: 'u/gone0000000000000000000000000000', thumbUrl: '/media/u/gone0000000000000000000000000000.thumb.jpg' },
      ],
      title: '草海土豆',
      description: '',
      categoryId: '',
      origin: '',
      specs: [],
      harvestStart: today,
      harvestEnd: today,
      presale: false,
      shipsFrom: today,
    }),
  )
  toasts = []
  installTaroHost()
  requests = installWxRequest(server.baseUrl)
  global.wx.showToast = (options) => {
    toasts.push(options.title)
    options.success && options.success({ errMsg: 'showToast:ok' })
  }
}, 90_000)

afterAll(async () => {
  await server?.stop()
})

it('coming back to a two-day-old draft keeps the photo the server has, drops the one it deleted, and says so', async () => {
  const page = renderPage('farmer/pages/listing-edit/index')
  await waitFor(() => page.querySelector('#photo-0'))
  expect(page.querySelector('#photo-1')).toBeFalsy()
  await waitFor(() => toasts.some((t) => t.includes('1张照片已过期')))
  // each photo was asked about once: HEAD on its thumbnail
  const heads = requests.filter((r) => r.method === 'HEAD').map((r) => new URL(r.url).pathname)
  expect(heads).toHaveLength(2)
  expect(heads).toContain('/media/u/gone0000000000000000000000000000.thumb.jpg')
  expect(heads.filter((p) => /^\/media\/u\/.+\.thumb\.jpg$/.test(p))).toHaveLength(2)
  expect(text(page)).toContain('拍几张好看的照片')
})
