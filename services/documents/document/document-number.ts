import { badInput } from '../../core/errors';
import { DocumentType, typeInfo } from './document-type';

const ABBREVIATION = /^[A-ZĐ][A-ZĐa-z0-9]{0,19}(-[A-ZĐ][A-ZĐa-z0-9]{0,19})*$/u;

export function assertAbbreviation(value: string, argument: string): string {
  const text = value.normalize('NFC').trim();
  if (!ABBREVIATION.test(text)) throw badInput(`"${value}" is not an agency abbreviation like "UBND" or "SNV"`, argument);
  return text;
}

/** The numbering series a document takes its number from. */
export const seriesOf = (type: DocumentType, normative: boolean) => `${type}:${normative ? 'QPPL' : 'HC'}`;

/**
 * Số, ký hiệu per Decree 30/2020/NĐ-CP, Appendix I: numbers below 10 are written with a
 * leading zero; a legal normative document carries its year; an official letter has the
 * agency and drafting unit abbreviations only.
 */
export function formatNumberAndSymbol(parts: {
  number: number;
  year: number;
  type: DocumentType;
  normative: boolean;
  issuerAbbreviation: string;
  drafterAbbreviation?: string | null;
}): string {
  const number = String(parts.number).padStart(2, '0');
  const year = parts.normative ? `/${parts.year}` : '';
  if (parts.type === DocumentType.OFFICIAL_LETTER) {
    return `${number}/${parts.issuerAbbreviation}${parts.drafterAbbreviation ? `-${parts.drafterAbbreviation}` : ''}`;
  }
  return `${number}${year}/${typeInfo(parts.type).abbreviation}-${parts.issuerAbbreviation}`;
}
