import { childrenOf, demoUnit } from '../../core/demo/administrative-tree';
import { agencyIds } from '../../core/demo/agency-ids';
import { UnitLevel } from '../../core/unit-level';
import { DossierChannel } from '../dossier/dossier-channel';
import type { Procedure } from '../procedure/procedure';
import { provincePlaces, type CohortPlan, type Place } from './demo-dossiers';

/**
 * The demo dossiers, cohort by cohort, with the figures of docs/reporting-contract.md they make
 * (README.md, "Demo data", has the table). Counts are exact; the generator throws on a miss.
 */
export function demoCohorts(catalogue: Procedure[]): CohortPlan[] {
  const of = (province: string) => catalogue.filter((procedure) => procedure.provinceId === province);
  const inForce = (province: string, on: string) =>
    of(province).filter((procedure) => procedure.publishedOn <= on && (procedure.withdrawnOn === null || procedure.withdrawnOn > on));
  const base = { rejected: 0, withdrawn: 0, late: 0, apologyForLate: 0, openAtCloseBy: 0, byPost: 0, online: 0, postal: 0, paidOnline: 0, rated: 0, satisfied: 0 };

  // Kon Tum, January to October 2023: 199,352 received = 50,990 online + 143,937 in person or
  // by post + 4,425 carried over; 193,339 resolved, 189,309 on time; 5,710 in progress; the
  // other 303 rejected (214) or withdrawn (89); 57.91% of components digitized.
  const konTum = of('62');
  const konTumPlaces = provincePlaces('62');
  const konTumCohorts: CohortPlan[] = [
    {
      ...base, name: 'Kon Tum, closed in 2022', count: 4700, receivedFrom: '2022-10-03', receivedTo: '2022-12-09',
      procedures: konTum, place: konTumPlaces, online: 1150, postal: 180, closeBy: '2022-12-31 00:00:00',
      late: 60, apologyForLate: 60, digitizedBasisPoints: 4210, paidOnline: 700, rated: 900, satisfied: 850,
    },
    {
      ...base, name: 'Kon Tum, carried over into 2023', count: 4425, receivedFrom: '2022-12-15', receivedTo: '2022-12-30',
      procedures: konTum.filter((procedure) => procedure.processingDays >= 15), place: konTumPlaces, online: 1100, postal: 150,
      closeNotBefore: '2023-01-02 08:00:00', closeBy: '2023-03-01 00:00:00',
      late: 92, apologyForLate: 90, digitizedBasisPoints: 4870, paidOnline: 650, rated: 800, satisfied: 760,
    },
    {
      ...base, name: 'Kon Tum, received January to October 2023', count: 194_927, receivedFrom: '2023-01-02', receivedTo: '2023-10-31',
      procedures: konTum, place: konTumPlaces, online: 50_990, postal: 6_120,
      openAtCloseBy: 5_710, closeBy: '2023-11-01 00:00:00', resolveOpenFrom: '2023-11-01 08:00:00', stillOpenEvery: 40,
      rejected: 214, withdrawn: 89, late: 3_938, apologyForLate: 3_810,
      digitizedBasisPoints: 5791, paidOnline: 31_420, rated: 46_000, satisfied: 43_930,
    },
  ];

  // Kiên Giang 2019: 99.50% resolved on time (19,900 of 20,000).
  const kienGiang2019: CohortPlan = {
    ...base, name: 'Kiên Giang 2019', count: 20_350, receivedFrom: '2019-01-02', receivedTo: '2019-12-31',
    procedures: inForce('91', '2019-12-31'), place: provincePlaces('91'), online: 3_400, postal: 900,
    openAtCloseBy: 350, closeBy: '2020-01-01 00:00:00', resolveOpenFrom: '2020-01-02 08:00:00',
    late: 100, apologyForLate: 100, digitizedBasisPoints: 2650, paidOnline: 1_200, rated: 5_000, satisfied: 4_770,
  };

  // Châu Thành district 2018: 98.89% on time (9,791 of 9,900), an apology letter for each of
  // the 109 late dossiers; 96.25% satisfied; online reception at the district and 3 pilot communes.
  const chauThanhCommunes = childrenOf('905');
  const pilots = chauThanhCommunes.slice(0, 3);
  const chauThanh = demoUnit('905');
  const chauThanhPlace = (procedure: Procedure, index: number, channel: DossierChannel): Place => {
    if (procedure.level === UnitLevel.DISTRICT) return { unit: chauThanh, agencyId: agencyIds.oneStopDesk('905') };
    const list = channel === DossierChannel.ONLINE ? pilots : chauThanhCommunes;
    const unit = list[(index * 13 + (index >> 4)) % list.length];
    return { unit, agencyId: agencyIds.oneStopDesk(unit.code) };
  };
  const chauThanh2018: CohortPlan = {
    ...base, name: 'Châu Thành 2018', count: 9_900, receivedFrom: '2018-01-02', receivedTo: '2018-12-12',
    procedures: inForce('91', '2018-12-31').filter((procedure) => procedure.level !== UnitLevel.PROVINCE),
    place: chauThanhPlace, online: 600, postal: 120, closeBy: '2018-12-29 00:00:00',
    late: 109, apologyForLate: 109, digitizedBasisPoints: 1200, paidOnline: 150, rated: 4_000, satisfied: 3_850,
  };

  // Tiền Giang, 11/6/2020 to 10/7/2020: level 3 dossiers 10,515 (2,624 online), level 4 15,586
  // (2,899 online); 30,038 results returned by post in the window.
  const tienGiang = inForce('82', '2020-06-10');
  const tienGiangPlaces = provincePlaces('82');
  const window: [string, string] = ['2020-06-11 00:00:00', '2020-07-11 00:00:00'];
  const tienGiangCohort = (legacyLevel: number, count: number, online: number, byPost: number): CohortPlan => ({
    ...base, name: `Tiền Giang level ${legacyLevel}`, count, receivedFrom: '2020-06-11', receivedTo: '2020-07-10',
    procedures: tienGiang.filter((procedure) => procedure.legacyLevel === legacyLevel), place: tienGiangPlaces,
    online, postal: Math.floor(count / 20), closeBy: '2020-09-01 00:00:00', speed: 0.1, late: Math.floor(count / 200),
    apologyForLate: Math.floor(count / 200), byPost, byPostWindow: window, digitizedBasisPoints: 1800,
    paidOnline: Math.floor(online / 3), rated: Math.floor(count / 10), satisfied: Math.floor(count / 11),
  });

  // Gia Lai to 09/2020: dossiers received and returned by post at 10 district desks, 8 commune
  // desks and the provincial center only.
  const giaLaiDistricts = childrenOf('64');
  const postalDistricts = giaLaiDistricts.slice(0, 10).map((unit) => unit.code);
  const postalCommunes = giaLaiDistricts.slice(0, 8).map((district) => childrenOf(district.code)[0].code);
  const giaLai = inForce('64', '2020-01-01');
  const giaLaiCommon = { receivedFrom: '2020-01-02', receivedTo: '2020-08-28', closeBy: '2020-10-01 00:00:00', digitizedBasisPoints: 900 };
  const giaLaiCohorts: CohortPlan[] = [
    {
      ...base, ...giaLaiCommon, name: 'Gia Lai by post', count: 1_900,
      procedures: giaLai.filter((procedure) => procedure.level !== UnitLevel.PROVINCE || procedure.atServiceCenter),
      place: provincePlaces('64', { districts: postalDistricts, communes: postalCommunes }),
      postal: 1_900, byPost: 1_200, late: 20, apologyForLate: 15, rated: 300, satisfied: 280,
    },
    {
      ...base, ...giaLaiCommon, name: 'Gia Lai at the desk and online', count: 4_100, procedures: giaLai,
      place: provincePlaces('64'), online: 700, late: 40, apologyForLate: 30, rated: 600, satisfied: 560,
    },
  ];

  return [
    ...konTumCohorts,
    kienGiang2019,
    chauThanh2018,
    tienGiangCohort(2, 14_000, 0, 11_000),
    tienGiangCohort(3, 10_515, 2_624, 8_000),
    tienGiangCohort(4, 15_586, 2_899, 11_038),
    ...giaLaiCohorts,
  ];
}
