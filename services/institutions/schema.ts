import { buildFederatedSchema } from '../core/federated-schema';
import { AuditChainLock } from './audit/audit-chain-lock';
import { AuditEntry } from './audit/audit-entry';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { SafelistedOperation } from './clients/safelisted-operation';
import { ServiceClient } from './clients/service-client';
import { ServiceClientResolver } from './clients/service-client.resolver';
import { Agency } from './agency/agency';
import { AgencyResolver } from './agency/agency.resolver';
import { UnitAgenciesResolver } from './agency/unit-agencies.resolver';
import { MeResolver } from './me/me.resolver';
import { Official } from './official/official';
import { OfficialResolver } from './official/official.resolver';
import { referenceResolvers } from './references';
import { AdministrativeUnit } from './unit/administrative-unit';
import { UnitResolver } from './unit/unit.resolver';
import { LineageResolver } from './unit/lineage.resolver';
import { UnitLineage } from './unit/unit-lineage';
import { IdempotencyRecord } from '../core/idempotency';
import { Webhook } from './clients/webhook';
import { WebhookResolver } from './clients/webhook.resolver';
import { StoredEvent } from './events/stored-event';
import { WebhookDelivery } from './events/webhook-delivery';

export const institutionsEntities = [AdministrativeUnit, UnitLineage, Agency, Official, ServiceClient, SafelistedOperation, AuditEntry, AuditChainLock, IdempotencyRecord, Webhook, StoredEvent, WebhookDelivery];

export const buildInstitutionsSchema = () =>
  buildFederatedSchema(
    { resolvers: [UnitResolver, LineageResolver, UnitAgenciesResolver, AgencyResolver, OfficialResolver, MeResolver, ServiceClientResolver, WebhookResolver, AuditLogResolver] },
    referenceResolvers,
  );
