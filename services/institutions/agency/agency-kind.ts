import { graphqlEnum } from '../../core/graphql-enum';

export const AgencyKind = graphqlEnum(
  'AgencyKind',
  'Cơ quan: UBND (PEOPLES_COMMITTEE), sở/ban/ngành (DEPARTMENT), phòng (DIVISION), ' +
    'Trung tâm Phục vụ hành chính công (SERVICE_CENTER), bộ phận một cửa (ONE_STOP_DESK).',
  {
    PEOPLES_COMMITTEE: "Ủy ban nhân dân: the unit's People's Committee.",
    DEPARTMENT: 'Sở, ban, ngành: a specialised department of a province.',
    DIVISION: 'Phòng: a specialised division (of a district before 1 July 2025, of a commune after).',
    SERVICE_CENTER: 'Trung tâm Phục vụ hành chính công: the public administrative service centre.',
    ONE_STOP_DESK: 'Bộ phận một cửa: the one-stop desk that receives dossiers.',
  },
);
export type AgencyKind = (typeof AgencyKind)[keyof typeof AgencyKind];
