import { graphqlEnum } from '../../core/graphql-enum';

/** PLANNED -> IN_PROGRESS -> CONCLUDED, or CANCELLED before it concludes. CONCLUDED and CANCELLED are final. */
export const InspectionStatus = graphqlEnum(
  'InspectionStatus',
  'Where an inspection stands: PLANNED (scheduled), IN_PROGRESS (team on site), CONCLUDED (kết luận kiểm tra issued; final), CANCELLED (final).',
  ['PLANNED', 'IN_PROGRESS', 'CONCLUDED', 'CANCELLED'],
);
export type InspectionStatus = (typeof InspectionStatus)[keyof typeof InspectionStatus];

/** Statuses in which the team has been on site: these count as inspected. */
export const CONDUCTED_STATUSES = [InspectionStatus.IN_PROGRESS, InspectionStatus.CONCLUDED];
