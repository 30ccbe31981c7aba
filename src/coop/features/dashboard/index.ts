export { reportsApi } from './api'
export { WeekSummary } from './week-summary'
