import type { JWTPayload } from 'jose';
import { authenticate } from '../../gateway/auth/authenticate';
import type { ClientDirectory } from '../../gateway/oauth/client-directory';
import {
  addDays,
  addSeconds,
  addWorkingDays,
  assertDate,
  instantOf,
  instantOfDateTime,
  isDate,
  isWeekend,
  localOf,
  periodOf,
  secondsBetween,
  todayInVietnam,
  vietnamDayOf,
} from '../../services/core/time';
import { DateTime } from '../../services/core/input';
import type { UnitDirectory } from '../../services/core/institutions/unit-directory';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: unknown; argument?: unknown } }).extensions;
  }
  return undefined;
};

describe("Vietnam's day (UTC+7, no daylight saving)", () => {
  afterEach(() => jest.useRealTimers());

  it('turns at 17:00:00Z', () => {
    expect(vietnamDayOf(new Date('2024-03-01T16:59:59.999Z'))).toBe('2024-03-01');
    expect(vietnamDayOf(new Date('2024-03-01T17:00:00Z'))).toBe('2024-03-02');
    expect(vietnamDayOf(Date.parse('2023-12-31T17:00:00Z'))).toBe('2024-01-01');
    expect(vietnamDayOf(new Date('2024-06-30T23:59:59Z'))).toBe('2024-07-01');
  });

  it('today follows the clock', () => {
    jest.useFakeTimers({ now: new Date('2024-02-28T16:59:59Z') });
    expect(todayInVietnam()).toBe('2024-02-28');
    jest.setSystemTime(new Date('2024-02-28T17:00:00Z'));
    expect(todayInVietnam()).toBe('2024-02-29');
  });

  describe("the gateway measures a unit's validTo in Vietnam's day", () => {
    const units = {
      find: async (code: string) => ({
        id: code, code, name: 'Kon Tum', level: 'PROVINCE', path: `VN/${code}`, validFrom: null, validTo: '2025-06-30',
        territory: [`VN/${code}`], successors: [{ id: '51@2025', code: '51', name: 'Quảng Ngãi' }],
      }),
    } as unknown as UnitDirectory;
    // The real day, not the pre-reform day the other suites replay (test/support/env.ts).
    const replayed = process.env.HUB_AS_OF;
    beforeAll(() => (process.env.HUB_AS_OF = ''));
    afterAll(() => (process.env.HUB_AS_OF = replayed));
    const verify = async (): Promise<JWTPayload> => ({ sub: 'official', unit: '62', roles: ['VIEWER'] });
    const signIn = () => authenticate({ authorization: 'Bearer token' }, verify, units, {} as ClientDirectory);

    it('valid until 24:00 of validTo at UTC+7', async () => {
      jest.useFakeTimers({ now: new Date('2025-06-30T16:59:59Z'), doNotFake: ['nextTick', 'setImmediate'] });
      expect((await signIn()).principal).toMatchObject({ unitCode: '62', unitPath: 'VN/62' });
    });

    it('refused from 00:00 of the next day at UTC+7, with HTTP 401', async () => {
      jest.useFakeTimers({ now: new Date('2025-06-30T17:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
      await expect(signIn()).rejects.toMatchObject({
        message: 'The token\'s unit "62" (Kon Tum) ceased to exist after 2025-06-30; its territory went into 51 (Quảng Ngãi)',
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    });
  });
});

describe('dates', () => {
  it.each(['2024-02-29', '2023-02-28', '2000-02-29', '2023-12-31', '1999-01-01'])('accepts the calendar day %s', (day) => {
    expect(isDate(day)).toBe(true);
    expect(assertDate(day, 'on')).toBe(day);
  });

  it.each(['2023-02-30', '2023-02-29', '1900-02-29', '2023-13-01', '2023-00-10', '2023-04-31', '2023-4-01', '20230401', '2023-04-01T00:00:00Z', '', 'yesterday'])(
    'refuses %p',
    (text) => {
      expect(isDate(text)).toBe(false);
      expect(codeOf(() => assertDate(text, 'on'))).toEqual({ code: 'BAD_USER_INPUT', argument: 'on' });
    },
  );

  it('date-times need a zone unless a default is given, and a real day', () => {
    expect(instantOfDateTime('2023-03-02T08:15:00+07:00')?.toISOString()).toBe('2023-03-02T01:15:00.000Z');
    expect(instantOfDateTime('2023-03-02T08:15Z')?.toISOString()).toBe('2023-03-02T08:15:00.000Z');
    expect(instantOfDateTime('2023-03-02T08:15:00.5z')?.toISOString()).toBe('2023-03-02T08:15:00.500Z');
    expect(instantOfDateTime('2023-03-02T08:15:00')).toBeNull();
    expect(instantOfDateTime('2023-03-02T08:15:00', 'Z')?.toISOString()).toBe('2023-03-02T08:15:00.000Z');
    expect(instantOfDateTime('2023-02-30T08:15:00Z')).toBeNull();
    expect(instantOfDateTime('2023-03-02T25:00:00Z')).toBeNull();
    expect(instantOfDateTime('2023-03-02')).toBeNull();
    expect(instantOfDateTime('2023-03-02 08:15:00Z')).toBeNull();
    // Past the four-digit years once the offset is applied: stored text would sort before every real year.
    expect(instantOfDateTime('9999-12-31T23:59:59-12:00')).toBeNull();
    expect(instantOfDateTime('0000-01-01T00:00:00+14:00')).toBeNull();
    expect(instantOfDateTime('9999-12-31T23:59:59Z')?.toISOString()).toBe('9999-12-31T23:59:59.000Z');
    // Offsets are -14:00 to +14:00 (README, "Days and times"); fractions at most nanoseconds.
    expect(instantOfDateTime('2023-01-01T00:00:00+14:59')).toBeNull();
    expect(instantOfDateTime('2023-01-01T00:00:00+14:00')?.toISOString()).toBe('2022-12-31T10:00:00.000Z');
    expect(instantOfDateTime('2023-01-01T00:00:00-13:30')?.toISOString()).toBe('2023-01-01T13:30:00.000Z');
    expect(instantOfDateTime(`2023-01-01T00:00:00.${'9'.repeat(10)}Z`)).toBeNull();
  });
});

describe('stored local time (procedures)', () => {
  it('converts between instants, stored local text and ISO with +07:00', () => {
    expect(localOf(new Date('2023-03-02T01:15:00Z'))).toBe('2023-03-02 08:15:00');
    expect(localOf(new Date('2023-03-01T17:00:00Z'))).toBe('2023-03-02 00:00:00');
    expect(instantOf('2023-03-02 08:15:00').toISOString()).toBe('2023-03-02T01:15:00.000Z');
    expect(addSeconds('2023-03-02 23:59:30', 45)).toBe('2023-03-03 00:00:15');
    expect(secondsBetween('2023-03-02 08:15:00', '2023-03-03 08:15:00')).toBe(86_400);
  });

  it('the DateTime scalar reads a client date-time with an offset, or as Vietnam time without one', () => {
    expect((DateTime.parseValue('2023-03-02T01:15:00Z') as Date).toISOString()).toBe('2023-03-02T01:15:00.000Z');
    expect((DateTime.parseValue('2023-03-02T08:15:00') as Date).toISOString()).toBe('2023-03-02T01:15:00.000Z');
    expect(localOf(DateTime.parseValue('2023-03-02T08:15') as Date)).toBe('2023-03-02 08:15:00');
    // Not an instant: left as is, for the input rules to refuse (value-rules.ts).
    expect(DateTime.parseValue('2023-02-30T08:15:00')).toBe('2023-02-30T08:15:00');
    expect(DateTime.parseValue('2023-03-02')).toBe('2023-03-02');
  });

  it('the DateTime scalar answers every stored form in Vietnam time with milliseconds', () => {
    expect(DateTime.serialize('2023-03-02 08:15:00')).toBe('2023-03-02T08:15:00.000+07:00');
    expect(DateTime.serialize('2023-03-02T01:15:00.000Z')).toBe('2023-03-02T08:15:00.000+07:00');
    expect(DateTime.serialize(new Date('2023-03-01T17:00:00Z'))).toBe('2023-03-02T00:00:00.000+07:00');
    expect(DateTime.serialize('2023-03-02T08:15:00+07:00')).toBe('2023-03-02T08:15:00.000+07:00');
    expect(() => DateTime.serialize('not a time')).toThrow(TypeError);
  });
});

describe('calendar and periods', () => {
  it('counts days and working days, inside and outside the 2000-2049 table', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2060-02-28', 1)).toBe('2060-02-29');
    expect(isWeekend('2024-03-02')).toBe(true);
    expect(isWeekend('2024-03-04')).toBe(false);
    expect(isWeekend('2060-03-06')).toBe(true);
    // Friday + 1 working day is Monday, at the same clock time.
    expect(addWorkingDays('2024-03-01 08:15:00', 1)).toBe('2024-03-04 08:15:00');
    expect(addWorkingDays('2024-03-01 08:15:00', 0)).toBe('2024-03-01 08:15:00');
    expect(addWorkingDays('2060-03-05 08:15:00', 1)).toBe('2060-03-08 08:15:00');
  });

  it('a period runs from its first day 00:00 to the day after its last, in stored local time', () => {
    expect(periodOf('2024-01-01', '2024-02-29')).toEqual({ from: '2024-01-01', to: '2024-02-29', start: '2024-01-01 00:00:00', end: '2024-03-01 00:00:00' });
    expect(codeOf(() => periodOf('2024-02-01', '2024-01-31'))).toEqual({ code: 'BAD_USER_INPUT', argument: 'to' });
    expect(codeOf(() => periodOf('2023-02-30', '2023-03-31'))).toEqual({ code: 'BAD_USER_INPUT', argument: 'from' });
  });
});
