/** The coop subpackage's pages; the weekly ones take the week to show as `?week=2026-W48`. */
const withWeek = (path: string, week?: string) => (week ? `${path}?week=${week}` : path)

export const coopRoutes = {
  home: (week?: string) => withWeek('/coop/pages/home/index', week),
  members: (week?: string) => withWeek('/coop/pages/members/index', week),
  settlements: (week?: string) => withWeek('/coop/pages/settlements/index', week),
  impact: (week?: string) => withWeek('/coop/pages/impact/index', week),
  reviews: () => '/coop/pages/reviews/index',
}
