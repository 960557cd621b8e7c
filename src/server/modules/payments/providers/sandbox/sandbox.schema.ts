/** The sandbox provider's own state: its payments and refunds, as a real provider would keep them. */
export {};
