export { membersApi } from './api'
export { MemberCard, type MemberActions } from './member-card'
export { CommissionEditor, parsePercent } from './commission-editor'
export { ServicePhoneEditor, parseServicePhone } from './service-phone-editor'
