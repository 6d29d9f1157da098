import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { UPDATED_AT_COLUMN } from '../../core/updated-since';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DocumentType } from './document-type';
import { DateTime, LocalDate } from '../../core/input';

/**
 * An electronic document registered by its issuing agency. Numbers run per agency, year and
 * numbering series (Decree 30/2020/NĐ-CP, Article 15: each type of legal normative document
 * has its own series; administrative documents follow the agency's register, here one
 * series per type), and the unique index makes a number impossible to hand out twice.
 */
@Directive('@key(fields: "id")')
@ServiceScope('documents:read')
@ObjectType({ description: 'Văn bản điện tử: an electronic document with its number and symbol (số, ký hiệu).' })
@Entity('document')
@Index('document_updated', ['updatedAt', 'id'])
@Index('document_number_unique', ['agencyId', 'year', 'series', 'number'], { unique: true })
export class Document {
  @Field(() => ID, { description: 'Id of the document.' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Field({ description: 'Số, ký hiệu: "149/BC-UBND"; a legal normative document carries its year, "22/2019/QĐ-UBND".' })
  @Index()
  @Column({ type: 'varchar', length: 80 })
  numberAndSymbol!: string;

  @Field(() => Int, { description: 'Số: the number within its agency, year and series.' })
  @Column({ type: 'int' })
  number!: number;

  @Field(() => Int, { description: 'Calendar year the document was numbered in: its number restarts each year.' })
  @Column({ type: 'int' })
  year!: number;

  /** Numbering series: the type, and whether legal normative (QPPL) or administrative. */
  @Column({ type: 'varchar', length: 40 })
  series!: string;

  @Field(() => DocumentType, { description: 'Type of the document (loại văn bản), as in Decree 30/2020/NĐ-CP.' })
  @Index()
  @Column({ type: 'varchar', length: 24 })
  type!: DocumentType;

  @Field({ description: 'Whether it is a legal normative document (văn bản quy phạm pháp luật).' })
  @Column({ type: 'boolean', default: false })
  normative!: boolean;

  @Field({ description: 'Ký hiệu cơ quan ban hành: the issuing agency\'s abbreviation in the symbol, for example "UBND".' })
  @Column({ type: 'varchar', length: 40 })
  issuerAbbreviation!: string;

  @Field(() => String, { nullable: true, description: 'Drafting unit of an official letter ("VP" in "123/UBND-VP").' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  drafterAbbreviation!: string | null;

  @Field({ description: 'Trích yếu: what the document is about.' })
  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  agencyId!: string;

  @Field({ description: 'Name of the issuing agency as registered (readable by recipients outside its scope).' })
  @Column({ type: 'varchar', length: 200 })
  agencyName!: string;

  @Column({ type: 'varchar', length: 16 })
  unitId!: string;

  /** Stored path of the issuing agency's unit. */
  @Index()
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Field(() => LocalDate, { description: 'Ngày ban hành, YYYY-MM-DD.' })
  @Column({ type: 'varchar', length: 10 })
  issueDate!: string;

  @Field({ description: 'The content (UTF-8 text); signatures cover exactly its UTF-8 bytes.' })
  @Column({ type: 'text' })
  content!: string;

  @Field({ description: 'SHA-256 of the content bytes, hexadecimal.' })
  @Column({ type: 'varchar', length: 64 })
  contentSha256!: string;

  @Field(() => DateTime, { description: 'When the document was registered in the hub.' })
  @Column({ type: 'varchar', length: 24 })
  registeredAt!: string;

  @Column({ type: 'varchar', length: 120 })
  registeredBy!: string;

  /** ISO 8601 UTC with milliseconds (`nowTimestamp()`), set in the same transaction as every change of the row (README, "Pull sync"). */
  @Field(() => DateTime, { description: "When the document last changed (DateTime): its registration, or the last signature recorded on it (its content never changes; its transfers have their own). Lists' `updatedSince` compares it." })
  @Column(UPDATED_AT_COLUMN)
  updatedAt!: string;
}
