/**
 * 导入县名单 in the compiled dist/weapp (miniprogram-simulate) against a real API server with the
 * demo data (some members of the demo cooperative on the register under made-up 户编号, others
 * without a number). WeChat's chat-file picker and file reader hand back a small CSV built here
 * from the members the API lists: one row that matches (to become 监测户), one whose head's name
 * differs, one number twice, one number nobody has, one member without a number by name, and one
 * row without a number. The first upload's answer is lost: the page sends the file again with the
 * same Idempotency-Key. The page shows the detected columns, the row error, the findings grouped
 * under their Chinese labels and the proposed changes; nothing changes until 确认导入, which then
 * changes exactly those members. A column mapping changed through its picker is matched again and
 * remembered for the next list, which 放弃 drops without changing anything.
 */
const { installConfirmingModal, installTaroHost, recordNavigations, renderPage, waitFor } = require('./support/taro-host')
const { startServer } = require('./support/server')
const { apiClient } = require('./support/api-client')
const { installWxRequest } = require('./support/wx-request')
const { installWxStorage, storeSession } = require('./support/wx-storage')
const { installBinaryRequests } = require('./support/wx-photos')
const { installMessageFileApis } = require('./support/wx-files')
const { text, tap } = require('./support/page-events')

const HEADER = ['户编号', '户主姓名', '状态', '日期', '村']
const DUPLICATE_NO = '520526100777770001'
const UNKNOWN_NO = '520526100888880002'
const LINK_NO = '520526100999990003'

let server
let client
let manager
let files
let uploads
let modals
let members // the demo cooperative's members as GET /api/v1/coop/households lists them
let matching // on the register: its row matches, status 监测户
let misnamed // on the register: its row names another head
let unnumbered // no number: linked by name
let lost // the upload attempts whose answer never came back
let page // the import page, one instance through the file's tests (its state is the import in progress)

const chinaDay = (days = 0) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
const households = async () => (await client.api('/api/v1/coop/households', { token: manager.token })).members
const csv = (rows) => Buffer.from(`${[HEADER, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8')

beforeAll(async () => {
  server = await startServer()
  client = apiClient(server.baseUrl)
  manager = await client.signIn('coop_admin')
  members = await households()
  const numbered = members.filter((m) => m.status === 'registered' && m.registryNoMasked)
  ;[matching, misnamed] = numbered
  unnumbered = members.find((m) => m.active && m.registryNoMasked === null && m.status === null)
  expect(matching && misnamed && unnumbered).toBeTruthy()
  // the full numbers, as the manager reads them on each member's page
  for (const m of [matching, misnamed]) m.registryNo = (await client.api(`/api/v1/coop/members/${m.farmerId}/household`, { token: manager.token })).registryNo

  installWxStorage()
  storeSession(manager)
  // Before the app loads: Taro only wraps the wx APIs that exist when it starts.
  files = installMessageFileApis()
  installTaroHost()
  installWxRequest(server.baseUrl)
  uploads = installBinaryRequests(server.baseUrl)
  recordNavigations()
  modals = installConfirmingModal()
  // The first upload is sent but its answer is lost on the way back (the phone sees a timeout).
  lost = []
  const send = global.wx.request
  global.wx.request = (options) => {
    const raw = Object.prototype.toString.call(options.data) === '[object ArrayBuffer]'
    if (!raw || lost.length > 0) return send(options)
    lost.push({ ...options.header })
    return send({ ...options, success: () => options.fail && options.fail({ errMsg: 'request:fail timeout' }), complete: undefined })
  }
}, 120_000)

afterAll(() => server?.stop())

const status = (farmerId) => households().then((list) => list.find((m) => m.farmerId === farmerId))

it('a lost upload goes again with the same key; the list shows its columns, row error, findings by kind and proposed changes; nothing changes yet', async () => {
  files.pick('县里名单.csv', csv([
    [matching.registryNo, matching.name, '监测户', chinaDay(-1), matching.village],
    [misnamed.registryNo, '王不对', '在册', '', misnamed.village],
    [DUPLICATE_NO, '甲某', '在册', '', ''],
    [DUPLICATE_NO, '乙某', '在册', '', ''],
    [UNKNOWN_NO, '没这人', '在册', '', ''],
    [LINK_NO, unnumbered.name, '在册', chinaDay(-1), unnumbered.village],
    ['', '空编号', '在册', '', ''],
  ]))
  page = renderPage('coop/pages/household-import/index')
  await waitFor(() => page.querySelector('#import-choose'))
  tap(page, 'import-choose')
  await waitFor(() => page.querySelector('#import-retry'))
  expect(files.asked).toEqual([{ count: 1, type: 'file', extension: ['csv', 'xlsx'] }])
  expect(text(page.querySelector('#import-error'))).toBe('网络不太好，请稍后重试')
  tap(page, 'import-retry')
  await waitFor(() => page.querySelector('#import-mapping'))

  // both attempts reached the server with one key; it made one import
  expect(uploads).toHaveLength(2)
  expect(uploads[0].headers['idempotency-key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(uploads[1].headers['idempotency-key']).toBe(uploads[0].headers['idempotency-key'])
  expect(lost[0]['Idempotency-Key']).toBe(uploads[0].headers['idempotency-key'])
  expect(uploads[1].headers['content-type']).toBe('text/csv')
  expect(uploads[1].url).toContain(`fileName=${encodeURIComponent('县里名单.csv')}`)

  expect(text(page.querySelector('#import-file'))).toContain('共 7 行；表头：户编号、户主姓名、状态、日期、村')
  expect(HEADER.map((_, i) => text(page.querySelector(`#map-${['registryNo', 'headName', 'status', 'since', 'village'][i]}-value`)))).toEqual(HEADER.map((h) => `${h} ›`))
  expect(text(page.querySelector('#row-error-7'))).toBe('第7行：户编号为空')

  const notOnList = members.filter((m) => m.registryNoMasked && m.active && ![matching.farmerId, misnamed.farmerId].includes(m.farmerId)).length
  const counts = { match: 1, name_mismatch: 1, duplicate: 1, unknown_number: 1, new_link: 1, not_on_list: notOnList }
  const labels = { match: '一致', name_mismatch: '姓名不一致', duplicate: '名单内重复', unknown_number: '未找到社员', new_link: '建议关联', not_on_list: '不在名单上' }
  for (const [kind, n] of Object.entries(counts)) {
    // a kind with no finding has no group at all
    if (n === 0) {
      expect(page.querySelector(`#findings-${kind}`)).toBeFalsy()
      continue
    }
    expect(text(page.querySelector(`#findings-${kind}-label`))).toBe(labels[kind])
    expect(text(page.querySelector(`#findings-${kind}-count`))).toBe(`${n} 条`)
  }
  expect(text(page.querySelector('#findings-name_mismatch'))).toContain('王不对')
  expect(text(page.querySelector('#findings-new_link'))).toContain(unnumbered.name)

  expect(text(page.querySelector('#import-changes-title'))).toBe('确认后将变更 2 位社员')
  expect(text(page.querySelector(`#change-${matching.farmerId}-status`))).toContain('在册 → 监测户')
  expect(text(page.querySelector(`#change-${unnumbered.farmerId}-status`))).toContain('未在册 → 在册')

  expect(await status(matching.farmerId)).toMatchObject({ status: 'registered' })
  expect(await status(unnumbered.farmerId)).toMatchObject({ status: null, registryNoMasked: null })
})

