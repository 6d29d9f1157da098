import { randomBytes } from 'node:crypto';
import type { SubgraphContext } from '../../core/context';
import { badInput, conflict, notFound } from '../../core/errors';
import { storedPath, resolveWritableUnit } from '../../core/access';
import { entityResult, idempotent, type TransactionalWrite } from '../../core/idempotency';
import { UnitLevel } from '../../core/unit-level';
import { assertMayWrite } from '../dossier/write-access';
import { procedureById } from '../loaders';
import { assertDate, nowTimestamp, todayInVietnam } from '../../core/time';
import { legacyLevelOf, onlineServiceOf } from './online-service';
import { Procedure } from './procedure';
import { searchKey } from '../../core/text-search';
import { procedureField } from './procedure-field';
import type { PublishProcedureInput } from './publish-procedure.input';

function validate(input: PublishProcedureInput, today: string) {
  if (!/^\d\.\d{6}$/.test(input.code)) throw badInput('code must look like "1.001612"', 'code');
  if (input.name.trim().length < 3 || input.name.length > 300) throw badInput('name must have 3 to 300 characters', 'name');
  if (!procedureField(input.fieldCode)) throw badInput(`Unknown field code "${input.fieldCode}"`, 'fieldCode');
  if (input.level === UnitLevel.NATION) throw badInput('A province publishes procedures of the PROVINCE, DISTRICT or COMMUNE level', 'level');
  const legacyLevel = input.legacyLevel ?? legacyLevelOf(input.onlineService);
  if (![1, 2, 3, 4].includes(legacyLevel) || onlineServiceOf(legacyLevel) !== input.onlineService) {
    throw badInput(`legacyLevel ${legacyLevel} does not match onlineService ${input.onlineService}`, 'legacyLevel');
  }
  if (!Number.isInteger(input.processingDays) || input.processingDays < 1 || input.processingDays > 365) {
    throw badInput('processingDays must be between 1 and 365', 'processingDays');
  }
  if ((input.fee ?? 0) < 0) throw badInput('fee must not be negative', 'fee');
  const publishedOn = input.publishedOn ? assertDate(input.publishedOn, 'publishedOn') : today;
  if (publishedOn > today) throw badInput('publishedOn is in the future', 'publishedOn');
  if (input.decisionNumber.trim().length < 3 || input.decisionNumber.length > 60) throw badInput('decisionNumber must have 3 to 60 characters', 'decisionNumber');
  return { legacyLevel, publishedOn };
}

/**
 * Publishes a procedure in a province's catalogue: one per national code in force at a time.
 * Idempotent on `input.clientKey` (`core/idempotency`).
 */
export function publishProcedure(context: SubgraphContext, input: PublishProcedureInput): Promise<Procedure> {
  return idempotent(context, { mutation: 'publishProcedure', clientKey: input.clientKey, input, result: entityResult(Procedure) }, (write) =>
    publish(context, input, write),
  );
}

async function publish(context: SubgraphContext, input: PublishProcedureInput, write: TransactionalWrite<Procedure>): Promise<Procedure> {
  // Only a province in force publishes (rule 13): a dissolved one is BAD_USER_INPUT naming its successor.
  const province = await resolveWritableUnit(context, input.provinceCode, 'provinceCode');
  if (province.level !== 'PROVINCE') throw badInput(`Unit ${province.code} is not a province: provinces publish catalogues`, 'provinceCode');
  assertMayWrite(context.principal, province.path, `Publishing a procedure for province ${province.code}`);
  const today = todayInVietnam();
  const { legacyLevel, publishedOn } = validate(input, today);
  const procedure = Object.assign(new Procedure(), {
    id: `${province.code}-${input.code}-${randomBytes(3).toString('hex')}`,
    code: input.code,
    name: input.name.trim(),
    searchName: searchKey(input.name),
    fieldCode: input.fieldCode,
    level: input.level,
    // The version id: the entity key of the province (`51@2025` after the reform).
    provinceId: province.id,
    unitPath: storedPath(province.path),
    onlineService: input.onlineService,
    legacyLevel,
    processingDays: input.processingDays,
    fee: input.fee ?? 0,
    publishedOn,
    decisionNumber: input.decisionNumber.trim(),
    withdrawnOn: null,
    nationalPortal: input.nationalPortal ?? false,
    atServiceCenter: input.atServiceCenter ?? false,
    updatedAt: '',
  });
  return write(async (manager) => {
    const inForce = await manager
      .getRepository(Procedure)
      .createQueryBuilder('p')
      .where('p.unitPath = :path AND p.code = :code AND p.withdrawnOn IS NULL', { path: procedure.unitPath, code: procedure.code })
      .getCount();
    if (inForce > 0) throw conflict(`Province ${province.code} already has procedure ${input.code} in force: withdraw it first`);
    // Pull sync: stamped inside the write's transaction (core/updated-since.ts).
    procedure.updatedAt = nowTimestamp();
    await manager.insert(Procedure, procedure);
    return procedure;
  });
}

/** Withdraws (bãi bỏ) a procedure in force; it stays in the catalogue's history. */
export async function withdrawProcedure(context: SubgraphContext, id: string, on?: string): Promise<Procedure> {
  const procedure = await procedureById(context).load(id);
  if (!procedure) throw notFound(`No procedure has id "${id}"`);
  assertMayWrite(context.principal, procedure.unitPath, `Withdrawing procedure ${id}`);
  if (procedure.withdrawnOn !== null) throw conflict(`Procedure ${id} was already withdrawn on ${procedure.withdrawnOn}`);
  const today = todayInVietnam();
  const day = on ? assertDate(on, 'on') : today;
  if (day > today) throw badInput('on is in the future', 'on');
  if (day < procedure.publishedOn) throw badInput(`on is before the procedure was published (${procedure.publishedOn})`, 'on');
  const updatedAt = nowTimestamp();
  await context.dataSource.transaction(async (manager) => {
    const result = await manager
      .createQueryBuilder()
      .update(Procedure)
      .set({ withdrawnOn: day, updatedAt })
      .where('id = :id AND withdrawnOn IS NULL', { id })
      .execute();
    if (result.affected === 0) throw conflict(`Procedure ${id} was withdrawn meanwhile`);
  });
  return Object.assign(new Procedure(), procedure, { withdrawnOn: day, updatedAt });
}
