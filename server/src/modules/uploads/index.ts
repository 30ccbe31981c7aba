/**
 * The uploads module: registers POST /api/v1/uploads over a folder media store under the data dir.
 *
 * Owns (the only writer of) `media`. Other modules ask which photo keys a user uploaded through
 * `ownedMediaKeys` rather than reading the table (its columns: key, owner_user_id, …).
 */
import path from 'node:path'
import type { ModuleContext } from '../../module-context'
import { createFolderMediaStore, type MediaStore } from './media-store'
import { createUploadRepository } from './upload-repository'
import { uploadRoutes } from './upload-routes'
import { createUploadService } from './upload-service'

export { ownedMediaKeys } from './upload-repository'
export type { MediaStore } from './media-store'

export async function registerUploads(ctx: ModuleContext, store: MediaStore = createFolderMediaStore(path.join(ctx.config.dataDir, 'media'))): Promise<void> {
  const uploads = createUploadService({ repo: createUploadRepository(ctx.db), store })
  await ctx.app.register(uploadRoutes, { auth: ctx.auth, uploads })
}
