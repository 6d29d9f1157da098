import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { SyncPageArgs } from '../../core/updated-since';
import { DocumentType } from './document-type';
import { CLIENT_KEY_DESCRIPTION } from '../../core/idempotency';
import { LocalDate } from '../../core/input';

@InputType({ description: 'Đăng ký văn bản: register a document of an agency of your unit.' })
export class RegisterDocumentInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field(() => ID, { description: 'The issuing agency.' })
  agencyId!: string;

  @Field({ description: 'Type abbreviation of Decree 30/2020/NĐ-CP: QĐ, KH, BC, TB, CV, NQ, CT, HD… (see DocumentType).' })
  typeAbbreviation!: string;

  @Field({ nullable: true, description: 'A legal normative document (QĐ or NQ): its symbol carries the year. Default false.' })
  normative?: boolean;

  @Field({ description: 'Ký hiệu cơ quan: the issuing agency\'s abbreviation, for example "UBND", "HĐND", "SNV".' })
  issuerAbbreviation!: string;

  @Field(() => String, { nullable: true, description: 'For an official letter (CV): the drafting unit, "VP" in "123/UBND-VP".' })
  drafterAbbreviation?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'A number already taken in the paper register; by default the next number of the series is allocated.',
  })
  number?: number;

  @Field(() => LocalDate, { nullable: true, description: 'Ngày ban hành, YYYY-MM-DD; default today (Vietnam time). Its year is the numbering year.' })
  issueDate?: string;

  @Field({ description: 'Trích yếu: the subject line.' })
  title!: string;

  @Field({ description: 'The content, UTF-8 text; must not be empty.' })
  content!: string;
}

@ArgsType()
export class DocumentListArgs extends SyncPageArgs {
  @Field(() => ID, { nullable: true, description: 'Only documents of this issuing agency.' })
  agencyId?: string;

  @Field(() => DocumentType, { nullable: true, description: 'Only documents of this type; all types when omitted.' })
  type?: DocumentType;

  @Field(() => Int, { nullable: true, description: 'Only documents numbered in this calendar year; all years when omitted.' })
  year?: number;
}

@ArgsType()
export class DocumentFilterPageArgs extends SyncPageArgs {
  @Field(() => DocumentType, { nullable: true, description: 'Only documents of this type; all types when omitted.' })
  type?: DocumentType;

  @Field(() => Int, { nullable: true, description: 'Only documents numbered in this calendar year; all years when omitted.' })
  year?: number;
}
