import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Official is owned by institutions: inspection teams refer to officials by id only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Official')
export class OfficialRef {
  @Field(() => ID)
  id!: string;
}
