import { graphqlEnum } from './graphql-enum';

/** Levels are data, not code: a unit's depth in the tree is never assumed. */
export const UnitLevel = graphqlEnum('UnitLevel', 'Cấp hành chính: level of an administrative unit (tỉnh, huyện, xã).', [
  'NATION',
  'PROVINCE',
  'DISTRICT',
  'COMMUNE',
]);
export type UnitLevel = (typeof UnitLevel)[keyof typeof UnitLevel];
