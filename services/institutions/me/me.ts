import { Field, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from '../unit/administrative-unit';

@ObjectType({ description: 'The principal making the request, as the hub verified it.' })
export class Me {
  @Field({ description: 'Subject of the token: a user or a service account.' })
  subject!: string;

  @Field({ description: "Display name: the official's name or the service client's name." })
  name!: string;

  @Field({ description: 'USER or SERVICE.' })
  kind!: string;

  @Field(() => [String], { description: 'Roles granted by the token: VIEWER, OFFICER, INSPECTOR or ADMIN.' })
  roles!: string[];

  @Field(() => [String], { description: 'Scopes of a service account.' })
  scopes!: string[];

  @Field(() => AdministrativeUnit, { description: 'Your unit: you see it and every unit below it.' })
  unit!: AdministrativeUnit;
}
