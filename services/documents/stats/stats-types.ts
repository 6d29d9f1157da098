import { Field, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { UnitLevel } from '../../core/unit-level';

@ObjectType({ description: 'Certificates of one level of holder.' })
export class CertificateLevelCount {
  @Field(() => UnitLevel)
  level!: UnitLevel;

  @Field(() => Int)
  organization!: number;

  @Field(() => Int)
  personal!: number;

  @Field(() => Int)
  total!: number;
}

@ServiceScope('indicators:read')
@ObjectType({ description: 'Chữ ký số đã cấp: certificates held within a unit and the units below it.' })
export class CertificateStats {
  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: 'Chữ ký số tập thể: held by agencies.' })
  organization!: number;

  @Field(() => Int, { description: 'Chữ ký số cá nhân: held by officials.' })
  personal!: number;

  @Field(() => Int, { description: 'Neither revoked nor expired now.' })
  valid!: number;

  @Field(() => Int)
  revoked!: number;

  @Field(() => Int, { description: 'Past their validity and not revoked.' })
  expired!: number;

  @Field(() => [CertificateLevelCount], { description: "By the level of the holder's unit." })
  byLevel!: CertificateLevelCount[];
}

@ObjectType({ description: 'Documents sent and received by agencies of one level.' })
export class ExchangeLevelCount {
  @Field(() => UnitLevel)
  level!: UnitLevel;

  @Field(() => Int)
  sent!: number;

  @Field(() => Int)
  received!: number;
}

@ServiceScope('indicators:read')
@ObjectType({
  description:
    'Văn bản điện tử gửi, nhận: documents sent and received by agencies within a unit and the units below it, in a period ' +
    '(the hub\'s own transfers plus the daily counts ingested from the exchange platform).',
})
export class DocumentExchangeStats {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => Int, { description: 'Documents sent by agencies in the subtree (one per recipient).' })
  sent!: number;

  @Field(() => Int, { description: 'Documents received by agencies in the subtree.' })
  received!: number;

  @Field(() => Int, { description: 'Lượt văn bản gửi, nhận: sent + received (a document exchanged inside the subtree counts twice, as the reports count it).' })
  total!: number;

  @Field(() => [ExchangeLevelCount])
  byLevel!: ExchangeLevelCount[];
}
