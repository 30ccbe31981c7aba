export { WeekSummary } from './week-summary'
