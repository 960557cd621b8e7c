/** Russian strings of the `payments` namespace. */
export const paymentsRu = {};
