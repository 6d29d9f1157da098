/**
 * The figures of docs/reporting-contract.md that concern procedures, online services, dossiers and
 * feedback, as the hub's own queries must give them back (README of services/procedures maps
 * each one to its query).
 */
export const KON_TUM_2023 = {
  received: 199352,
  receivedOnline: 50990,
  receivedInPersonOrPostal: 143937,
  carriedOver: 4425,
  resolved: 193339,
  resolvedOnTime: 189309,
  onTimeRate: 97.91,
  inProgress: 5710,
  digitizationRate: 57.91,
};

export const KON_TUM_STATS_QUERY = `
  received receivedOnline receivedInPersonOrPostal carriedOver
  resolved resolvedOnTime onTimeRate inProgress digitizationRate`;
