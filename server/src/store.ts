/** Opens the configured store: PostgreSQL when DATABASE_URL is set, else PGlite under the data dir. */
import path from 'node:path'
import type { Config } from './config'
import { openStore, type Store } from './db/client'

export function openConfiguredStore(config: Config): Promise<Store> {
  return config.databaseUrl
    ? openStore({ kind: 'postgres', url: config.databaseUrl })
    : openStore({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') })
}
