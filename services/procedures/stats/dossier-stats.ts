import { LocalDate } from '../../core/input';
import { Field, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { UnitLevel } from '../../core/unit-level';
import { DossierChannel } from '../dossier/dossier-channel';
import { ProcedureField } from '../procedure/procedure-field';
import type { UnitPath } from '../../core/access';
import type { Period } from '../../core/time';
import { DossierCounts } from './dossier-counts';

@ServiceScope('indicators:read')
@ObjectType({ description: 'Dossier statistics of a unit, every unit below it and the dissolved units whose territory went into it, over a period (reporting contract).' })
export class DossierStats extends DossierCounts {
  @Field(() => LocalDate, { description: 'First day of the period (LocalDate, YYYY-MM-DD, Vietnam time), inclusive.' })
  from!: string;

  @Field(() => LocalDate, { description: 'Last day of the period (LocalDate, YYYY-MM-DD, Vietnam time), inclusive.' })
  to!: string;

  /** The unit's territory (public paths, rule 13) and the period, for the breakdowns (not exposed). */
  territory!: UnitPath[];
  period!: Period;
}

@ObjectType({ description: 'Dossier counters of one submission channel.' })
export class ChannelDossierStats extends DossierCounts {
  @Field(() => DossierChannel, { description: 'The channel the dossiers were received through.' })
  channel!: DossierChannel;
}

@ObjectType({ description: 'Dossier counters of the procedures of one level of government.' })
export class LevelDossierStats extends DossierCounts {
  @Field(() => UnitLevel, { description: 'The level of government of the dossiers counted.' })
  level!: UnitLevel;
}

@ObjectType({ description: 'Dossier counters of the procedures of one field (lĩnh vực).' })
export class FieldDossierStats extends DossierCounts {
  @Field(() => ProcedureField, { description: 'The field (lĩnh vực) of the procedures counted.' })
  field!: ProcedureField;
}

@ObjectType({ description: 'Dossier counters of the procedures at one old online level (mức độ 1-4).' })
export class LegacyLevelDossierStats extends DossierCounts {
  @Field(() => Int, { description: 'The old online service level, 1 to 4 (mức độ, before Decree 42/2022/NĐ-CP): 4 is today\'s FULL, 3 PARTIAL, 1 and 2 NONE.' })
  legacyLevel!: number;
}
