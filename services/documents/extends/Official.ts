import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { foreignEntity, type EntityReference } from '../../core/foreign-entity';
import type { SubgraphContext } from '../../core/context';
import type { Page } from '../../core/pagination';
import { SyncPageArgs } from '../../core/updated-since';
import type { Certificate } from '../certificate/certificate';
import { CertificateConnection } from '../certificate/certificate-connection';
import { CertificateKind } from '../certificate/certificate-kind';
import { certificatesOf } from '../certificate/certificate-list';

/** Official is owned by institutions; this subgraph adds an official's personal certificates. */
export const OfficialRef = foreignEntity('Official');
export type OfficialRef = EntityReference;

@Resolver(() => OfficialRef)
export class OfficialDocumentsResolver {
  @FieldResolver(() => CertificateConnection, { nullable: true, description: "The official's personal certificates (within your scope)." })
  async personalCertificates(@Root() official: OfficialRef, @Args() page: SyncPageArgs, @Ctx() context: SubgraphContext): Promise<Page<Certificate>> {
    return (await certificatesOf(context, 'officialId', CertificateKind.PERSONAL, { ...page }).load(official.id))!;
  }
}
