import { badInput } from './errors';

/** Official codes: 2 digits (province), 3 (district) or 5 (commune); `VN` is the nation root. */
const UNIT_CODE = /^(VN|\d{2}|\d{3}|\d{5})$/;

export function assertUnitCode(code: string, argument = 'code'): string {
  if (!UNIT_CODE.test(code)) {
    throw badInput(`"${code}" is not a unit code: use 2 digits (province), 3 (district), 5 (commune) or VN`, argument);
  }
  return code;
}
