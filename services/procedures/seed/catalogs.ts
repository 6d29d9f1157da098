import { UnitLevel } from '../../core/unit-level';
import type { CatalogBlock } from './demo-catalog';

const { PROVINCE, DISTRICT, COMMUNE } = UnitLevel;

/**
 * The published catalogues of the four focus provinces, built so the catalogue queries give
 * back the figures of docs/reporting-contract.md (see services/procedures/README.md, "Demo data").
 */
export const DEMO_CATALOGS: Record<string, CatalogBlock[]> = {
  // Kiên Giang: 1,991 in force in 2019 (1,621 / 249 / 121), 1,579 at the service center, all at
  // least level 2. At the end of 2018 the district list had 281 procedures in 45 fields and the
  // commune list 134 in 27 fields (Châu Thành's one-stop desk); 32 and 13 were withdrawn in 2019.
  '91': [
    {
      level: PROVINCE, legacy: { 4: 300, 3: 700, 2: 621 }, fields: 60, nationalPortal: 1000, atServiceCenter: 1579,
      decisions: [{ number: '2676/QĐ-UBND', on: '2017-12-08', count: 1200 }, { number: '1115/QĐ-UBND', on: '2018-05-21', count: 421 }],
    },
    { level: DISTRICT, legacy: { 4: 40, 3: 120, 2: 89 }, fields: 45, nationalPortal: 160, decisions: [{ number: '2677/QĐ-UBND', on: '2017-12-08', count: 249 }] },
    {
      level: DISTRICT, legacy: { 2: 32 }, fields: 45, nationalPortal: 0, withdrawnOn: '2019-07-15',
      decisions: [{ number: '2677/QĐ-UBND', on: '2017-12-08', count: 32 }],
    },
    { level: COMMUNE, legacy: { 4: 10, 3: 50, 2: 61 }, fields: 27, nationalPortal: 60, decisions: [{ number: '2678/QĐ-UBND', on: '2017-12-08', count: 121 }] },
    {
      level: COMMUNE, legacy: { 2: 13 }, fields: 27, nationalPortal: 0, withdrawnOn: '2019-07-15',
      decisions: [{ number: '2678/QĐ-UBND', on: '2017-12-08', count: 13 }],
    },
  ],
  // Kon Tum: 1,711 procedures; 1,015 full and 364 partial online services; 1,375 integrated
  // with the National Public Service Portal (80.36%).
  '62': [
    {
      level: PROVINCE, legacy: { 4: 800, 3: 250, 2: 248 }, fields: 60, nationalPortal: 1050, atServiceCenter: 1250,
      decisions: [{ number: '458/QĐ-UBND', on: '2021-06-15', count: 900 }, { number: '812/QĐ-UBND', on: '2022-09-30', count: 398 }],
    },
    { level: DISTRICT, legacy: { 4: 150, 3: 70, 2: 62 }, fields: 45, nationalPortal: 220, decisions: [{ number: '459/QĐ-UBND', on: '2021-06-15', count: 282 }] },
    { level: COMMUNE, legacy: { 4: 65, 3: 44, 2: 22 }, fields: 27, nationalPortal: 105, decisions: [{ number: '460/QĐ-UBND', on: '2021-06-15', count: 131 }] },
  ],
  // Gia Lai to 09/2020: 1,972 procedures, all at least level 2: 325 at level 3, 150 at level 4.
  '64': [
    {
      level: PROVINCE, legacy: { 4: 120, 3: 260, 2: 1230 }, fields: 60, nationalPortal: 300, atServiceCenter: 1480,
      decisions: [{ number: '1193/QĐ-UBND', on: '2019-10-02', count: 1610 }],
    },
    { level: DISTRICT, legacy: { 4: 20, 3: 45, 2: 180 }, fields: 45, nationalPortal: 50, decisions: [{ number: '1194/QĐ-UBND', on: '2019-10-02', count: 245 }] },
    { level: COMMUNE, legacy: { 4: 10, 3: 20, 2: 87 }, fields: 27, nationalPortal: 20, decisions: [{ number: '1195/QĐ-UBND', on: '2019-10-02', count: 117 }] },
  ],
  // Tiền Giang, July 2020: 2,035 (1,651 / 263 / 121), 103 of them published in July by 4
  // decisions; level 2: 56; level 3: 1,063 (797 province, 266 district and commune);
  // level 4: 916 (798 province, 118 district and commune).
  '82': [
    {
      level: PROVINCE, legacy: { 4: 798, 3: 797, 2: 56 }, fields: 60, nationalPortal: 1200, atServiceCenter: 1500,
      // The 103 of July 2020 are full online services (the first of the block).
      decisions: [
        { number: '1816/QĐ-UBND', on: '2020-07-02', count: 31 },
        { number: '1870/QĐ-UBND', on: '2020-07-08', count: 24 },
        { number: '1955/QĐ-UBND', on: '2020-07-16', count: 27 },
        { number: '2034/QĐ-UBND', on: '2020-07-24', count: 21 },
        { number: '2987/QĐ-UBND', on: '2019-10-25', count: 1548 },
      ],
    },
    { level: DISTRICT, legacy: { 4: 88, 3: 175 }, fields: 45, nationalPortal: 200, decisions: [{ number: '2988/QĐ-UBND', on: '2019-10-25', count: 263 }] },
    { level: COMMUNE, legacy: { 4: 30, 3: 91 }, fields: 27, nationalPortal: 90, decisions: [{ number: '2989/QĐ-UBND', on: '2019-10-25', count: 121 }] },
  ],
};
