/** Vietnam's calendar: the day at UTC+7, date checks, stored local time, working days, reporting periods. */
export { VIETNAM_OFFSET, VIETNAM_OFFSET_MS, todayInVietnam, vietnamDayOf } from './vietnam-day';
export { addSeconds, instantOf, localOf, nowLocal, secondsBetween } from './local-time';
export { assertDate, instantOfDateTime, isDate } from './dates';
export { addDays, addWorkingDays, isWeekend } from './calendar';
export { periodOf, type Period } from './period';
export { nowTimestamp } from './timestamp';
export { treeDay, inForceOn } from './tree-day';
