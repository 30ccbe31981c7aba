/**
 * Reading and matching the county's household list without a database: CSV in the encodings and
 * shapes counties send (BOM, GBK, tabs, quotes, a title row), xlsx cells as text, the mapping read
 * off the header, row checks in Chinese, and the findings and changes a list produces.
 */
import ExcelJS from 'exceljs'
import { AppError } from '../../server/src/http/errors'
import { guessMapping, parseListDate } from '../../server/src/modules/households/import-mapping'
import { changesDigest, matchList, type MemberHousehold } from '../../server/src/modules/households/import-match'
import { cellText, parseHouseholdFile } from '../../server/src/modules/households/import-parse'
import { csvText, encodeGbk, utf8Csv, xlsxOf } from './household-import-fixtures'

const HEADER = ['序号', '户编号', '户主姓名', '户类型', '纳入时间', '所在村']

async function refusal(work: Promise<unknown>): Promise<string> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppError)
  return (err as AppError).code
}

describe('reading the file', () => {
  it('reads UTF-8 CSV with a BOM, quoted commas, quotes and line breaks', async () => {
    const file = utf8Csv([HEADER, ['1', '522427100100010173', '张国华', '在册', '2020-03-01', '新华村, 三组'], ['2', '522427100100010174', '李"秀"英', '已脱贫', '2021-1-5', '五星村\n二组']])
    expect(await parseHouseholdFile(file)).toEqual({
      header: HEADER,
      rows: [
        ['1', '522427100100010173', '张国华', '在册', '2020-03-01', '新华村, 三组'],
        ['2', '522427100100010174', '李"秀"英', '已脱贫', '2021-1-5', '五星村\n二组'],
      ],
    })
  })

  it('decodes GBK (Excel on a Chinese Windows) when the bytes are not UTF-8', async () => {
    const file = encodeGbk(csvText([HEADER, ['1', '522427100100010173', '张国华', '监测户', '2022/6/1', '草海镇新华村']]))
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow()
    const parsed = await parseHouseholdFile(file)
    expect(parsed.header).toEqual(HEADER)
    expect(parsed.rows).toEqual([['1', '522427100100010173', '张国华', '监测户', '2022/6/1', '草海镇新华村']])
  })

  it('takes tabs as the delimiter when the header has them, and skips a title row above the header', async () => {
    const text = `威宁县2024年脱贫户名单\r\n${csvText([HEADER, ['1', '522427100100010173', '张国华', '在册', '', '新华村']], '\t')}\r\n\r\n`
    const parsed = await parseHouseholdFile(Buffer.from(text, 'utf8'))
    expect(parsed.header).toEqual(HEADER)
    expect(parsed.rows).toEqual([['1', '522427100100010173', '张国华', '在册', '', '新华村']])
  })

  it('names empty and repeated header cells by their column, so each can be mapped', async () => {
    const parsed = await parseHouseholdFile(Buffer.from('户编号,,户编号\r\n522427100100010173,张国华,x\r\n', 'utf8'))
    expect(parsed).toEqual({ header: ['户编号', '列2', '列3'], rows: [['522427100100010173', '张国华', 'x']] })
  })

  it('reads the first worksheet of an xlsx: dates as YYYY-MM-DD, numbers as digits, a merged title row skipped', async () => {
    const file = await xlsxOf(
      [
        HEADER,
        [1, '522427100100010173', '张国华', '在册', new Date(Date.UTC(2020, 2, 1)), '新华村'],
        [2, 52242710010001, '李秀英', '已脱贫', '2021-01-05', '五星村'],
      ],
      { titleRow: '威宁县脱贫户名单' },
    )
    const parsed = await parseHouseholdFile(file)
    expect(parsed.header).toEqual(HEADER)
    expect(parsed.rows).toEqual([
      ['1', '522427100100010173', '张国华', '在册', '2020-03-01', '新华村'],
      ['2', '52242710010001', '李秀英', '已脱贫', '2021-01-05', '五星村'],
    ])
  })

  it('turns formula results and rich text into their text', () => {
    expect(cellText({ formula: 'A1', result: 7 } as ExcelJS.CellValue)).toBe('7')
    expect(cellText({ richText: [{ text: '张' }, { text: '国华' }] } as ExcelJS.CellValue)).toBe('张国华')
    expect(cellText({ text: '链接', hyperlink: 'https://example.cn' } as ExcelJS.CellValue)).toBe('链接')
  })

  it('refuses a file that is not a list: binary, an old .xls, a broken xlsx, an empty file', async () => {
    expect(await refusal(parseHouseholdFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])))).toBe('IMPORT_FILE_UNREADABLE')
    expect(await refusal(parseHouseholdFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe('IMPORT_FILE_UNREADABLE')
    expect(await refusal(parseHouseholdFile(Buffer.from('PK\u0003\u0004 not really a zip')))).toBe('IMPORT_FILE_UNREADABLE')
    expect(await refusal(parseHouseholdFile(Buffer.alloc(0)))).toBe('IMPORT_FILE_UNREADABLE')
    expect(await refusal(parseHouseholdFile(Buffer.from('户编号,户主姓名\r\n"522427100100010173,张国华')))).toBe('IMPORT_FILE_UNREADABLE')
  })

  it('refuses more than 5,000 rows', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => [String(522427100100000000 + i), '张国华'])
    expect(await refusal(parseHouseholdFile(utf8Csv([['户编号', '户主姓名'], ...rows])))).toBe('IMPORT_TOO_MANY_ROWS')
    expect((await parseHouseholdFile(utf8Csv([['户编号', '户主姓名'], ...rows.slice(1)]))).rows).toHaveLength(5000)
  })
})

