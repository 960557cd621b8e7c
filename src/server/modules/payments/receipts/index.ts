/** Receipts of online payments: the email, the printable HTML page and the PDF. */
export { enqueuePaymentReceipt } from './receipt-mail.js';
export { receiptPath, receiptRoutes } from './receipts.routes.js';
