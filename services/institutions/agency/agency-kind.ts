import { graphqlEnum } from '../../core/graphql-enum';

export const AgencyKind = graphqlEnum(
  'AgencyKind',
  'Cơ quan: UBND (PEOPLES_COMMITTEE), sở/ban/ngành (DEPARTMENT), phòng (DIVISION), ' +
    'Trung tâm Phục vụ hành chính công (SERVICE_CENTER), bộ phận một cửa (ONE_STOP_DESK).',
  ['PEOPLES_COMMITTEE', 'DEPARTMENT', 'DIVISION', 'SERVICE_CENTER', 'ONE_STOP_DESK'],
);
export type AgencyKind = (typeof AgencyKind)[keyof typeof AgencyKind];
