export { reportsApi } from './api'
export { WeekSummary } from './week-summary'
export { WeekRefunds } from './week-refunds'
