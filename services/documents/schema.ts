import { buildFederatedSchema } from '../core/federated-schema';
import { Certificate } from './certificate/certificate';
import { CertificateKey } from './certificate/certificate-key';
import { AuthorityResolver } from './certificate/authority.resolver';
import { CertificateResolver } from './certificate/certificate.resolver';
import { Document } from './document/document';
import { DocumentResolver } from './document/document.resolver';
import { DocumentTransfer } from './exchange/document-transfer';
import { ExchangeDailyCount } from './exchange/exchange-counter';
import { TransferResolver } from './exchange/transfer.resolver';
import { UnitDocumentStatsResolver, UnitRef } from './extends/AdministrativeUnit';
import { AgencyDocumentsResolver, AgencyRef } from './extends/Agency';
import { OfficialDocumentsResolver, OfficialRef } from './extends/Official';
import { AuthorityRecord } from './pki/authority-record';
import { referenceResolvers } from './references';
import { DocumentSignature } from './signature/document-signature';
import { SignatureResolver } from './signature/signature.resolver';
import { VerificationResolver } from './signature/verification.resolver';
import { SendDocumentPayloadResolver } from './exchange/send-document-payload';
import { outboxEntities } from '../core/events/outbox-entities';
import { IdempotencyRecord } from '../core/idempotency';

export const documentsEntities = [AuthorityRecord, Certificate, CertificateKey, Document, DocumentSignature, DocumentTransfer, ExchangeDailyCount, IdempotencyRecord, ...outboxEntities];

export const buildDocumentsSchema = () =>
  buildFederatedSchema(
    {
      // Stubs reached only through _entities must be listed, or type-graphql leaves them out.
      orphanedTypes: [UnitRef, AgencyRef, OfficialRef],
      resolvers: [
        AuthorityResolver,
        CertificateResolver,
        DocumentResolver,
        SignatureResolver,
        TransferResolver,
        SendDocumentPayloadResolver,
        VerificationResolver,
        AgencyDocumentsResolver,
        OfficialDocumentsResolver,
        UnitDocumentStatsResolver,
      ],
    },
    referenceResolvers,
  );
