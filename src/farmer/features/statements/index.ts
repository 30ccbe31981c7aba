/** 我的结算单 (farmer subpackage only): the farmer's weekly statements from the cooperative. */
export { fetchMyStatements } from './api'
export { StatementCard } from './statement-card'
