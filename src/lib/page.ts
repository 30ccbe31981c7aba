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
