import { nowLocal } from './vietnam-time';

/** Today's date in Vietnam, 'YYYY-MM-DD'. */
export const todayInVietnam = () => nowLocal().slice(0, 10);
