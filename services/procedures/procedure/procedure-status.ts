import { graphqlEnum } from '../../core/graphql-enum';

export const ProcedureStatus = graphqlEnum('ProcedureStatus', 'Whether a procedure is in force.', {
  PUBLISHED: 'Công bố: published by a decision and in force.',
  WITHDRAWN: 'Bãi bỏ: withdrawn; kept for history and for the dossiers received under it.',
});
export type ProcedureStatus = (typeof ProcedureStatus)[keyof typeof ProcedureStatus];
