import { registerEnumType } from 'type-graphql';

/**
 * Types of administrative documents and their abbreviations (Decree 30/2020/NĐ-CP, Article 7
 * and Appendix III). An official letter (công văn) carries no type abbreviation in its symbol.
 */
export enum DocumentType {
  RESOLUTION = 'RESOLUTION',
  DECISION = 'DECISION',
  DIRECTIVE = 'DIRECTIVE',
  REGULATION = 'REGULATION',
  RULES = 'RULES',
  COMMUNIQUE = 'COMMUNIQUE',
  NOTICE = 'NOTICE',
  GUIDANCE = 'GUIDANCE',
  PROGRAM = 'PROGRAM',
  PLAN = 'PLAN',
  SCHEME = 'SCHEME',
  PROPOSAL = 'PROPOSAL',
  PROJECT = 'PROJECT',
  REPORT = 'REPORT',
  MINUTES = 'MINUTES',
  SUBMISSION = 'SUBMISSION',
  CONTRACT = 'CONTRACT',
  OFFICIAL_LETTER = 'OFFICIAL_LETTER',
  TELEGRAM = 'TELEGRAM',
  MEMORANDUM = 'MEMORANDUM',
  AGREEMENT = 'AGREEMENT',
  AUTHORIZATION = 'AUTHORIZATION',
  INVITATION = 'INVITATION',
  INTRODUCTION = 'INTRODUCTION',
  LEAVE_PERMIT = 'LEAVE_PERMIT',
  DISPATCH_SLIP = 'DISPATCH_SLIP',
  TRANSFER_SLIP = 'TRANSFER_SLIP',
  NOTIFICATION_SLIP = 'NOTIFICATION_SLIP',
}

export interface DocumentTypeInfo {
  type: DocumentType;
  abbreviation: string;
  name: string;
  /** Whether it may be a legal normative document (văn bản quy phạm pháp luật) of local government. */
  mayBeNormative: boolean;
}

const info = (type: DocumentType, abbreviation: string, name: string, mayBeNormative = false): DocumentTypeInfo => ({
  type,
  abbreviation,
  name,
  mayBeNormative,
});

export const DOCUMENT_TYPES: DocumentTypeInfo[] = [
  info(DocumentType.RESOLUTION, 'NQ', 'Nghị quyết', true),
  info(DocumentType.DECISION, 'QĐ', 'Quyết định', true),
  info(DocumentType.DIRECTIVE, 'CT', 'Chỉ thị'),
  info(DocumentType.REGULATION, 'QC', 'Quy chế'),
  info(DocumentType.RULES, 'QYĐ', 'Quy định'),
  info(DocumentType.COMMUNIQUE, 'TC', 'Thông cáo'),
  info(DocumentType.NOTICE, 'TB', 'Thông báo'),
  info(DocumentType.GUIDANCE, 'HD', 'Hướng dẫn'),
  info(DocumentType.PROGRAM, 'CTr', 'Chương trình'),
  info(DocumentType.PLAN, 'KH', 'Kế hoạch'),
  info(DocumentType.SCHEME, 'PA', 'Phương án'),
  info(DocumentType.PROPOSAL, 'ĐA', 'Đề án'),
  info(DocumentType.PROJECT, 'DA', 'Dự án'),
  info(DocumentType.REPORT, 'BC', 'Báo cáo'),
  info(DocumentType.MINUTES, 'BB', 'Biên bản'),
  info(DocumentType.SUBMISSION, 'TTr', 'Tờ trình'),
  info(DocumentType.CONTRACT, 'HĐ', 'Hợp đồng'),
  info(DocumentType.OFFICIAL_LETTER, 'CV', 'Công văn'),
  info(DocumentType.TELEGRAM, 'CĐ', 'Công điện'),
  info(DocumentType.MEMORANDUM, 'GN', 'Bản ghi nhớ'),
  info(DocumentType.AGREEMENT, 'TTh', 'Bản thỏa thuận'),
  info(DocumentType.AUTHORIZATION, 'GUQ', 'Giấy ủy quyền'),
  info(DocumentType.INVITATION, 'GM', 'Giấy mời'),
  info(DocumentType.INTRODUCTION, 'GGT', 'Giấy giới thiệu'),
  info(DocumentType.LEAVE_PERMIT, 'NP', 'Giấy nghỉ phép'),
  info(DocumentType.DISPATCH_SLIP, 'PG', 'Phiếu gửi'),
  info(DocumentType.TRANSFER_SLIP, 'PC', 'Phiếu chuyển'),
  info(DocumentType.NOTIFICATION_SLIP, 'PB', 'Phiếu báo'),
];

const BY_TYPE = new Map(DOCUMENT_TYPES.map((entry) => [entry.type, entry]));
const BY_ABBREVIATION = new Map(DOCUMENT_TYPES.map((entry) => [entry.abbreviation.normalize('NFC'), entry]));

export const typeInfo = (type: DocumentType) => BY_TYPE.get(type)!;

/** The type of an abbreviation as written in a symbol ("QĐ", "BC"); undefined if none. */
export const typeByAbbreviation = (abbreviation: string) => BY_ABBREVIATION.get(abbreviation.normalize('NFC').trim());

registerEnumType(DocumentType, {
  name: 'DocumentType',
  description:
    'Loại văn bản hành chính (Decree 30/2020/NĐ-CP): ' +
    DOCUMENT_TYPES.map((entry) => `${entry.type} ${entry.abbreviation} (${entry.name})`).join(', ') +
    '. An official letter (công văn) has no type abbreviation in its symbol.',
});
