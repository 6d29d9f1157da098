import { graphqlEnum } from '../../core/graphql-enum';

/** The areas of the state administrative reform programme (Resolution 76/NQ-CP), as PAR INDEX and inspections group them. */
export const ReformArea = graphqlEnum(
  'ReformArea',
  'Lĩnh vực cải cách hành chính: an area of the administrative reform programme.',
  {
    INSTITUTIONS: 'Cải cách thể chế: institutions and legal documents.',
    ADMINISTRATIVE_PROCEDURES: 'Cải cách thủ tục hành chính: administrative procedures.',
    APPARATUS_ORGANISATION: 'Cải cách tổ chức bộ máy: organisation of the apparatus.',
    CIVIL_SERVICE: 'Xây dựng đội ngũ cán bộ, công chức, viên chức: civil service.',
    PUBLIC_FINANCE: 'Cải cách tài chính công: public finance.',
    E_GOVERNMENT: 'Xây dựng chính phủ điện tử, chính phủ số: e-government and digital government.',
    REFORM_DIRECTION: 'Công tác chỉ đạo, điều hành cải cách hành chính: direction of the reform.',
  },
);
export type ReformArea = (typeof ReformArea)[keyof typeof ReformArea];

export const REFORM_AREAS = Object.values(ReformArea);
