import { Field, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { DateTime } from '../../core/input';

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
  @Field(() => DateTime, { description: 'When the letter was issued.' })
  issuedAt!: string;

  @Field(() => DateTime, { description: 'The new return time promised.' })
  newReturnAt!: string;
}
