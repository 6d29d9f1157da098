import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** What a subgraph holds of an entity another subgraph owns: its key alone. */
export interface EntityReference {
  id: string;
}

/**
 * The key-only stub of an entity owned by another subgraph (Apollo Federation 2: `@key(fields:
 * "id")`), which a subgraph's `extends/<Type>.ts` adds fields to. `resolvable: false` when the
 * subgraph only points at the entity and adds nothing, so the gateway never asks it for one.
 */
export function foreignEntity(typeName: string, { resolvable = true } = {}): new () => EntityReference {
  @Directive(resolvable ? '@key(fields: "id")' : '@key(fields: "id", resolvable: false)')
  @ObjectType(typeName)
  class KeyOnly implements EntityReference {
    @Field(() => ID)
    id!: string;
  }
  return KeyOnly;
}
