import { Field, ID, InputType } from 'type-graphql';
import { CLIENT_KEY_DESCRIPTION } from '../../core/idempotency';

@InputType({ description: 'Ký số văn bản: sign a document with a certificate the hub issued.' })
export class SignDocumentInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field(() => ID, { description: 'Id of the document to sign.' })
  documentId!: string;

  @Field(() => ID, {
    description:
      "The issuing agency's ORGANIZATION certificate, or a PERSONAL certificate of one of its officials (only that official may use it).",
  })
  certificateId!: string;
}

@InputType({ description: 'Attach a detached CMS signature made elsewhere (for example with a USB token).' })
export class AttachSignatureInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field(() => ID, { description: 'Id of the document the signature is attached to.' })
  documentId!: string;

  @Field({ description: 'The CMS (PKCS#7) detached signature, PEM ("-----BEGIN CMS-----" or "PKCS7"), carrying its certificates.' })
  signaturePem!: string;
}