it('a column mapped through its picker is matched again; 确认导入 then changes exactly the proposed members', async () => {
  // without the 状态 column every row reads 在册: the matching member needs no change
  page.querySelector('#map-status').dispatchEvent('change', { detail: { value: 0 } })
  await waitFor(() => text(page.querySelector('#map-status-value')) === '不导入 ›')
  tap(page, 'import-map-save')
  await waitFor(() => text(page.querySelector('#import-changes-title')) === '确认后将变更 1 位社员')
  expect(page.querySelector(`#change-${matching.farmerId}`)).toBeFalsy()
  // and back
  page.querySelector('#map-status').dispatchEvent('change', { detail: { value: HEADER.indexOf('状态') + 1 } })
  await waitFor(() => text(page.querySelector('#map-status-value')) === '状态 ›')
  tap(page, 'import-map-save')
  await waitFor(() => text(page.querySelector('#import-changes-title')) === '确认后将变更 2 位社员')

  modals.length = 0
  tap(page, 'import-apply')
  await waitFor(() => text(page.querySelector('#import-status')) === '已导入')
  expect(modals).toEqual([{ title: '确认导入', content: '将变更 2 位社员的在册信息。姓名不一致、重复和未找到社员的行不会导入。' }])
  expect(text(page.querySelector('#import-changes-title'))).toBe('已导入 2 位社员的变更')
  expect(page.querySelector('#import-apply')).toBeFalsy()

  expect(await status(matching.farmerId)).toMatchObject({ status: 'monitored', since: chinaDay(-1) })
  expect(await status(unnumbered.farmerId)).toMatchObject({ status: 'registered', since: chinaDay(-1), registryNoMasked: '5205**********0003' })
  expect(await status(misnamed.farmerId)).toMatchObject({ status: 'registered', registryNoMasked: misnamed.registryNoMasked })
})

it('the next list is read with the remembered columns; 放弃 drops it and changes nothing', async () => {
  tap(page, 'import-again')
  await waitFor(() => page.querySelector('#import-choose'))
  files.pick('第二份名单.csv', csv([[matching.registryNo, matching.name, '已脱贫', '', matching.village]]))
  tap(page, 'import-choose')
  await waitFor(() => page.querySelector('#import-mapping'))
  expect(text(page.querySelector('#import-mapping'))).toContain('沿用上次')
  expect(text(page.querySelector(`#change-${matching.farmerId}-status`))).toContain('监测户 → 已脱贫')
  expect(uploads[2].headers['idempotency-key']).not.toBe(uploads[0].headers['idempotency-key'])

  modals.length = 0
  tap(page, 'import-discard')
  await waitFor(() => text(page.querySelector('#import-status')) === '已放弃')
  expect(modals).toEqual([{ title: '放弃这份名单', content: '放弃后名单不会导入，社员的在册信息不变。' }])
  expect(await status(matching.farmerId)).toMatchObject({ status: 'monitored' })

  const audit = await client.api('/api/v1/coop/registry-audit', { token: manager.token })
  expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['import', 'apply_import', 'discard_import']))
})
