/**
 * Photos from the phone to the API. weapp: chooseMedia → compressImage → the file's bytes
 * (FileSystemManager) sent as the raw body of POST /api/v1/uploads through wx.request.
 * H5: chooseMedia is Taro's hidden file input; the blob's bytes go the same way.
 * One Upload-Id per photo, reused on every retry, so a retried upload is stored once.
 */
import Taro from '@tarojs/taro'
import type { UploadResultDto } from '@contracts/farmer-listings'
import { useSession } from '../stores/session'
import { ApiError, clientError, errorFromResponse, networkError } from './api-error'
import { API_BASE, isH5 } from './env'

const UPLOAD_TIMEOUT_MS = 60_000
const RETRY_DELAYS_MS = [1000, 3000]

/** A client-chosen id for one photo's upload (8–64 of [A-Za-z0-9_-]). */
export function newUploadId(): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0')
  return `p${Date.now().toString(36)}${random}`
}

/** Lets the farmer pick (or take) up to `count` photos; returns local paths, [] when cancelled. */
export async function choosePhotos(count: number): Promise<string[]> {
  try {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFiles.map((f) => f.tempFilePath)
  } catch (err) {
    if (/cancel/i.test((err as { errMsg?: string })?.errMsg ?? '')) return []
    // Older H5 shells without chooseMedia: chooseImage is the same file input.
    if (isH5) {
      const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).catch(() => null)
      return res ? res.tempFilePaths : []
    }
    throw clientError('CHOOSE_FAILED', (err as { errMsg?: string })?.errMsg)
  }
}

/** weapp: a smaller JPEG of the photo (falls back to the original); H5 uploads as is. */
async function compress(path: string): Promise<string> {
  if (isH5) return path
  try {
    return (await Taro.compressImage({ src: path, quality: 80 })).tempFilePath
  } catch {
    return path
  }
}

async function readBytes(path: string): Promise<ArrayBuffer> {
  if (isH5) return (await fetch(path)).arrayBuffer()
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: (err) => reject(clientError('READ_FAILED', err.errMsg)),
    })
  })
}

async function sendOnce(bytes: ArrayBuffer, uploadId: string): Promise<UploadResultDto> {
  const token = useSession.getState().token
  const header: Record<string, string> = { 'Content-Type': 'application/octet-stream', 'Upload-Id': uploadId, Accept: 'application/json' }
  if (token) header.Authorization = `Bearer ${token}`
  let res: Taro.request.SuccessCallbackResult
  try {
    res = await Taro.request({ url: `${API_BASE}/api/v1/uploads`, method: 'POST', header, data: bytes, dataType: 'json', timeout: UPLOAD_TIMEOUT_MS })
  } catch (err) {
    throw networkError((err as { errMsg?: string })?.errMsg)
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as UploadResultDto
  throw errorFromResponse(res.statusCode, res.data)
}

const retryable = (err: unknown) => err instanceof ApiError && (err.status === 0 || err.status >= 500 || err.status === 429)

/** Compresses, reads and uploads one photo, retrying network failures with the same Upload-Id. */
export async function uploadPhoto(path: string, uploadId: string): Promise<UploadResultDto> {
  const bytes = await readBytes(await compress(path))
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendOnce(bytes, uploadId)
    } catch (err) {
      if (!retryable(err) || attempt >= RETRY_DELAYS_MS.length) throw err
      await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]))
    }
  }
}
