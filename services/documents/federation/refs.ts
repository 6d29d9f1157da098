import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stubs of entities the institutions subgraph owns: this subgraph adds fields to them. */
@Directive('@key(fields: "id")')
@ObjectType('Agency')
export class AgencyRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Official')
export class OfficialRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('AdministrativeUnit')
export class UnitRef {
  @Field(() => ID)
  id!: string;
}