describe('reading the columns and values', () => {
  it('guesses the mapping from the header texts counties use', () => {
    expect(guessMapping(HEADER)).toEqual({ registryNo: '户编号', headName: '户主姓名', status: '户类型', since: '纳入时间', village: '所在村' })
    expect(guessMapping(['姓名', '户主 ', '户号', '脱贫状态', '状态日期', '行政村'])).toEqual({ registryNo: '户号', headName: '户主 ', status: '脱贫状态', since: '状态日期', village: '行政村' })
    expect(guessMapping(['家庭编号（必填）', '姓名'])).toEqual({ registryNo: '家庭编号（必填）', headName: '姓名' })
    expect(guessMapping(['编号', '名字'])).toEqual({})
  })

  it('reads dates as counties write them and refuses ones that do not exist', () => {
    expect(['2024-03-01', '2024/3/1', '2024.03.01', '2024年3月1日', '20240301', '45352', '2024-03-01 00:00:00'].map(parseListDate)).toEqual(Array(7).fill('2024-03-01'))
    expect(['2024-02-30', '三月一日', '1999-12-31', '2024-13-01'].map(parseListDate)).toEqual([null, null, null, null])
  })
})

const member = (farmerId: number, name: string, household: Partial<MemberHousehold> = {}): MemberHousehold => ({
  farmerId,
  name,
  village: '新华村',
  active: true,
  registryNo: null,
  headName: '',
  open: null,
  lastEndedOn: null,
  ...household,
})
const registered = (registryNo: string | null, startedOn = '2020-01-01', headName = '') => ({ registryNo, headName, open: { status: 'registered' as const, startedOn, registryNo, headName } })
const mapping = { registryNo: '户编号', headName: '户主姓名', status: '户类型', since: '纳入时间' }
const today = '2026-11-25'

