/** English strings of the console's subscriptions, payments, debts and money history (the `billingConsole` namespace of en.ts). */
export const billingConsoleEn = {};
