/** Published benchmark figures the simulator's performance model is fitted to, each citing its paper. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CalibrationTargets1795614706785 implements MigrationInterface {
  name = 'CalibrationTargets1795614706785';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "calibration_target" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "slug" text NOT NULL, "source_id" integer NOT NULL, "benchmark" text NOT NULL, "unit" text NOT NULL, "higher_is_better" boolean NOT NULL, "system" text NOT NULL, "value" double precision NOT NULL, "secondary" boolean NOT NULL DEFAULT false, "note" text, CONSTRAINT "UQ_1079698f77469c4409fe6adfaae" UNIQUE ("slug"), CONSTRAINT "PK_2edb67985ff8132f045e83cfb91" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8767f799b0db6f2ae2240c46d7" ON "calibration_target"  ("source_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "calibration_target" ADD CONSTRAINT "FK_8767f799b0db6f2ae2240c46d70" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "calibration_target" DROP CONSTRAINT "FK_8767f799b0db6f2ae2240c46d70"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_8767f799b0db6f2ae2240c46d7"');
    await queryRunner.query('DROP TABLE "calibration_target"');
  }
}
