/** Russian strings of attendance marking in the console (the `attendance` namespace of ru.ts). */
export const attendanceRu = {};
