import { foreignEntity, type EntityReference } from '../../core/foreign-entity';

/** Official is owned by institutions: inspection teams refer to officials by id only. */
export const OfficialRef = foreignEntity('Official', { resolvable: false });
export type OfficialRef = EntityReference;
