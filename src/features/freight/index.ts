/**
 * Freight templates (运费模板) for the cooperative's page and the farmer's: the editor, the
 * readable table, the API. Shared by both subpackages, so it lives outside them.
 */
export { FreightEditor } from './freight-editor'
export { TemplateTable } from './template-table'
export { coopFreightApi, farmerFreightApi, freightRoutes } from './api'
export { shortProvince, zonePlaces, zoneRule } from './labels'
