export { StatementCard, type StatementActions } from './statement-card'
