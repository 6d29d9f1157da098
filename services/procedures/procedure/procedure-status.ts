import { graphqlEnum } from '../../core/graphql-enum';

export const ProcedureStatus = graphqlEnum('ProcedureStatus', 'PUBLISHED (công bố, in force) or WITHDRAWN (bãi bỏ, kept for history).', [
  'PUBLISHED',
  'WITHDRAWN',
]);
export type ProcedureStatus = (typeof ProcedureStatus)[keyof typeof ProcedureStatus];
