/** Web push subscriptions, notification preferences and the notification log. */
export {};
