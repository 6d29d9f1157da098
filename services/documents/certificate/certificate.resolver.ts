import { X509Certificate } from 'node:crypto';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { badInput, conflict, notFound } from '../../core/errors';
import type { Page } from '../../core/pagination';
import { assertAgencyInForce, resolveUnit, territoryOf } from '../../core/access';
import { nowTimestamp } from '../../core/time';
import { UnitLevel } from '../../core/unit-level';
import { assertMayWrite, CERTIFICATE_ADMINS } from '../document/write-access';
import { AgencyRef } from '../extends/Agency';
import { OfficialRef } from '../extends/Official';
import { certificateById } from '../loaders';
import { authority } from '../pki/authority';
import { newRsaKeyPair } from '../pki/keys';
import { Certificate } from './certificate';
import { CertificateListArgs, IssueCertificateInput, RevokeCertificateInput } from './certificate-args';
import { CertificateConnection } from './certificate-connection';
import { certificateRows, type CertificateHolder } from './certificate-issuance';
import { CertificateKey } from './certificate-key';
import { CertificateKind, CertificateStatus } from './certificate-kind';
import { listCertificates } from './certificate-list';
import { certificateStatus } from './certificate-status';
import { entityResult, idempotent, type TransactionalWrite } from '../../core/idempotency';

const YEAR_MS = 365 * 24 * 3600 * 1000;

async function holderOf(context: SubgraphContext, input: IssueCertificateInput): Promise<CertificateHolder> {
  if (input.kind === CertificateKind.ORGANIZATION) {
    if (!input.agencyId || input.officialId) throw badInput('An ORGANIZATION certificate names agencyId and no officialId', 'input');
  } else if (!input.officialId || input.agencyId) {
    throw badInput('A PERSONAL certificate names officialId and no agencyId', 'input');
  }
  const official = input.officialId ? await context.institutions.officials.require(input.officialId, { as: 'hub' }) : null;
  const agency = await context.institutions.agencies.require(official ? official.agencyId : input.agencyId!, { as: 'hub' });
  // No new certificate for a holder of a dissolved unit (rule 13).
  assertAgencyInForce(agency, official ? 'officialId' : 'agencyId');
  return {
    kind: input.kind,
    agencyId: agency.id,
    agencyName: agency.name,
    officialId: official?.id ?? null,
    officialName: official?.name ?? null,
    position: official?.position ?? null,
    unitId: agency.unit.id,
    unitName: agency.unit.name,
    unitPath: agency.unit.path,
    unitLevel: agency.unit.level as UnitLevel,
  };
}

@Resolver(() => Certificate)
export class CertificateResolver {
  @Query(() => Certificate, { nullable: true, description: 'A certificate whose holder is in your scope.' })
  @ServiceScope('documents:read')
  async certificate(@Arg('id', () => ID, { description: 'Id of the certificate.' }) id: string, @Ctx() context: SubgraphContext): Promise<Certificate> {
    const certificate = await certificateById(context).load(id);
    if (!certificate) throw notFound(`No certificate has id "${id}"`);
    return certificate;
  }

  @Query(() => CertificateConnection, { nullable: true, description: 'Certificates whose holders are in your scope.' })
  @ServiceScope('documents:read')
  async certificates(@Args() args: CertificateListArgs, @Ctx() context: SubgraphContext): Promise<Page<Certificate>> {
    const territory = args.unitCode ? territoryOf(await resolveUnit(context, args.unitCode)) : undefined;
    return listCertificates(context, { kind: args.kind, territory }, args);
  }

  @FieldResolver(() => CertificateStatus, { description: 'Status today: valid, expired or revoked.' })
  status(@Root() certificate: Certificate): CertificateStatus {
    return certificateStatus(certificate);
  }

  @FieldResolver(() => AgencyRef, { nullable: true, description: 'The holder agency; for a personal certificate, the official\'s agency.' })
  agency(@Root() certificate: Certificate): AgencyRef {
    return { id: certificate.agencyId };
  }

