import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { badInput, notFound } from '../../core/errors';
import { paginate, type Page } from '../../core/pagination';
import { LIKE_ESCAPE, searchPattern } from '../../core/text-search';
import { resolveUnit } from '../../core/access';
import { UnitRef } from '../extends/AdministrativeUnit';
import { procedureById } from '../loaders';
import { assertDate, todayInVietnam } from '../../core/time';
import { whereInCatalogue, whereInForce } from './catalogue-scope';
import { Procedure } from './procedure';
import { ProcedureListArgs } from './procedure-args';
import { ProcedureConnection } from './procedure-connection';
import { procedureField, ProcedureField } from './procedure-field';
import { ProcedureStatus } from './procedure-status';

/** The catalogue is public data (docs/architecture.md, rule 5): readable without a token. */
@Resolver(() => Procedure)
export class ProcedureResolver {
  @Query(() => Procedure, { nullable: true, description: 'A procedure of a published catalogue, by id.' })
  @ServiceScope('public')
  async procedure(@Arg('id', () => ID, { description: 'Id of the procedure.' }) id: string, @Ctx() context: SubgraphContext): Promise<Procedure> {
    const procedure = await procedureById(context).load(id);
    if (!procedure) throw notFound(`No procedure has id "${id}"`);
    return procedure;
  }

  @Query(() => ProcedureConnection, { nullable: true, description: 'Procedures of the published catalogues, filtered.' })
  @ServiceScope('public')
  async procedures(@Args() args: ProcedureListArgs, @Ctx() context: SubgraphContext): Promise<Page<Procedure>> {
    const query = context.dataSource.getRepository(Procedure).createQueryBuilder('procedure');
    const asOf = args.asOf ? assertDate(args.asOf, 'asOf') : todayInVietnam();
    if (args.unitCode !== undefined && args.unitCode !== null) whereInCatalogue(query, 'procedure', await resolveUnit(context, args.unitCode), asOf);
    if ((args.status ?? ProcedureStatus.PUBLISHED) === ProcedureStatus.PUBLISHED) whereInForce(query, 'procedure', asOf);
    else query.andWhere('procedure.withdrawnOn IS NOT NULL AND procedure.withdrawnOn <= :asOf', { asOf });
    if (args.level) query.andWhere('procedure.level = :level', { level: args.level });
    if (args.fieldCode !== undefined && args.fieldCode !== null) {
      if (!procedureField(args.fieldCode)) throw badInput(`Unknown field code "${args.fieldCode}"`, 'fieldCode');
      query.andWhere('procedure.fieldCode = :fieldCode', { fieldCode: args.fieldCode });
    }
    if (args.onlineService) query.andWhere('procedure.onlineService = :onlineService', { onlineService: args.onlineService });
    if (args.legacyLevel !== undefined && args.legacyLevel !== null) query.andWhere('procedure.legacyLevel = :legacyLevel', { legacyLevel: args.legacyLevel });
    if (args.nationalPortal !== undefined && args.nationalPortal !== null) {
      query.andWhere(`procedure.nationalPortal = ${args.nationalPortal ? 1 : 0}`);
    }
    if (args.atServiceCenter !== undefined && args.atServiceCenter !== null) {
      query.andWhere(`procedure.atServiceCenter = ${args.atServiceCenter ? 1 : 0}`);
    }
    if (args.search) {
      // Folded as units(search:) is: form, case and diacritics (core/text-search.ts).
      query.andWhere(`(procedure.searchName LIKE :search ${LIKE_ESCAPE} OR procedure.code LIKE :search ${LIKE_ESCAPE})`, {
        search: searchPattern(args.search),
      });
    }
    return paginate(query, 'procedure.id', (procedure) => procedure.id, args);
  }

  @FieldResolver(() => ProcedureField, { description: 'Lĩnh vực.' })
  field(@Root() procedure: Procedure): ProcedureField {
    return procedureField(procedure.fieldCode) ?? { code: procedure.fieldCode, name: procedure.fieldCode };
  }

  @FieldResolver(() => ProcedureStatus, { description: 'Whether the procedure is published or withdrawn.' })
  status(@Root() procedure: Procedure): ProcedureStatus {
    return procedure.withdrawnOn !== null && procedure.withdrawnOn <= todayInVietnam() ? ProcedureStatus.WITHDRAWN : ProcedureStatus.PUBLISHED;
  }

  @FieldResolver(() => UnitRef, { nullable: true, description: 'The province that publishes it.' })
  province(@Root() procedure: Procedure): UnitRef {
    return { id: procedure.provinceId };
  }
}
