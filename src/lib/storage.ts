/** Key-value storage over Taro's synchronous storage API, shaped for zustand's `persist`. */
import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

export const taroStorage: StateStorage = {
  getItem(name) {
    try {
      const value: unknown = Taro.getStorageSync(name)
      return typeof value === 'string' && value !== '' ? value : null
    } catch {
      return null
    }
  },
  setItem(name, value) {
    try {
      Taro.setStorageSync(name, value)
    } catch {
      // Storage full or unavailable: the session simply isn't remembered.
    }
  },
  removeItem(name) {
    try {
      Taro.removeStorageSync(name)
    } catch {
      // nothing to remove
    }
  },
}
