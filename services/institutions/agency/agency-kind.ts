import { registerEnumType } from 'type-graphql';

export enum AgencyKind {
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  DEPARTMENT = 'DEPARTMENT',
  DIVISION = 'DIVISION',
  SERVICE_CENTER = 'SERVICE_CENTER',
  ONE_STOP_DESK = 'ONE_STOP_DESK',
}

registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description:
    'Cơ quan: UBND (PEOPLES_COMMITTEE), sở/ban/ngành (DEPARTMENT), phòng (DIVISION), ' +
    'Trung tâm Phục vụ hành chính công (SERVICE_CENTER), bộ phận một cửa (ONE_STOP_DESK).',
});
