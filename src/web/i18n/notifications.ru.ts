/** Russian strings of the `notifications` namespace. */
export const notificationsRu = {};
