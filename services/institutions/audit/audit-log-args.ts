import { ArgsType, Field } from 'type-graphql';
import { SyncPageArgs } from '../../core/updated-since';
import type { AuditOutcome } from '../../core/audit/audit-record';
import { AuditOutcomeEnum } from './audit-entry';

@ArgsType()
export class AuditLogArgs extends SyncPageArgs {
  @Field(() => AuditOutcomeEnum, { nullable: true, description: 'Only entries with this outcome; all outcomes when omitted.' })
  outcome?: AuditOutcome;

  @Field(() => String, { nullable: true, description: 'Exact action, for example "mutation receiveDossier".' })
  action?: string;

  @Field(() => String, { nullable: true, description: 'Entries of one actor: an official or a service client id.' })
  actorSubject?: string;

  @Field(() => String, { nullable: true, description: 'From this ISO 8601 date or time on.' })
  from?: string;
}
