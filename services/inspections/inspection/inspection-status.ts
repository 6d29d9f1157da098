import { graphqlEnum } from '../../core/graphql-enum';

/** PLANNED -> IN_PROGRESS -> CONCLUDED, or CANCELLED before it concludes. CONCLUDED and CANCELLED are final. */
export const InspectionStatus = graphqlEnum(
  'InspectionStatus',
  'Where an inspection stands: PLANNED (scheduled), IN_PROGRESS (team on site), CONCLUDED (kết luận kiểm tra issued; final), CANCELLED (final).',
  {
    PLANNED: 'Scheduled in a plan; the team has not been on site yet.',
    IN_PROGRESS: 'The team is on site or working on its conclusion.',
    CONCLUDED: 'The conclusion (kết luận kiểm tra) was issued; final.',
    CANCELLED: 'Cancelled before it concluded, with its reason; final.',
  },
);
export type InspectionStatus = (typeof InspectionStatus)[keyof typeof InspectionStatus];

/** Statuses in which the team has been on site: these count as inspected. */
export const CONDUCTED_STATUSES = [InspectionStatus.IN_PROGRESS, InspectionStatus.CONCLUDED];
