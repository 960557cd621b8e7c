/** Course offers sold online (the training portal builds on them). */
export {};
