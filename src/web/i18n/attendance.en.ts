/** English strings of attendance marking in the console (the `attendance` namespace of en.ts). */
export const attendanceEn = {};
