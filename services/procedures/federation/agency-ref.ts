import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Agency is owned by institutions; this subgraph adds the dossiers an agency received. */
@Directive('@key(fields: "id")')
@ObjectType('Agency')
export class AgencyRef {
  @Field(() => ID)
  id!: string;
}
