import { graphqlEnum } from '../../core/graphql-enum';

/** How far a procedure can be done online (Decree 42/2022/NĐ-CP), with the older levels 1-4 beside it. */
export const OnlineService = graphqlEnum(
  'OnlineService',
  'Dịch vụ công trực tuyến: FULL "toàn trình" (the whole procedure online, the old level 4), ' +
    'PARTIAL "một phần" (submission online, the old level 3), NONE (information and forms only, the old levels 1-2).',
  {
    NONE: 'Information and forms only online (the old levels 1-2).',
    PARTIAL: 'Một phần: submission online, the result in person (the old level 3).',
    FULL: 'Toàn trình: the whole procedure online (the old level 4).',
  },
);
export type OnlineService = (typeof OnlineService)[keyof typeof OnlineService];

/** The old level a new online service corresponds to, when a caller gives none. */
export const legacyLevelOf = (service: OnlineService) => (service === OnlineService.FULL ? 4 : service === OnlineService.PARTIAL ? 3 : 2);

/** The online service an old level 1-4 corresponds to. */
export const onlineServiceOf = (legacyLevel: number) =>
  legacyLevel >= 4 ? OnlineService.FULL : legacyLevel === 3 ? OnlineService.PARTIAL : OnlineService.NONE;
