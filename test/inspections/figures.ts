/**
 * The inspection figures of docs/reporting-contract.md, as the suites expect them back from
 * `inspectionCoverage`. `planned` is the demo's plan size (the articles give only Kiên Giang's
 * "100% of plan"); the inspected counts by level are the articles' own.
 */
export interface CoverageFigure {
  year: number;
  inspected: number;
  planned: number;
  rate: number;
  departments: number;
  districts: number;
  communes?: number;
}

export const GIA_LAI_FIGURES: CoverageFigure[] = [
  { year: 2016, inspected: 13, planned: 13, rate: 100, departments: 7, districts: 6 },
  { year: 2017, inspected: 19, planned: 20, rate: 95, departments: 10, districts: 9 },
  { year: 2018, inspected: 14, planned: 15, rate: 93.33, departments: 6, districts: 8 },
  { year: 2019, inspected: 17, planned: 17, rate: 100, departments: 7, districts: 10 },
  { year: 2020, inspected: 20, planned: 21, rate: 95.23, departments: 10, districts: 10 },
];

export const KIEN_GIANG_2019: CoverageFigure = { year: 2019, inspected: 23, planned: 23, rate: 100, departments: 9, districts: 5, communes: 9 };

/** The answer `inspectionCoverage(year) { year inspected planned rate byLevel { level count } }` must give. */
export function coverageOf(figure: CoverageFigure) {
  const byLevel = [
    { level: 'PROVINCE', count: figure.departments },
    { level: 'DISTRICT', count: figure.districts },
    ...(figure.communes ? [{ level: 'COMMUNE', count: figure.communes }] : []),
  ];
  return { year: figure.year, inspected: figure.inspected, planned: figure.planned, rate: figure.rate, byLevel };
}
