/**
 * `npm run seed`: loads the demo catalogue into the configured store if it is empty.
 * PostgreSQL when DATABASE_URL is set, otherwise PGlite under XIANGJI_DATA_DIR.
 */
import path from 'node:path'
import { chinaDate } from '@domain/china-time'
import { loadConfig } from '../config'
import { openStore, type Store } from '../db/client'
import { seedDemoStore } from './demo-store'

async function main(): Promise<void> {
  const config = loadConfig()
  const store: Store = config.databaseUrl
    ? await openStore({ kind: 'postgres', url: config.databaseUrl, maxConnections: 2 })
    : await openStore({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') })
  const where = store.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : path.join(config.dataDir, 'pglite')
  try {
    const today = chinaDate()
    const result = await seedDemoStore(store.db)
    if (result.seeded && result.counts) {
      const c = result.counts
      console.log(
        `Seeded demo data into ${where} (harvest windows around ${today}): ` +
          `${c.categories} categories, ${c.cooperatives} cooperatives, ${c.farmers} farmers, ` +
          `${c.products} products, ${c.specs} specs, ${c.users} demo users` +
          (result.sales ? `; ${result.sales.orders} past orders and ${result.sales.statements} statements of the demo cooperative.` : '.'),
      )
    } else {
      console.log(`${where} already has data (a cooperative exists); nothing seeded.`)
    }
  } finally {
    await store.close()
  }
}

main().catch((err: unknown) => {
  console.error('Seeding failed:', err instanceof Error ? err.message : err)
  process.exitCode = 1
})