  @FieldResolver(() => OfficialRef, { nullable: true, description: 'The holder official of a PERSONAL certificate.' })
  official(@Root() certificate: Certificate): OfficialRef | null {
    return certificate.officialId ? { id: certificate.officialId } : null;
  }

  @FieldResolver(() => String, { description: 'PEM of the certificate, its issuing CA and the root: what `openssl -CAfile`/`-certfile` take.' })
  async chainPem(@Root() certificate: Certificate, @Ctx() context: SubgraphContext): Promise<string> {
    const ca = await authority(context.dataSource);
    return [certificate.certificatePem, ca.issuingPem, ca.rootPem].map((pem) => pem.trim()).join('\n') + '\n';
  }

  @Mutation(() => Certificate, { description: 'Cấp chứng thư số: issue a certificate (ADMIN of the holder\'s unit or a unit above). A fresh RSA-2048 key is made for it.' })
  @ServiceScope('closed')
  issueCertificate(@Arg('input', { description: 'The certificate to issue: kind, holder (an agency or an official) and validity.' }) input: IssueCertificateInput, @Ctx() context: SubgraphContext): Promise<Certificate> {
    return idempotent(context, { mutation: 'issueCertificate', clientKey: input.clientKey, input, result: entityResult(Certificate) }, (write) =>
      this.issue(context, input, write),
    );
  }

  private async issue(context: SubgraphContext, input: IssueCertificateInput, write: TransactionalWrite<Certificate>): Promise<Certificate> {
    const years = input.validityYears ?? 3;
    if (!Number.isInteger(years) || years < 1 || years > 5) throw badInput('validityYears must be 1 to 5', 'validityYears');
    const holder = await holderOf(context, input);
    assertMayWrite(context.principal, holder.unitPath, CERTIFICATE_ADMINS, `A certificate of ${holder.agencyName}`);
    const [ca, keys] = await Promise.all([authority(context.dataSource), newRsaKeyPair()]);
    const notBefore = new Date();
    const rows = certificateRows(ca, holder, keys, { notBefore, notAfter: new Date(notBefore.getTime() + years * YEAR_MS) });
    return write(async (manager) => {
      const certificate = { ...rows.certificate, updatedAt: nowTimestamp() };
      await manager.insert(Certificate, certificate);
      await manager.insert(CertificateKey, rows.key);
      return certificate;
    });
  }

  @Mutation(() => Certificate, { description: 'Thu hồi chứng thư số: revoke a certificate (ADMIN of the holder\'s unit or a unit above).' })
  @ServiceScope('closed')
  async revokeCertificate(@Arg('input', { description: 'The certificate to revoke and why.' }) input: RevokeCertificateInput, @Ctx() context: SubgraphContext): Promise<Certificate> {
    const certificate = await certificateById(context).load(input.certificateId);
    if (!certificate) throw notFound(`No certificate has id "${input.certificateId}"`);
    assertMayWrite(context.principal, certificate.unitPath, CERTIFICATE_ADMINS, `Certificate ${certificate.serial}`);
    if (certificate.revokedAt) throw conflict(`Certificate ${certificate.serial} was already revoked at ${certificate.revokedAt}`);
    const now = nowTimestamp();
    let invalidSince = now;
    if (input.invalidSince !== undefined && input.invalidSince !== null) {
      invalidSince = input.invalidSince.toISOString();
      if (invalidSince > now) throw badInput('invalidSince cannot be in the future', 'invalidSince');
      if (invalidSince < certificate.issuedAt) invalidSince = certificate.issuedAt;
    }
    const result = await context.dataSource
      .createQueryBuilder()
      .update(Certificate)
      .set({ revokedAt: now, invalidSince, revocationReason: input.reason, updatedAt: now })
      .where('id = :id AND revokedAt IS NULL', { id: certificate.id })
      .execute();
    if (!result.affected) throw conflict(`Certificate ${certificate.serial} was revoked meanwhile`);
    // Its chain result goes too; other replicas see the revocation through the record, read on every verification.
    (await authority(context.dataSource)).trust.forget(new X509Certificate(certificate.certificatePem).fingerprint256);
    return { ...certificate, revokedAt: now, invalidSince, revocationReason: input.reason, updatedAt: now };
  }
}
