import { Field, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';

@ServiceScope('dossiers:read')
@ObjectType({ description: 'Người nộp hồ sơ: the applicant. Personal data: OFFICER, INSPECTOR or ADMIN within scope.' })
export class Applicant {
  @Field({ description: 'Full name of the person or organisation applying.' })
  name!: string;

  @Field({ description: 'Identity card number (số CCCD/CMND).' })
  identityNumber!: string;
}

@ObjectType({ description: 'Văn bản xin lỗi và hẹn lại ngày trả kết quả: the apology letter for a late dossier.' })
export class ApologyLetter {
  @Field({ description: 'When the letter was issued (ISO 8601).' })
  issuedAt!: string;

  @Field({ description: 'The new return time promised (ISO 8601).' })
  newReturnAt!: string;
}
