import { graphqlEnum } from '../../core/graphql-enum';

/**
 * Statuses of a transfer in the national document exchange (liên thông văn bản; the edXML
 * status codes 01 to 06 of the national exchange platform).
 */
export const TransferStatus = graphqlEnum(
  'TransferStatus',
  'Trạng thái liên thông văn bản: ARRIVED 01 (đã đến), REFUSED 02 (từ chối tiếp nhận), ACCEPTED 03 (đã tiếp nhận), ' +
    'ASSIGNED 04 (phân công), IN_PROGRESS 05 (đang xử lý), DONE 06 (hoàn thành). ' +
    'Moves: ARRIVED to ACCEPTED or REFUSED; ACCEPTED to ASSIGNED; ASSIGNED to IN_PROGRESS; IN_PROGRESS to DONE.',
  {
    ARRIVED: '01 Đã đến: delivered to the recipient agency.',
    REFUSED: '02 Từ chối tiếp nhận: the recipient refused it; final.',
    ACCEPTED: '03 Đã tiếp nhận: the recipient registered it.',
    ASSIGNED: '04 Phân công: assigned to someone to handle.',
    IN_PROGRESS: '05 Đang xử lý: being handled.',
    DONE: '06 Hoàn thành: handled; final.',
  },
);
export type TransferStatus = (typeof TransferStatus)[keyof typeof TransferStatus];

export const STATUS_CODES: Record<TransferStatus, string> = {
  ARRIVED: '01',
  REFUSED: '02',
  ACCEPTED: '03',
  ASSIGNED: '04',
  IN_PROGRESS: '05',
  DONE: '06',
};

/** The moves a recipient may make; anything else is a CONFLICT. */
export const NEXT_STATUSES: Record<TransferStatus, TransferStatus[]> = {
  ARRIVED: [TransferStatus.ACCEPTED, TransferStatus.REFUSED],
  REFUSED: [],
  ACCEPTED: [TransferStatus.ASSIGNED],
  ASSIGNED: [TransferStatus.IN_PROGRESS],
  IN_PROGRESS: [TransferStatus.DONE],
  DONE: [],
};

/** The column that records when a transfer reached each status. */
export const STATUS_TIME_COLUMN: Record<TransferStatus, 'arrivedAt' | 'refusedAt' | 'acceptedAt' | 'assignedAt' | 'inProgressAt' | 'doneAt'> = {
  ARRIVED: 'arrivedAt',
  REFUSED: 'refusedAt',
  ACCEPTED: 'acceptedAt',
  ASSIGNED: 'assignedAt',
  IN_PROGRESS: 'inProgressAt',
  DONE: 'doneAt',
};
