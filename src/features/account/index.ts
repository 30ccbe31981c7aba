/** The account feature: sign in (WeChat, or the sandbox's demo personas on H5), who am I, sign out. */
export { LoginPanel } from './login-panel'
export { AccountCard } from './account-card'
export { roleNames } from './roles'
