import { createHash, randomUUID } from 'node:crypto';
import type { SubgraphContext } from '../../core/context';
import { badInput, conflict } from '../../core/errors';
import { assertAgencyInForce, assertExistedOn, storedPath } from '../../core/access';
import { entityResult, idempotent, type TransactionalWrite } from '../../core/idempotency';
import { isDate, nowTimestamp, todayInVietnam } from '../../core/time';
import { assertMayWrite, DOCUMENT_WRITERS } from './write-access';
import { isRetryableConflict } from '../../core/write-conflicts';
import { Document } from './document';
import type { RegisterDocumentInput } from './document-args';
import { assertAbbreviation, formatNumberAndSymbol, seriesOf } from './document-number';
import { DOCUMENT_TYPES, DocumentType, typeByAbbreviation } from './document-type';

const MAX_ATTEMPTS = 30;

/** Checks everything about the input before anything is written. */
function validated(input: RegisterDocumentInput) {
  const info = typeByAbbreviation(input.typeAbbreviation);
  if (!info) {
    throw badInput(
      `Unknown document type "${input.typeAbbreviation}": use one of ${DOCUMENT_TYPES.map((entry) => entry.abbreviation).join(', ')}`,
      'typeAbbreviation',
    );
  }
  const normative = input.normative ?? false;
  if (normative && !info.mayBeNormative) throw badInput(`A ${info.name} (${info.abbreviation}) cannot be a legal normative document`, 'normative');
  const issuerAbbreviation = assertAbbreviation(input.issuerAbbreviation, 'issuerAbbreviation');
  const drafterAbbreviation = input.drafterAbbreviation ? assertAbbreviation(input.drafterAbbreviation, 'drafterAbbreviation') : null;
  if (drafterAbbreviation && info.type !== DocumentType.OFFICIAL_LETTER) {
    throw badInput('Only an official letter (CV) names a drafting unit', 'drafterAbbreviation');
  }
  const title = input.title.trim();
  if (!title || title.length > 500) throw badInput('The title must have 1 to 500 characters', 'title');
  if (input.content.trim() === '') throw badInput('A document needs content: the content is empty', 'content');
  const issueDate = input.issueDate ?? todayInVietnam();
  if (!isDate(issueDate)) throw badInput(`issueDate "${input.issueDate}" is not a date YYYY-MM-DD`, 'issueDate');
  if (issueDate > todayInVietnam()) throw badInput('issueDate cannot be in the future', 'issueDate');
  if (input.number !== undefined && input.number !== null && (!Number.isInteger(input.number) || input.number < 1 || input.number > 999_999)) {
    throw badInput('number must be a positive integer', 'number');
  }
  return { info, normative, issuerAbbreviation, drafterAbbreviation, title, issueDate, year: Number(issueDate.slice(0, 4)) };
}

/**
 * Registers a document in one transaction. Without an explicit number it takes the next of
 * its series (MAX + 1 read inside the transaction); the unique index on (agency, year,
 * series, number) turns a concurrent registration that read the same MAX into a duplicate-key
 * error, and that registration retries with a fresh MAX: no number is ever given twice, and
 * none is skipped (a number exists only with its committed row). The database decides, so this
 * holds for any number of processes and replicas writing to it (test/deployment/replicas.test.ts).
 * Idempotent on `input.clientKey` (`core/idempotency`): a retry gets the number given first.
 */
export function registerDocument(context: SubgraphContext, input: RegisterDocumentInput): Promise<Document> {
  return idempotent(context, { mutation: 'registerDocument', clientKey: input.clientKey, input, result: entityResult(Document) }, (write) =>
    register(context, input, write),
  );
}

async function register(context: SubgraphContext, input: RegisterDocumentInput, write: TransactionalWrite<Document>): Promise<Document> {
  const fields = validated(input);
  const agency = await context.institutions.agencies.require(input.agencyId, { as: 'hub' });
  // An agency of a dissolved unit registers nothing new (rule 13): BAD_USER_INPUT naming the successors.
  assertAgencyInForce(agency, 'agencyId');
  assertExistedOn(agency.unit, fields.issueDate, 'issueDate');
  const unitPath = storedPath(agency.unit.path);
  const who = assertMayWrite(context.principal, unitPath, DOCUMENT_WRITERS, `A document of ${agency.name}`, 'documents:exchange');
  const series = seriesOf(fields.info.type, fields.normative);
  const explicit = input.number ?? null;
  const base = {
    year: fields.year,
    series,
    type: fields.info.type,
    normative: fields.normative,
    issuerAbbreviation: fields.issuerAbbreviation,
    drafterAbbreviation: fields.drafterAbbreviation,
    title: fields.title,
    agencyId: agency.id,
    agencyName: agency.name,
    unitId: agency.unit.id,
    unitPath,
    issueDate: fields.issueDate,
    content: input.content,
    contentSha256: createHash('sha256').update(Buffer.from(input.content, 'utf8')).digest('hex'),
    registeredBy: who.subject,
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write(async (manager) => {
        let number = explicit;
        if (number === null) {
          const { last } = (await manager
            .getRepository(Document)
            .createQueryBuilder('document')
            .select('MAX(document.number)', 'last')
            .where('document.agencyId = :agencyId AND document.year = :year AND document.series = :series', {
              agencyId: agency.id,
              year: fields.year,
              series,
            })
            .getRawOne<{ last: number | string | null }>()) ?? { last: null };
          number = Number(last ?? 0) + 1;
        }
        const registeredAt = nowTimestamp();
        const document: Document = {
          ...base,
          id: randomUUID(),
          number,
          numberAndSymbol: formatNumberAndSymbol({ ...base, number }),
          registeredAt,
          updatedAt: registeredAt,
        };
        await manager.insert(Document, document);
        return document;
      });
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      if (explicit !== null) {
        throw conflict(`Number ${explicit} of ${fields.year} is already used in the ${fields.info.name} series of ${agency.name}`);
      }
      if (attempt >= MAX_ATTEMPTS) throw conflict('Could not allocate a document number: too many concurrent registrations, try again');
    }
  }
}
