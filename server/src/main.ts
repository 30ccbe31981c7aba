/** Starts the API: validated config, store with migrations, demo data on an empty store, listen. */
import { buildApp } from './app'
import { ConfigError, loadConfig, sandboxExposureWarning } from './config'
import { seedDemoStore } from './seed/demo-store'
import { openConfiguredStore } from './store'

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error — ${err.message}`)
      process.exit(1)
    }
    throw err
  }
  const store = await openConfiguredStore(config)
  if (config.seedDemoData) {
    const { seeded, sales } = await seedDemoStore(store.db)
    if (seeded) console.log(`Loaded the demo data into the empty store${sales ? ` (with ${sales.orders} past orders of the demo cooperative)` : ''}.`)
  }
  const app = await buildApp({ config, store })
  const close = async () => {
    await app.close()
    await store.close()
    process.exit(0)
  }
  process.once('SIGINT', close)
  process.once('SIGTERM', close)
  await app.listen({ port: config.port, host: config.host })
  app.jobs.start()
  const exposed = sandboxExposureWarning(config)
  if (exposed) {
    // Loud on purpose: in the log (warn) and on stderr, where a terminal or a service manager shows it.
    app.log.warn(exposed)
    console.error(`\n!!! WARNING: ${exposed}\n`)
  }
  const base = `http://localhost:${config.port}`
  console.log(`Xiangji is running at ${base}  (store: ${store.kind}, WeChat: ${config.wechat.mode})`)
  console.log(`API docs: ${base}/api/docs`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
