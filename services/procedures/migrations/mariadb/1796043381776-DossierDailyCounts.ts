import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildRollups } from '../../rollups/backfill';

/** DossierDailyCounts (procedures, MariaDB): written by `npm run migration:generate -- DossierDailyCounts` from the entities; reviewed before commit. */
export class DossierDailyCounts1796043381776 implements MigrationInterface {
  name = 'DossierDailyCounts1796043381776';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`dossier_daily_counts\` (\`scopePath\` varchar(64) NOT NULL, \`day\` varchar(10) NOT NULL, \`procedureId\` varchar(32) NOT NULL, \`channel\` varchar(10) NOT NULL, \`received\` int NOT NULL DEFAULT '0', \`receivedOnline\` int NOT NULL DEFAULT '0', \`receivedPostal\` int NOT NULL DEFAULT '0', \`paidOnline\` int NOT NULL DEFAULT '0', \`components\` int NOT NULL DEFAULT '0', \`digitizedComponents\` int NOT NULL DEFAULT '0', \`closed\` int NOT NULL DEFAULT '0', \`rejected\` int NOT NULL DEFAULT '0', \`withdrawn\` int NOT NULL DEFAULT '0', \`overdueFrom\` int NOT NULL DEFAULT '0', \`overdueEnded\` int NOT NULL DEFAULT '0', \`resolved\` int NOT NULL DEFAULT '0', \`resolvedOnTime\` int NOT NULL DEFAULT '0', \`resolvedLateWithApology\` int NOT NULL DEFAULT '0', \`returned\` int NOT NULL DEFAULT '0', \`returnedByPost\` int NOT NULL DEFAULT '0', \`rated\` int NOT NULL DEFAULT '0', \`satisfied\` int NOT NULL DEFAULT '0', \`feedbackReceived\` int NOT NULL DEFAULT '0', \`feedbackHandled\` int NOT NULL DEFAULT '0', \`feedbackHandledOnTime\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`scopePath\`, \`day\`, \`procedureId\`, \`channel\`)) ENGINE=InnoDB`);
    // An existing database gets its figures at once: the rollups of every dossier and feedback so far.
    await rebuildRollups(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`dossier_daily_counts\``);
  }
}
