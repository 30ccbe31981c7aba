/** Shows photos full screen (swipe between them), starting at `current`; WeChat's own viewer on weapp. */
import Taro from '@tarojs/taro'

export function previewImages(urls: readonly string[], current: string): void {
  if (urls.length === 0) return
  Taro.previewImage({ urls: [...urls], current }).catch(() => undefined)
}
