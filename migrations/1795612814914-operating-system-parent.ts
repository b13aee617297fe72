/** Operating systems get a parent (the family or edition they belong to), so statements about "Windows" cover Windows Server 2003 as a family match. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OperatingSystemParent1795612814914 implements MigrationInterface {
  name = 'OperatingSystemParent1795612814914';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "operating_system" ADD "parent_id" integer');
    await queryRunner.query(
      'CREATE INDEX "IDX_e53b360d75809804abf32a07dd" ON "operating_system"  ("parent_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "operating_system" ADD CONSTRAINT "FK_e53b360d75809804abf32a07dd7" FOREIGN KEY ("parent_id") REFERENCES "operating_system"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "operating_system" DROP CONSTRAINT "FK_e53b360d75809804abf32a07dd7"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_e53b360d75809804abf32a07dd"');
    await queryRunner.query('ALTER TABLE "operating_system" DROP COLUMN "parent_id"');
  }
}
