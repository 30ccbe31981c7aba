import type { RoleDto } from '@contracts/auth'

const ROLE_NAMES: Record<RoleDto, string> = {
  buyer: '买家',
  farmer: '农户',
  coop_admin: '合作社',
}

export function roleNames(roles: readonly RoleDto[]): string[] {
  return roles.map((r) => ROLE_NAMES[r] ?? r)
}
