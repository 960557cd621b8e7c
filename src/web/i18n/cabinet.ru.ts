/** Russian strings of the parent's cabinet: home, schedule, visits, subscriptions, balance (the `cabinet` namespace of ru.ts). */
export const cabinetRu = {};
