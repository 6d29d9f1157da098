import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../core/context';
import type { Page } from '../../core/pagination';
import { SyncPageArgs } from '../../core/updated-since';
import { pageOfRows } from '../../core/row-page';
import { AdministrativeUnit } from './administrative-unit';
import { UnitConnection } from './unit-connection';
import { predecessorsOf, successorsOf, territoryPathsOf } from './lineage';

/** Lineage is public, like the tree it links (docs/architecture.md, rules 5 and 13). */
@Resolver(() => AdministrativeUnit)
export class LineageResolver {
  @FieldResolver(() => UnitConnection, {
    description: 'The dissolved units whose territory went into this one, wholly or in part (Resolution 202/2025/QH15 and the commune mergers of 2025): for the merged Quảng Ngãi, old Quảng Ngãi and Kon Tum.',
  })
  async predecessors(@Root() unit: AdministrativeUnit, @Args() page: SyncPageArgs, @Ctx() context: SubgraphContext): Promise<Page<AdministrativeUnit>> {
    return pageOfRows(await predecessorsOf(context, unit.id), (row) => row.id, page);
  }

  @FieldResolver(() => UnitConnection, { description: 'The units this dissolved one\'s territory went into; several when it was split. Empty while it is in force.' })
  async successors(@Root() unit: AdministrativeUnit, @Args() page: SyncPageArgs, @Ctx() context: SubgraphContext): Promise<Page<AdministrativeUnit>> {
    return pageOfRows(await successorsOf(context, unit.id), (row) => row.id, page);
  }

  @FieldResolver(() => [String], {
    description:
      'Paths whose records this unit\'s principals read and its reports count (rule 13 of docs/architecture.md): its own path and those of every dissolved unit whose territory went into it, at any depth of lineage, none inside another. For the merged Quảng Ngãi: ["VN/51", "VN/51@2025", "VN/62"]. At most a few dozen.',
  })
  territory(@Root() unit: AdministrativeUnit, @Ctx() context: SubgraphContext): Promise<string[]> {
    return territoryPathsOf(context, unit);
  }
}
