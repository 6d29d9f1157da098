import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** AdministrativeUnit is owned by institutions; this subgraph adds the procedure and dossier statistics. */
@Directive('@key(fields: "id")')
@ObjectType('AdministrativeUnit')
export class UnitRef {
  @Field(() => ID)
  id!: string;
}