describe('matching the list to the members', () => {
  it('finds a match, a name mismatch, a duplicate and an unknown number, and proposes a change only for the match whose status moved', () => {
    const members = [member(1, '张国华', registered('522427100100010001')), member(2, '李秀英', registered('522427100100010002')), member(3, '王学军', registered('522427100100010003'))]
    const rows = [
      ['1', '522427100100010001', '张国华', '已脱贫', '2026-06-30'],
      ['2', '522427100100010002', '李秀兰', '在册', ''],
      ['3', '522427100100010003', '王学军', '在册', ''],
      ['4', '522427100100010003', '王学军', '在册', ''],
      ['5', '522427100100019999', '赵大山', '在册', ''],
    ]
    const result = matchList({ header: ['序号', ...Object.values(mapping)], rows, mapping, members, today })
    expect(result.rowErrors).toEqual([])
    expect(result.findings.map((f) => [f.kind, f.row, f.farmerId])).toEqual([
      ['match', 1, 1],
      ['name_mismatch', 2, 2],
      ['duplicate', 3, 3],
      ['unknown_number', 5, null],
    ])
    expect(result.findings[2].message).toBe('第3行：户编号在第3、4行重复出现，请先改好名单')
    expect(result.findings[0].registryNoMasked).toBe('5224**********0001')
    expect(result.changes).toEqual([{ farmerId: 1, farmerName: '张国华', row: 1, from: { status: 'registered', registryNo: '522427100100010001', startedOn: '2020-01-01' }, to: { status: 'lifted', since: '2026-06-30', registryNo: '522427100100010001', headName: '张国华' } }])
  })

  it('links the one unlinked member named as the head, flags numbered members missing from the list, and never dates a change before the open status began', () => {
    const members = [member(1, '张国华', registered(null, '2021-05-01')), member(2, '李秀英', registered('522427100100010002')), member(3, '王学军', { active: false, ...registered('522427100100010003') })]
    const rows = [['522427100100010001', '张 国华', '监测户', '2019-01-01']]
    const result = matchList({ header: Object.values(mapping), rows, mapping, members, today })
    expect(result.findings.map((f) => [f.kind, f.row, f.farmerId])).toEqual([
      ['new_link', 1, 1],
      ['not_on_list', null, 2],
    ])
    expect(result.changes).toEqual([{ farmerId: 1, farmerName: '张国华', row: 1, from: { status: 'registered', registryNo: null, startedOn: '2021-05-01' }, to: { status: 'monitored', since: '2021-05-01', registryNo: '522427100100010001', headName: '张 国华' } }])
  })

  it('does not guess between namesakes, and takes today when the list has no date column', () => {
    const members = [member(1, '张国华'), member(2, '张国华', { village: '五星村' }), member(3, '李秀英')]
    const noDates = { registryNo: '户编号', headName: '户主姓名' }
    const result = matchList({ header: ['户编号', '户主姓名'], rows: [['522427100100010001', '张国华'], ['522427100100010002', '李秀英']], mapping: noDates, members, today })
    expect(result.findings.map((f) => [f.kind, f.farmerId])).toEqual([
      ['unknown_number', null],
      ['new_link', 3],
    ])
    expect(result.findings[0].message).toContain('有2位社员叫“张国华”')
    expect(result.changes.map((c) => c.to)).toEqual([{ status: 'registered', since: today, registryNo: '522427100100010002', headName: '李秀英' }])
  })

  it('gives each bad row a Chinese error and leaves it out of the findings', () => {
    const rows = [
      ['', '张国华', '在册', ''],
      ['52-24', '李秀英', '在册', ''],
      ['522427100100010003', '王学军', '小康户', ''],
      ['522427100100010004', '赵大山', '在册', '2026-02-30'],
      ['522427100100010005', '', '在册', '2030-01-01'],
      ['', '', '', ''],
    ]
    const result = matchList({ header: Object.values(mapping), rows, mapping, members: [], today })
    expect(result.rowErrors).toEqual([
      { row: 1, message: '第1行：户编号为空' },
      { row: 2, message: '第2行：户编号格式不对（应为6–30位数字或字母）' },
      { row: 3, message: '第3行：状态“小康户”不认识（可填在册、已脱贫、监测户）' },
      { row: 4, message: '第4行：日期“2026-02-30”不对' },
      { row: 5, message: '第5行：户主姓名为空' },
      { row: 5, message: '第5行：日期“2030-01-01”晚于今天' },
    ])
    expect(result.findings).toEqual([])
    expect(result.changes).toEqual([])
  })

  it('digests equal changes equally, whatever the key order', () => {
    const change = { farmerId: 1, farmerName: '张国华', row: 1, from: null, to: { status: 'registered' as const, since: today, registryNo: '522427100100010001', headName: '张国华' } }
    const reordered = { to: { headName: '张国华', registryNo: '522427100100010001', since: today, status: 'registered' as const }, row: 1, from: null, farmerName: '张国华', farmerId: 1 }
    expect(changesDigest([change])).toBe(changesDigest([reordered]))
    expect(changesDigest([change])).not.toBe(changesDigest([{ ...change, to: { ...change.to, status: 'lifted' } }]))
    expect(changesDigest([])).toMatch(/^[0-9a-f]{64}$/)
  })
})
