import { graphqlEnum } from './graphql-enum';

/** Levels are data, not code: a unit's depth in the tree is never assumed. */
export const UnitLevel = graphqlEnum('UnitLevel', 'Cấp hành chính: level of an administrative unit (tỉnh, huyện, xã).', {
  NATION: 'The nation, at the root of the tree.',
  PROVINCE: 'Cấp tỉnh: a province or centrally run city.',
  DISTRICT: 'Cấp huyện: a district, town or provincial city; abolished on 1 July 2025 (Resolution 202/2025/QH15).',
  COMMUNE: 'Cấp xã: a commune, ward or special zone.',
});
export type UnitLevel = (typeof UnitLevel)[keyof typeof UnitLevel];
