import { graphqlEnum } from '../../core/graphql-enum';

export const FindingSeverity = graphqlEnum('FindingSeverity', 'How serious a shortcoming (tồn tại, hạn chế) is: MINOR, MODERATE or SERIOUS.', [
  'MINOR',
  'MODERATE',
  'SERIOUS',
]);
export type FindingSeverity = (typeof FindingSeverity)[keyof typeof FindingSeverity];
