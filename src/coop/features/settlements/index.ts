export { settlementsApi } from './api'
export { StatementCard, type StatementActions } from './statement-card'
export { CooperativeRefunds } from './cooperative-refunds'
