import { Args, FieldResolver, Resolver, Root } from 'type-graphql';
import { Connection, PageArgs, type Page } from '../../core/pagination';
import { pageOfRows } from '../../core/row-page';
import { DecisionCount, ProcedureCatalog } from './procedure-catalog';

export const DecisionCountConnection = Connection(DecisionCount, 'DecisionCount', { items: 'deciding documents of a catalogue, newest first' });

/** A day's digits complemented (2020-07-31 -> 7979-92-68), so that keys sort the newest day first. */
const newestFirst = (day: string) => day.replace(/\d/g, (digit) => String(9 - Number(digit)));

/** The key of a decision in the list: newest publication day first, then decision number. */
export const decisionKey = (decision: DecisionCount) => `${newestFirst(String(decision.publishedOn))}|${decision.decisionNumber}`;

@Resolver(() => ProcedureCatalog)
export class CatalogDecisionsResolver {
  @FieldResolver(() => DecisionCountConnection, {
    description:
      'Deciding documents (quyết định công bố) that published procedures in force, newest first, then by number (the cursor). ' +
      "A connection: the nation's catalogue holds every province's decisions. Computed with the rest of the catalogue, so paging costs no statement.",
  })
  decisions(@Root() catalog: ProcedureCatalog, @Args() args: PageArgs): Page<DecisionCount> {
    return pageOfRows(catalog.decisionCounts, decisionKey, args);
  }
}
