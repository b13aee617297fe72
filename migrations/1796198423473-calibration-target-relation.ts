/**
 * Calibration targets say how they constrain the model: a value to match, a bound on one side ("more than 50%
 * lower"), or a figure reported but not modelled; and which area (cpu, disk, network, …) they belong to.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CalibrationTargetRelation1796198423473 implements MigrationInterface {
  name = 'CalibrationTargetRelation1796198423473';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "calibration_target" ADD "relation" text NOT NULL DEFAULT 'eq',
         ADD "area" text NOT NULL DEFAULT 'cpu',
         ADD CONSTRAINT "CHK_calibration_target_relation" CHECK ("relation" IN ('eq', 'le', 'ge', 'unmodelled'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "calibration_target" DROP CONSTRAINT "CHK_calibration_target_relation", DROP COLUMN "area", DROP COLUMN "relation"',
    );
  }
}
