import { graphqlEnum } from '../../core/graphql-enum';

export interface DocumentTypeInfo<T extends string = DocumentType> {
  type: T;
  abbreviation: string;
  name: string;
  /** Whether it may be a legal normative document (văn bản quy phạm pháp luật) of local government. */
  mayBeNormative: boolean;
}

/** A row of the table; the table comes first because the enum and its description are read from it. */
const info = <const T extends string>(type: T, abbreviation: string, name: string, mayBeNormative = false): DocumentTypeInfo<T> => ({
  type,
  abbreviation,
  name,
  mayBeNormative,
});

const TABLE = [
  info('RESOLUTION', 'NQ', 'Nghị quyết', true),
  info('DECISION', 'QĐ', 'Quyết định', true),
  info('DIRECTIVE', 'CT', 'Chỉ thị'),
  info('REGULATION', 'QC', 'Quy chế'),
  info('RULES', 'QYĐ', 'Quy định'),
  info('COMMUNIQUE', 'TC', 'Thông cáo'),
  info('NOTICE', 'TB', 'Thông báo'),
  info('GUIDANCE', 'HD', 'Hướng dẫn'),
  info('PROGRAM', 'CTr', 'Chương trình'),
  info('PLAN', 'KH', 'Kế hoạch'),
  info('SCHEME', 'PA', 'Phương án'),
  info('PROPOSAL', 'ĐA', 'Đề án'),
  info('PROJECT', 'DA', 'Dự án'),
  info('REPORT', 'BC', 'Báo cáo'),
  info('MINUTES', 'BB', 'Biên bản'),
  info('SUBMISSION', 'TTr', 'Tờ trình'),
  info('CONTRACT', 'HĐ', 'Hợp đồng'),
  info('OFFICIAL_LETTER', 'CV', 'Công văn'),
  info('TELEGRAM', 'CĐ', 'Công điện'),
  info('MEMORANDUM', 'GN', 'Bản ghi nhớ'),
  info('AGREEMENT', 'TTh', 'Bản thỏa thuận'),
  info('AUTHORIZATION', 'GUQ', 'Giấy ủy quyền'),
  info('INVITATION', 'GM', 'Giấy mời'),
  info('INTRODUCTION', 'GGT', 'Giấy giới thiệu'),
  info('LEAVE_PERMIT', 'NP', 'Giấy nghỉ phép'),
  info('DISPATCH_SLIP', 'PG', 'Phiếu gửi'),
  info('TRANSFER_SLIP', 'PC', 'Phiếu chuyển'),
  info('NOTIFICATION_SLIP', 'PB', 'Phiếu báo'),
];

/**
 * Types of administrative documents and their abbreviations (Decree 30/2020/NĐ-CP, Article 7
 * and Appendix III). An official letter (công văn) carries no type abbreviation in its symbol.
 */
export const DocumentType = graphqlEnum(
  'DocumentType',
  'Loại văn bản hành chính (Decree 30/2020/NĐ-CP): ' +
    TABLE.map((entry) => `${entry.type} ${entry.abbreviation} (${entry.name})`).join(', ') +
    '. An official letter (công văn) has no type abbreviation in its symbol.',
  Object.fromEntries(TABLE.map((entry) => [entry.type, `${entry.name} (${entry.abbreviation})${entry.mayBeNormative ? '; may be a legal normative document' : ''}.`])) as Record<
    (typeof TABLE)[number]['type'],
    string
  >,
);
export type DocumentType = (typeof DocumentType)[keyof typeof DocumentType];

export const DOCUMENT_TYPES: DocumentTypeInfo[] = TABLE;

const BY_TYPE = new Map(DOCUMENT_TYPES.map((entry) => [entry.type, entry]));
const BY_ABBREVIATION = new Map(DOCUMENT_TYPES.map((entry) => [entry.abbreviation.normalize('NFC'), entry]));

export const typeInfo = (type: DocumentType) => BY_TYPE.get(type)!;

/** The type of an abbreviation as written in a symbol ("QĐ", "BC"); undefined if none. */
export const typeByAbbreviation = (abbreviation: string) => BY_ABBREVIATION.get(abbreviation.normalize('NFC').trim());
