/** English strings of the parent's cabinet: home, schedule, visits, subscriptions, balance (the `cabinet` namespace of en.ts). */
export const cabinetEn = {};
