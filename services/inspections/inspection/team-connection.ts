import { Connection } from '../../core/pagination';
import { OfficialRef } from '../extends/Official';

/**
 * The officials of an inspection team. Its own name: institutions owns `OfficialConnection`
 * (an agency's officials), and two subgraphs may not define one value type apart. The node is
 * a reference institutions resolves, so it is nullable (docs/architecture.md, "Partial answers").
 */
export const TeamMemberConnection = Connection(OfficialRef, 'TeamMember', {
  nullableNode: true,
  items: 'officials of an inspection team, the head first',
  node: 'The official, a reference institutions resolves; null when institutions cannot answer.',
});
