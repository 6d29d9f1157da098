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

  // A String, not DateTime: it takes a day too (TIME_TEXT in core/input/value-rules.ts checks it).
  @Field(() => String, {
    nullable: true,
    description:
      'Entries recorded from this day or instant on: a day YYYY-MM-DD (from 00:00 Vietnam time) or an ISO 8601 date-time (offset optional; Vietnam time without one). Anything else is BAD_USER_INPUT.',
  })
  from?: string;
}
