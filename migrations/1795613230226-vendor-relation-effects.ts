/**
 * What each vendor relation changed: a nullable `effect` sentence on `vendor_relation`, and link tables to the
 * hypervisors, driver packages and support statements it affected (curated in seeds/data/vendor_relations.json).
 * The `search_document` view selects named columns of `vendor_relation`, so the new column leaves it valid.
 * The single-column index on `vendor_relation_id` duplicates each primary key's leading column; TypeORM's
 * join-table metadata expects it, so dropping it would only show up as drift.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VendorRelationEffects1795613230226 implements MigrationInterface {
  name = 'VendorRelationEffects1795613230226';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "vendor_relation_hypervisor" ("vendor_relation_id" integer NOT NULL, "hypervisor_id" integer NOT NULL, CONSTRAINT "PK_db61400beb91cc05c340f2df1df" PRIMARY KEY ("vendor_relation_id", "hypervisor_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_229949293e3fcbb53d6cace2ac" ON "vendor_relation_hypervisor"  ("vendor_relation_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7f0857e09b602a417df8bb6f73" ON "vendor_relation_hypervisor"  ("hypervisor_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "vendor_relation_driver_package" ("vendor_relation_id" integer NOT NULL, "driver_package_id" integer NOT NULL, CONSTRAINT "PK_d0c5277c7f711871c16c0d217be" PRIMARY KEY ("vendor_relation_id", "driver_package_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_323e3c7f8be88678aed83fd578" ON "vendor_relation_driver_package"  ("vendor_relation_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7c8762b99f030ee94288ca8319" ON "vendor_relation_driver_package"  ("driver_package_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "vendor_relation_support_statement" ("vendor_relation_id" integer NOT NULL, "support_statement_id" integer NOT NULL, CONSTRAINT "PK_93f4afa772e619c3c67f89d56f4" PRIMARY KEY ("vendor_relation_id", "support_statement_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b3636a22c980c123759325e435" ON "vendor_relation_support_statement"  ("vendor_relation_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7cac80df7e8ffbb90dad175514" ON "vendor_relation_support_statement"  ("support_statement_id") ',
    );
    await queryRunner.query('ALTER TABLE "vendor_relation" ADD "effect" text');
    await queryRunner.query(
      'ALTER TABLE "vendor_relation_hypervisor" ADD CONSTRAINT "FK_229949293e3fcbb53d6cace2ac4" FOREIGN KEY ("vendor_relation_id") REFERENCES "vendor_relation"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "vendor_relation_hypervisor" ADD CONSTRAINT "FK_7f0857e09b602a417df8bb6f73e" FOREIGN KEY ("hypervisor_id") REFERENCES "hypervisor"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "vendor_relation_driver_package" ADD CONSTRAINT "FK_323e3c7f8be88678aed83fd578d" FOREIGN KEY ("vendor_relation_id") REFERENCES "vendor_relation"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "vendor_relation_driver_package" ADD CONSTRAINT "FK_7c8762b99f030ee94288ca83193" FOREIGN KEY ("driver_package_id") REFERENCES "driver_package"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "vendor_relation_support_statement" ADD CONSTRAINT "FK_b3636a22c980c123759325e435b" FOREIGN KEY ("vendor_relation_id") REFERENCES "vendor_relation"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "vendor_relation_support_statement" ADD CONSTRAINT "FK_7cac80df7e8ffbb90dad175514e" FOREIGN KEY ("support_statement_id") REFERENCES "support_statement"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "vendor_relation_support_statement" DROP CONSTRAINT "FK_7cac80df7e8ffbb90dad175514e"',
    );
    await queryRunner.query(
      'ALTER TABLE "vendor_relation_support_statement" DROP CONSTRAINT "FK_b3636a22c980c123759325e435b"',
    );
    await queryRunner.query(
      'ALTER TABLE "vendor_relation_driver_package" DROP CONSTRAINT "FK_7c8762b99f030ee94288ca83193"',
    );
    await queryRunner.query(
      'ALTER TABLE "vendor_relation_driver_package" DROP CONSTRAINT "FK_323e3c7f8be88678aed83fd578d"',
    );
    await queryRunner.query(
      'ALTER TABLE "vendor_relation_hypervisor" DROP CONSTRAINT "FK_7f0857e09b602a417df8bb6f73e"',
    );
    await queryRunner.query(
      'ALTER TABLE "vendor_relation_hypervisor" DROP CONSTRAINT "FK_229949293e3fcbb53d6cace2ac4"',
    );
    await queryRunner.query('ALTER TABLE "vendor_relation" DROP COLUMN "effect"');
    await queryRunner.query('DROP INDEX "public"."IDX_7cac80df7e8ffbb90dad175514"');
    await queryRunner.query('DROP INDEX "public"."IDX_b3636a22c980c123759325e435"');
    await queryRunner.query('DROP TABLE "vendor_relation_support_statement"');
    await queryRunner.query('DROP INDEX "public"."IDX_7c8762b99f030ee94288ca8319"');
    await queryRunner.query('DROP INDEX "public"."IDX_323e3c7f8be88678aed83fd578"');
    await queryRunner.query('DROP TABLE "vendor_relation_driver_package"');
    await queryRunner.query('DROP INDEX "public"."IDX_7f0857e09b602a417df8bb6f73"');
    await queryRunner.query('DROP INDEX "public"."IDX_229949293e3fcbb53d6cace2ac"');
    await queryRunner.query('DROP TABLE "vendor_relation_hypervisor"');
  }
}
