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
import { DateTime } from '../../core/input';
import { addSeconds } from '../../core/time';
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

  @FieldResolver(() => DateTime, { description: 'When it was received.' })
  receivedAt(@Root() dossier: Dossier): string {
    return dossier.receivedAt;
  }

  @FieldResolver(() => DateTime, { description: 'When it is due, moved later by the time spent waiting for supplements.' })
  dueAt(@Root() dossier: Dossier): string {
    return dossier.dueAt;
  }

  @FieldResolver(() => DateTime, { description: 'The due time set at reception, before any supplement wait.' })
  originalDueAt(@Root() dossier: Dossier): string {
    return addSeconds(dossier.dueAt, -dossier.supplementWaitSeconds);
  }

  @FieldResolver(() => DateTime, { nullable: true, description: 'When it was resolved.' })
  resolvedAt(@Root() dossier: Dossier): string | null {
    return dossier.resolvedAt;
  }

  @FieldResolver(() => DateTime, { nullable: true, description: 'When the result was returned.' })
  returnedAt(@Root() dossier: Dossier): string | null {
    return dossier.returnedAt;
  }

  @FieldResolver(() => DateTime, { nullable: true, description: 'When processing ended: resolved, rejected or withdrawn.' })
  closedAt(@Root() dossier: Dossier): string | null {
    return dossier.closedAt;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Resolved on or before the due time; null until resolved.' })
  onTime(@Root() dossier: Dossier): boolean | null {
    return dossier.resolvedAt === null ? null : dossier.resolvedAt <= dossier.dueAt;
  }

  @FieldResolver(() => ApologyLetter, { nullable: true, description: 'The apology letter (thư xin lỗi) for a late dossier; null when none was issued.' })
  apologyLetter(@Root() dossier: Dossier): ApologyLetter | null {
    if (dossier.apologyAt === null || dossier.promisedAt === null) return null;
    return { issuedAt: dossier.apologyAt, newReturnAt: dossier.promisedAt };
  }

  @FieldResolver(() => Applicant, { nullable: true, description: 'Personal data: OFFICER, INSPECTOR or ADMIN within scope; FORBIDDEN for a VIEWER.' })
  applicant(@Root() dossier: Dossier, @Ctx() context: SubgraphContext): Applicant {
    readPersonalData(context, 'Dossier.applicant', dossier, 'dossiers:read', `The applicant of dossier ${dossier.id}`);
    return { name: dossier.applicantName, identityNumber: dossier.applicantIdNumber };
  }
}
