/** Copying text for the user (a tracking number): WeChat and the H5 build both say 内容已复制. */
import Taro from '@tarojs/taro'

/** Puts `text` on the clipboard; false (with a hint to copy by hand) when the phone refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text })
    return true
  } catch {
    Taro.showToast({ title: '复制失败，请长按单号复制', icon: 'none', duration: 2000 }).catch(() => undefined)
    return false
  }
}
