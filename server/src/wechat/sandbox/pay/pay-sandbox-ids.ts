/** Random identifiers in the shapes WeChat Pay uses. */
import crypto from 'node:crypto'
import { toChinaRfc3339 } from '../../pay/pay-client'

export const digits = (n: number) => Array.from(crypto.randomBytes(n), (b) => String(b % 10)).join('')
export const requestId = () => crypto.randomBytes(16).toString('hex').toUpperCase()
export const newTransactionId = () => `42${digits(26)}`
export const newRefundId = () => `50${digits(27)}`
/** wx + the China-time stamp of issue (yyyyMMddHHmmss) + 20 hex. */
export const newPrepayId = (now: number) =>
  `wx${toChinaRfc3339(now).slice(0, 19).replace(/\D/g, '')}${crypto.randomBytes(10).toString('hex')}`
