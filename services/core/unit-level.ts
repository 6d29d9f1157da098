import { registerEnumType } from 'type-graphql';

/** Levels are data, not code: a unit's depth in the tree is never assumed. */
export enum UnitLevel {
  NATION = 'NATION',
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}

registerEnumType(UnitLevel, {
  name: 'UnitLevel',
  description: 'Cấp hành chính: level of an administrative unit (tỉnh, huyện, xã).',
});
