/** Russian strings of the console's subscriptions, payments, debts and money history (the `billingConsole` namespace of ru.ts). */
export const billingConsoleRu = {};
