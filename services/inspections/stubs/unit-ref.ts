import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** AdministrativeUnit is owned by institutions; this subgraph only adds fields to it. */
@Directive('@key(fields: "id")')
@ObjectType('AdministrativeUnit')
export class UnitRef {
  @Field(() => ID)
  id!: string;
}
