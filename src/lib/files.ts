/**
 * Spreadsheets from the phone or the computer (the county's list of registered households):
 * - weapp: chooseMessageFile (a file sent in a WeChat chat, CSV or xlsx), then its bytes through
 *   the FileSystemManager;
 * - H5: a hidden <input type=file>, then the File's bytes.
 * The bytes go to the API as a raw body through the one API client (src/lib/request.ts).
 */
import Taro from '@tarojs/taro'
import { clientError } from './api-error'
import { isH5 } from './env'

const SPREADSHEET_EXTENSIONS = ['csv', 'xlsx'] as const
type SpreadsheetExtension = (typeof SPREADSHEET_EXTENSIONS)[number]

const CONTENT_TYPES: Record<SpreadsheetExtension, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** The county's lists are a few thousand rows at most; the API takes at most 2 MB. */
const SPREADSHEET_MAX_BYTES = 2 * 1024 * 1024

export interface ChosenFile {
  name: string
  contentType: string
  bytes: ArrayBuffer
}

/** `名单.XLSX` → 'xlsx'; null for anything but CSV or xlsx. */
function spreadsheetExtension(name: string): SpreadsheetExtension | null {
  const ext = name.split('.').pop()?.toLowerCase() ?? ''
  return (SPREADSHEET_EXTENSIONS as readonly string[]).includes(ext) ? (ext as SpreadsheetExtension) : null
}

/** The type of a picked file, refused before its bytes are read when it is no spreadsheet or too large. */
function checkedType(name: string, size: number): string {
  const ext = spreadsheetExtension(name)
  if (!ext) throw clientError('FILE_TYPE', name)
  if (size > SPREADSHEET_MAX_BYTES) throw clientError('FILE_TOO_LARGE', String(size))
  return CONTENT_TYPES[ext]
}

function readInWechat(path: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: (err) => reject(clientError('FILE_READ_FAILED', err.errMsg)),
    })
  })
}

async function chooseInWechat(): Promise<ChosenFile | null> {
  let res: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...SPREADSHEET_EXTENSIONS] })
  } catch (err) {
    const msg = (err as { errMsg?: string } | null)?.errMsg ?? ''
    if (/cancel/i.test(msg)) return null
    throw clientError('FILE_CHOOSE_FAILED', msg)
  }
  const file = res.tempFiles[0]
  if (!file) return null
  const contentType = checkedType(file.name, file.size)
  return { name: file.name, contentType, bytes: await readInWechat(file.path) }
}

function chooseInBrowser(): Promise<ChosenFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = SPREADSHEET_EXTENSIONS.map((e) => `.${e}`).join(',')
    input.style.display = 'none'
    const done = () => input.remove()
    input.addEventListener('cancel', () => {
      done()
      resolve(null)
    })
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      done()
      if (!file) return resolve(null)
      let contentType: string
      try {
        contentType = checkedType(file.name, file.size)
      } catch (err) {
        return reject(err)
      }
      file.arrayBuffer().then(
        (bytes) => resolve({ name: file.name, contentType, bytes }),
        (err: unknown) => reject(clientError('FILE_READ_FAILED', String(err))),
      )
    })
    document.body.appendChild(input)
    input.click()
  })
}

/** Lets the manager pick one CSV or xlsx file and reads it; null when they cancel. */
export function chooseSpreadsheet(): Promise<ChosenFile | null> {
  return isH5 ? chooseInBrowser() : chooseInWechat()
}
