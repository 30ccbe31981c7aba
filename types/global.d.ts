/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.less'
declare module '*.scss'
declare module '*.sass'
declare module '*.styl'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Node's own; decides the build's optimisations */
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** The mini-program's appid, if set in an env file */
    TARO_APP_ID?: string
    /** API origin for the weapp build, fixed at build time (config/index.ts); unused on H5 */
    TARO_APP_API_BASE?: string
  }
}
