import { Field, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { UnitLevel } from '../../core/unit-level';
import { LocalDate } from '../../core/input';

@ObjectType({ description: 'Certificates of one level of holder.' })
export class CertificateLevelCount {
  @Field(() => UnitLevel, { description: 'The level of government of the holders counted.' })
  level!: UnitLevel;

  @Field(() => Int, { description: 'Organisation certificates (of agencies) at this level.' })
  organization!: number;

  @Field(() => Int, { description: 'Personal certificates (of officials) at this level.' })
  personal!: number;

  @Field(() => Int, { description: 'All certificates at this level: personal + organization.' })
  total!: number;
}

@ServiceScope('indicators:read')
@ObjectType({ description: 'Chữ ký số đã cấp: certificates held within a unit and the units below it.' })
export class CertificateStats {
  @Field(() => Int, { description: 'Certificates issued to holders in the unit and every unit below it.' })
  total!: number;

  @Field(() => Int, { description: 'Chữ ký số tập thể: held by agencies.' })
  organization!: number;

  @Field(() => Int, { description: 'Chữ ký số cá nhân: held by officials.' })
  personal!: number;

  @Field(() => Int, { description: 'Neither revoked nor expired now.' })
  valid!: number;

  @Field(() => Int, { description: 'Of those, the revoked ones.' })
  revoked!: number;

  @Field(() => Int, { description: 'Past their validity and not revoked.' })
  expired!: number;

  @Field(() => [CertificateLevelCount], { description: "By the level of the holder's unit (a plain list: one entry per level)." })
  byLevel!: CertificateLevelCount[];
}

@ObjectType({ description: 'Documents sent and received by agencies of one level.' })
export class ExchangeLevelCount {
  @Field(() => UnitLevel, { description: 'The level of government of the agencies counted.' })
  level!: UnitLevel;

  @Field(() => Int, { description: 'Transfers sent by agencies of this level in the period.' })
  sent!: number;

  @Field(() => Int, { description: 'Transfers received by agencies of this level in the period.' })
  received!: number;
}

@ServiceScope('indicators:read')
@ObjectType({
  description:
    'Văn bản điện tử gửi, nhận: documents sent and received by agencies within a unit and the units below it, in a period ' +
    '(the hub\'s own transfers plus the daily counts ingested from the exchange platform).',
})
export class DocumentExchangeStats {
  @Field(() => LocalDate, { description: 'First day of the period (YYYY-MM-DD, Vietnam time), inclusive.' })
  from!: string;

  @Field(() => LocalDate, { description: 'Last day of the period (YYYY-MM-DD, Vietnam time), inclusive.' })
  to!: string;

  @Field(() => Int, { description: 'Documents sent by agencies in the subtree (one per recipient).' })
  sent!: number;

  @Field(() => Int, { description: 'Documents received by agencies in the subtree.' })
  received!: number;

  @Field(() => Int, { description: 'Lượt văn bản gửi, nhận: sent + received (a document exchanged inside the subtree counts twice, as the reports count it).' })
  total!: number;

  @Field(() => [ExchangeLevelCount], { description: 'Sent and received counts per level of government (a plain list: one entry per level).' })
  byLevel!: ExchangeLevelCount[];
}
