import { registerEnumType } from 'type-graphql';

export enum DossierChannel {
  ONLINE = 'ONLINE',
  IN_PERSON = 'IN_PERSON',
  POSTAL = 'POSTAL',
}

registerEnumType(DossierChannel, {
  name: 'DossierChannel',
  description: 'How a dossier was submitted: ONLINE (trực tuyến), IN_PERSON (trực tiếp), POSTAL (bưu chính công ích).',
});
