import { graphqlEnum } from '../../core/graphql-enum';

export const DossierStatus = graphqlEnum(
  'DossierStatus',
  'Trạng thái hồ sơ: RECEIVED (tiếp nhận), SUPPLEMENT_REQUESTED (yêu cầu bổ sung), PROCESSING (đang xử lý), ' +
    'REJECTED (từ chối), RESOLVED (đã xử lý xong), RETURNED (đã trả kết quả), WITHDRAWN (rút hồ sơ).',
  {
    RECEIVED: 'Tiếp nhận: received at a desk or online; the processing time starts.',
    SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung: the applicant must complete the dossier.',
    PROCESSING: 'Đang xử lý: being processed by the competent agency.',
    REJECTED: 'Từ chối: refused, with reasons; final.',
    RESOLVED: 'Đã xử lý xong: the result is ready (on time or late against its due date).',
    RETURNED: 'Đã trả kết quả: the result was handed to the applicant; final.',
    WITHDRAWN: 'Rút hồ sơ: withdrawn by the applicant; final.',
  },
);
export type DossierStatus = (typeof DossierStatus)[keyof typeof DossierStatus];

/** The lifecycle: every move not listed here is refused with CONFLICT. */
export const ALLOWED_TRANSITIONS: Record<DossierStatus, DossierStatus[]> = {
  RECEIVED: [DossierStatus.PROCESSING, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.REJECTED, DossierStatus.WITHDRAWN],
  SUPPLEMENT_REQUESTED: [DossierStatus.PROCESSING, DossierStatus.REJECTED, DossierStatus.WITHDRAWN],
  PROCESSING: [DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.RESOLVED, DossierStatus.REJECTED, DossierStatus.WITHDRAWN],
  RESOLVED: [DossierStatus.RETURNED],
  REJECTED: [],
  RETURNED: [],
  WITHDRAWN: [],
};

/** States that end processing: the dossier is no longer "in progress" from then on. */
export const CLOSING_STATES = [DossierStatus.RESOLVED, DossierStatus.REJECTED, DossierStatus.WITHDRAWN];
