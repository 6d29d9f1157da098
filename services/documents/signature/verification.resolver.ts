import { Args, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, type Page } from '../../core/pagination';
import { pageOfRows } from '../../core/row-page';
import { SignatureVerificationConnection, signatureKey } from './signature-connections';
import { DocumentVerification, SignatureVerification } from './verification-types';

@Resolver(() => DocumentVerification)
export class VerificationResolver {
  @FieldResolver(() => SignatureVerificationConnection, {
    description:
      'The verification of each signature of the document, oldest first (signing time, then id: the cursor). ' +
      'Every signature is verified for `verdict` whatever the page asks.',
  })
  signatures(@Root() verification: DocumentVerification, @Args() args: PageArgs): Page<SignatureVerification> {
    return pageOfRows(verification.results, (entry) => signatureKey(entry.signature), args);
  }
}
