/**
 * Authenticated downloads of files the API makes (reports as CSV or xlsx). The bearer token
 * goes in a header, never in the URL (so it stays out of logs and shared links).
 * - H5: fetch with the token, then save the Blob through a temporary link.
 * - weapp: Taro.downloadFile with the header; an xlsx opens in WeChat's document viewer
 *   (openDocument, whose menu can forward or save it); a CSV, which that viewer cannot show,
 *   is sent to a chat (shareFileMessage) so it can be opened on a computer.
 */
import Taro from '@tarojs/taro'
import { useSession } from '../stores/session'
import { ApiError, clientError, errorFromResponse, networkError } from './api-error'
import { API_BASE, isH5 } from './env'
import { buildQuery, REQUEST_TIMEOUT_MS, type Query } from './request'

const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'] as const
type DocumentType = (typeof DOCUMENT_TYPES)[number]

function headers(): Record<string, string> {
  const token = useSession.getState().token
  return token ? { Authorization: `Bearer ${token}` } : {}
}

async function saveInBrowser(url: string, fileName: string): Promise<void> {
  let res: Response
  try {
    res = await fetch(url, { headers: headers() })
  } catch (err) {
    throw networkError((err as Error | null)?.message)
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null)
    throw errorFromResponse(res.status, body)
  }
  const href = URL.createObjectURL(await res.blob())
  const link = document.createElement('a')
  link.href = href
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(href), 30_000)
}

async function openInWechat(url: string, fileName: string): Promise<void> {
  let res: Taro.downloadFile.FileSuccessCallbackResult
  try {
    res = await Taro.downloadFile({ url, header: headers(), timeout: REQUEST_TIMEOUT_MS * 2 })
  } catch (err) {
    throw networkError((err as { errMsg?: string } | null)?.errMsg)
  }
  if (res.statusCode !== 200) throw errorFromResponse(res.statusCode, null)
  const ext = fileName.split('.').pop()?.toLowerCase() ?? ''
  if ((DOCUMENT_TYPES as readonly string[]).includes(ext)) {
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: ext as DocumentType, showMenu: true })
  } else {
    await Taro.shareFileMessage({ filePath: res.tempFilePath, fileName })
  }
}

/** Downloads `path` (with `query`) as `fileName`; throws ApiError with a message for the user. */
export async function downloadFile(path: string, query: Query, fileName: string): Promise<void> {
  const url = `${API_BASE}${path}${buildQuery(query)}`
  try {
    if (isH5) await saveInBrowser(url, fileName)
    else await openInWechat(url, fileName)
  } catch (err) {
    if (err instanceof ApiError) throw err
    // The user closing the share sheet is not an error worth a message.
    if (/cancel/i.test(String((err as { errMsg?: string } | null)?.errMsg ?? ''))) return
    throw clientError('DOWNLOAD_FAILED', String((err as Error | null)?.message ?? err))
  }
}
