import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { badInput, notFound } from '../../core/errors';
import { Connection, paginate, type Page } from '../../core/pagination';
import { unitCodeOf } from '../../core/access';
import { instantOfDateTime, isDate, VIETNAM_OFFSET } from '../../core/time';
import { unitById } from '../loaders';
import { unitByCodeOn } from '../unit/unit-versions';
import { vietnamDayOf } from '../../core/time';
import { AdministrativeUnit } from '../unit/administrative-unit';
import { assertMayReadAudit, auditEntryById, whereAuditVisible } from './audit-access';
import { AuditEntry } from './audit-entry';
import { AuditLogArgs } from './audit-log-args';

const AuditEntryConnection = Connection(AuditEntry);

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, {
    nullable: true,
    description: 'The audit log, oldest first, as far as your scope reaches (either side of an entry): ADMIN or INSPECTOR.',
  })
  @ServiceScope('closed')
  auditLog(@Args() args: AuditLogArgs, @Ctx() context: SubgraphContext): Promise<Page<AuditEntry>> {
    const principal = assertMayReadAudit(context.principal);
    const query = context.dataSource.getRepository(AuditEntry).createQueryBuilder('entry');
    whereAuditVisible(query, 'entry', principal);
    if (args.outcome) query.andWhere('entry.outcome = :outcome', { outcome: args.outcome });
    if (args.action) query.andWhere('entry.action = :action', { action: args.action });
    if (args.actorSubject) query.andWhere('entry.actorSubject = :actorSubject', { actorSubject: args.actorSubject });
    if (args.from !== undefined && args.from !== null) {
      // recordedAt is UTC ISO text: the bound in the same form. A day starts at 00:00 in Vietnam, and a
      // time without an offset is Vietnam time, as a DateTime argument is (core/input/date-time.ts).
      const from = instantOfDateTime(isDate(args.from) ? `${args.from}T00:00:00` : args.from, VIETNAM_OFFSET)?.toISOString();
      if (!from) throw badInput(`from must be an ISO 8601 date, got "${args.from}"`, 'from');
      query.andWhere('entry.recordedAt >= :from', { from });
    }
    return paginate(query, 'entry.id', (entry) => entry.id, args);
  }

  @Query(() => AuditEntry, { nullable: true, description: 'One audit entry by id (ADMIN or INSPECTOR, in scope).' })
  @ServiceScope('closed')
  async auditEntry(@Arg('id', () => ID, { description: 'Id of the audit entry.' }) id: string, @Ctx() context: SubgraphContext): Promise<AuditEntry> {
    assertMayReadAudit(context.principal);
    const entry = await auditEntryById(context).load(id);
    if (!entry) throw notFound(`No audit entry has id "${id}"`);
    return entry;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: "The actor's unit." })
  actorUnit(@Root() entry: AuditEntry, @Ctx() context: SubgraphContext) {
    // The code named the unit that held it on the entry's day.
    return entry.actorUnitCode ? unitByCodeOn(context, entry.actorUnitCode, vietnamDayOf(new Date(entry.recordedAt))) : null;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit the action concerned, when known.' })
  targetUnit(@Root() entry: AuditEntry, @Ctx() context: SubgraphContext) {
    return entry.targetUnitPath ? unitById(context).load(unitCodeOf(entry.targetUnitPath)) : null;
  }
}
