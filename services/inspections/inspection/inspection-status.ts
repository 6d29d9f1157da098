import { registerEnumType } from 'type-graphql';

/** PLANNED -> IN_PROGRESS -> CONCLUDED, or CANCELLED before it concludes. CONCLUDED and CANCELLED are final. */
export enum InspectionStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  CONCLUDED = 'CONCLUDED',
  CANCELLED = 'CANCELLED',
}

/** Statuses in which the team has been on site: these count as inspected. */
export const CONDUCTED_STATUSES = [InspectionStatus.IN_PROGRESS, InspectionStatus.CONCLUDED];

registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  description: 'Where an inspection stands: PLANNED (scheduled), IN_PROGRESS (team on site), CONCLUDED (kết luận kiểm tra issued; final), CANCELLED (final).',
});
