/**
 * Page lifecycle hooks and page-level UI calls. Pages and features take them from here,
 * so lib/ stays the only code that talks to Taro's APIs.
 */
import Taro from '@tarojs/taro'

export {
  useDidShow,
  useLoad,
  usePullDownRefresh,
  useReachBottom,
  useRouter,
  useShareAppMessage,
} from '@tarojs/taro'

export function stopPullDownRefresh(): void {
  Taro.stopPullDownRefresh()
}

export function showToast(title: string): void {
  Taro.showToast({ title, icon: 'none', duration: 2000 }).catch(() => undefined)
}

export function setPageTitle(title: string): void {
  Taro.setNavigationBarTitle({ title }).catch(() => undefined)
}

export interface ConfirmOptions {
  title: string
  content: string
  confirmText?: string
  cancelText?: string
}

/** A native confirm dialog; resolves true when the user confirms. */
export async function confirmModal({ title, content, confirmText = '确定', cancelText = '再想想' }: ConfirmOptions): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText, confirmColor: '#d9480f' })
    return !!res.confirm
  } catch {
    return false
  }
}
