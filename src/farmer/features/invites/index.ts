/** Joining a cooperative through an invite (farmer subpackage only). */
export { fetchInvite } from './api'
export { InviteHeader, JoinForm } from './join-form'
export { inviteErrorMessage } from './messages'
