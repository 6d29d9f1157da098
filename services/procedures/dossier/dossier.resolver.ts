import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { notFound } from '../../core/errors';
import type { Page } from '../../core/pagination';
import { readPersonalData, requirePrincipal, resolveUnit, territoryOf } from '../../core/access';
import { AgencyRef } from '../extends/Agency';
import { UnitRef } from '../extends/AdministrativeUnit';
import { dossierById, procedureById } from '../loaders';
import { Procedure } from '../procedure/procedure';
import { addSeconds, isoOf } from '../../core/time';
import { Dossier } from './dossier';
import { DossierListArgs } from './dossier-args';
import { DossierConnection } from './dossier-connection';
import { listDossiers } from './dossier-list';
import { Applicant, ApologyLetter } from './dossier-parts';

@Resolver(() => Dossier)
export class DossierResolver {
  @Query(() => Dossier, { nullable: true, description: 'A dossier in your scope.' })
  @ServiceScope('dossiers:read')
  async dossier(@Arg('id', () => ID, { description: 'Id of the dossier.' }) id: string, @Ctx() context: SubgraphContext): Promise<Dossier> {
    const dossier = await dossierById(context).load(id);
    if (!dossier) throw notFound(`No dossier has id "${id}"`);
    return dossier;
  }

  @Query(() => DossierConnection, { nullable: true, description: 'Dossiers of your unit and the units below it, filtered.' })
  @ServiceScope('dossiers:read')
  async dossiers(@Args() args: DossierListArgs, @Ctx() context: SubgraphContext): Promise<Page<Dossier>> {
    requirePrincipal(context.principal);
    const territory = args.unitCode !== undefined && args.unitCode !== null ? territoryOf(await resolveUnit(context, args.unitCode)) : undefined;
    return listDossiers(context, { ...args, territory });
  }

  @FieldResolver(() => String, { description: 'Mã hồ sơ: the code printed on the receipt (the same as the id).' })
  code(@Root() dossier: Dossier): string {
    return dossier.id;
  }

  @FieldResolver(() => Procedure, { nullable: true, description: 'The procedure the dossier applies for.' })
  procedure(@Root() dossier: Dossier, @Ctx() context: SubgraphContext) {
    return procedureById(context).load(dossier.procedureId);
  }

  @FieldResolver(() => UnitRef, { nullable: true, description: 'The receiving unit.' })
  unit(@Root() dossier: Dossier): UnitRef {
    return { id: dossier.unitId };
  }

  @FieldResolver(() => AgencyRef, { nullable: true, description: 'The receiving agency (its one-stop desk or service center).' })
  agency(@Root() dossier: Dossier): AgencyRef {
    return { id: dossier.agencyId };
  }

  @FieldResolver(() => String, { description: 'Received at (ISO 8601).' })
  receivedAt(@Root() dossier: Dossier) {
    return isoOf(dossier.receivedAt);
  }

  @FieldResolver(() => String, { description: 'Due at (ISO 8601), moved later by the time spent waiting for supplements.' })
  dueAt(@Root() dossier: Dossier) {
    return isoOf(dossier.dueAt);
  }

  @FieldResolver(() => String, { description: 'The due time set at reception, before any supplement wait (ISO 8601).' })
  originalDueAt(@Root() dossier: Dossier) {
    return isoOf(addSeconds(dossier.dueAt, -dossier.supplementWaitSeconds));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Resolved at (ISO 8601).' })
  resolvedAt(@Root() dossier: Dossier) {
    return isoOf(dossier.resolvedAt);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Result returned at (ISO 8601).' })
  returnedAt(@Root() dossier: Dossier) {
    return isoOf(dossier.returnedAt);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Processing ended at: resolved, rejected or withdrawn (ISO 8601).' })
  closedAt(@Root() dossier: Dossier) {
    return isoOf(dossier.closedAt);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Resolved on or before the due time; null until resolved.' })
  onTime(@Root() dossier: Dossier): boolean | null {
    return dossier.resolvedAt === null ? null : dossier.resolvedAt <= dossier.dueAt;
  }

  @FieldResolver(() => ApologyLetter, { nullable: true, description: 'The apology letter (thư xin lỗi) for a late dossier; null when none was issued.' })
  apologyLetter(@Root() dossier: Dossier): ApologyLetter | null {
    if (dossier.apologyAt === null || dossier.promisedAt === null) return null;
    return { issuedAt: isoOf(dossier.apologyAt)!, newReturnAt: isoOf(dossier.promisedAt)! };
  }

  @FieldResolver(() => Applicant, { nullable: true, description: 'Personal data: OFFICER, INSPECTOR or ADMIN within scope; FORBIDDEN for a VIEWER.' })
  applicant(@Root() dossier: Dossier, @Ctx() context: SubgraphContext): Applicant {
    readPersonalData(context, 'Dossier.applicant', dossier, 'dossiers:read', `The applicant of dossier ${dossier.id}`);
    return { name: dossier.applicantName, identityNumber: dossier.applicantIdNumber };
  }
}
