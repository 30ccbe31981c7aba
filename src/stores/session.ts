/**
 * Who is signed in: the bearer token and the user it belongs to, remembered in Taro storage.
 * The WeChat / demo login flows live in lib/login.ts and end in `login(result)`.
 */
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { LoginResultDto, MeDto, RoleDto } from '@contracts/auth'
import { taroStorage } from '../lib/storage'

interface SessionData {
  token: string | null
  expiresAt: string | null
  user: MeDto | null
}

interface SessionState extends SessionData {
  login: (result: LoginResultDto) => void
  setUser: (user: MeDto) => void
  logout: () => void
}

const signedOut: SessionData = { token: null, expiresAt: null, user: null }

function isExpired(expiresAt: string | null, now = Date.now()): boolean {
  if (!expiresAt) return false
  const at = Date.parse(expiresAt)
  return Number.isFinite(at) && at <= now
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      ...signedOut,
      login: (result) => set({ token: result.token, expiresAt: result.expiresAt, user: result.user }),
      setUser: (user) => set({ user }),
      logout: () => set(signedOut),
    }),
    {
      name: 'xiangji-session',
      version: 1,
      storage: createJSONStorage(() => taroStorage),
      partialize: (s): SessionData => ({ token: s.token, expiresAt: s.expiresAt, user: s.user }),
      // A remembered session that has expired is dropped when the app starts.
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<SessionData>
        if (!saved.token || isExpired(saved.expiresAt ?? null)) return { ...current, ...signedOut }
        return { ...current, token: saved.token, expiresAt: saved.expiresAt ?? null, user: saved.user ?? null }
      },
    },
  ),
)

export function hasRole(user: MeDto | null, role: RoleDto): boolean {
  return !!user && user.roles.includes(role)
}
