import { graphqlEnum } from '../../core/graphql-enum';

export const FindingSeverity = graphqlEnum('FindingSeverity', 'How serious a shortcoming (tồn tại, hạn chế) is: MINOR, MODERATE or SERIOUS.', {
  MINOR: 'A lapse of form that does not affect citizens or the outcome.',
  MODERATE: 'A lapse that delays or burdens citizens and must be remedied.',
  SERIOUS: 'A breach of the law or of citizens\' rights, to be remedied first and reported.',
});
export type FindingSeverity = (typeof FindingSeverity)[keyof typeof FindingSeverity];
