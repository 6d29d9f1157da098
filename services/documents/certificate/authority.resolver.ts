import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { requirePrincipal } from '../../core/access';
import { authority } from '../pki/authority';

@ObjectType({ description: "The hub's certificate authority: the public certificates a verifier needs (never a key)." })
export class CertificateAuthorityInfo {
  @Field({ description: 'GENERATED (made by the hub at first start) or CONFIGURED (an outside root, see the README).' })
  source!: string;

  @Field({ description: 'The root CA certificate, PEM: `openssl cms -verify -CAfile` takes it.' })
  rootCertificatePem!: string;

  @Field({ description: 'The issuing CA certificate, PEM.' })
  issuingCertificatePem!: string;

  @Field({ description: 'Every root the verification trusts, PEM bundle.' })
  trustedRootsPem!: string;
}

@Resolver()
export class AuthorityResolver {
  @Query(() => CertificateAuthorityInfo, { nullable: true, description: "The hub's CA certificates, to verify its signatures elsewhere." })
  @ServiceScope('public')
  async certificateAuthority(@Ctx() context: SubgraphContext): Promise<CertificateAuthorityInfo> {
    requirePrincipal(context.principal);
    const ca = await authority(context.dataSource);
    return {
      source: ca.source,
      rootCertificatePem: ca.rootPem,
      issuingCertificatePem: ca.issuingPem,
      trustedRootsPem: ca.trustedRootPems.map((pem) => pem.trim()).join('\n') + '\n',
    };
  }
}
