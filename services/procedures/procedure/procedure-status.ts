import { registerEnumType } from 'type-graphql';

export enum ProcedureStatus {
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(ProcedureStatus, {
  name: 'ProcedureStatus',
  description: 'PUBLISHED (công bố, in force) or WITHDRAWN (bãi bỏ, kept for history).',
});
