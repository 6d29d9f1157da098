import { graphqlEnum } from '../../core/graphql-enum';

export const DossierChannel = graphqlEnum(
  'DossierChannel',
  'How a dossier was submitted: ONLINE (trực tuyến), IN_PERSON (trực tiếp), POSTAL (bưu chính công ích).',
  ['ONLINE', 'IN_PERSON', 'POSTAL'],
);
export type DossierChannel = (typeof DossierChannel)[keyof typeof DossierChannel];
