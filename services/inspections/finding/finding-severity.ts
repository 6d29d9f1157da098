import { registerEnumType } from 'type-graphql';

export enum FindingSeverity {
  MINOR = 'MINOR',
  MODERATE = 'MODERATE',
  SERIOUS = 'SERIOUS',
}

registerEnumType(FindingSeverity, {
  name: 'FindingSeverity',
  description: 'How serious a shortcoming (tồn tại, hạn chế) is: MINOR, MODERATE or SERIOUS.',
});
