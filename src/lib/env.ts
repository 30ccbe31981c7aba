/** Build-time facts about where the app runs. */

export const isH5 = process.env.TARO_ENV === 'h5'
export const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * Origin of the API. H5: the API server serves the H5 build, so same origin (empty string).
 * weapp: fixed at build time from TARO_APP_API_BASE (config/index.ts), default http://localhost:3000.
 */
export const API_BASE: string = isH5 ? '' : (process.env.TARO_APP_API_BASE || 'http://localhost:3000').replace(/\/+$/, '')
