import { graphqlEnum } from '../../core/graphql-enum';

export const DossierChannel = graphqlEnum(
  'DossierChannel',
  'How a dossier was submitted: ONLINE (trực tuyến), IN_PERSON (trực tiếp), POSTAL (bưu chính công ích).',
  {
    ONLINE: 'Trực tuyến: through an online public service portal.',
    IN_PERSON: 'Trực tiếp: at a one-stop desk.',
    POSTAL: 'Bưu chính công ích: through the public postal service.',
  },
);
export type DossierChannel = (typeof DossierChannel)[keyof typeof DossierChannel];
