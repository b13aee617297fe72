/**
 * Time fidelity (issue 17), additive only:
 * - hypervisor: the precision of `first_released_on`, announcement and discontinuation dates, and when its
 *   current license terms were announced and took effect (Virtual Server 2005 R2 became a free download on
 *   3 Apr 2006), each with its precision;
 * - driver_package_term: the devices of that version, its guest list (`driver_package_term_guest_os`) and typed
 *   price tiers (`driver_package_price_tier`: price, unit, VM limit), all replaced with their term by the seeds;
 * - vendor_relation: an IPO's price per share and shares offered, beside the prose `amount_note`;
 * - session: `held_on` (+ precision) for sessions whose sources give a day but no time.
 * No view selects these tables with `*`, so `search_document` stays valid.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TimeFidelity1796197741471 implements MigrationInterface {
  name = 'TimeFidelity1796197741471';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "driver_package_price_tier" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "driver_package_term_id" integer NOT NULL, "position" integer NOT NULL, "price_usd" numeric(12,2) NOT NULL, "unit" text NOT NULL, "max_vms" integer, CONSTRAINT "UQ_63829c645148fb419a42250000b" UNIQUE ("driver_package_term_id", "position"), CONSTRAINT "PK_86c9ef92812ff915a491239b10d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "driver_package_term_guest_os" ("driver_package_term_id" integer NOT NULL, "operating_system_id" integer NOT NULL, CONSTRAINT "PK_44a8d8552a21398d7324a996801" PRIMARY KEY ("driver_package_term_id", "operating_system_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8ff8fb9afe71a855969c9185ee" ON "driver_package_term_guest_os"  ("driver_package_term_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1618cd965dd71874491ce7b1d6" ON "driver_package_term_guest_os"  ("operating_system_id") ',
    );
    await queryRunner.query('ALTER TABLE "session" ADD "held_on" date');
    await queryRunner.query(
      'ALTER TABLE "session" ADD "held_on_precision" "public"."date_precision" NOT NULL DEFAULT \'day\'',
    );
    await queryRunner.query(
      'ALTER TABLE "hypervisor" ADD "first_released_on_precision" "public"."date_precision" NOT NULL DEFAULT \'day\'',
    );
    await queryRunner.query('ALTER TABLE "hypervisor" ADD "announced_on" date');
    await queryRunner.query(
      'ALTER TABLE "hypervisor" ADD "announced_on_precision" "public"."date_precision" NOT NULL DEFAULT \'day\'',
    );
    await queryRunner.query('ALTER TABLE "hypervisor" ADD "discontinued_on" date');
    await queryRunner.query(
      'ALTER TABLE "hypervisor" ADD "discontinued_on_precision" "public"."date_precision" NOT NULL DEFAULT \'day\'',
    );
    await queryRunner.query('ALTER TABLE "hypervisor" ADD "license_announced_on" date');
    await queryRunner.query(
      'ALTER TABLE "hypervisor" ADD "license_announced_on_precision" "public"."date_precision" NOT NULL DEFAULT \'day\'',
    );
    await queryRunner.query('ALTER TABLE "hypervisor" ADD "license_available_from" date');
    await queryRunner.query(
      'ALTER TABLE "hypervisor" ADD "license_available_from_precision" "public"."date_precision" NOT NULL DEFAULT \'day\'',
    );
    await queryRunner.query(
      'ALTER TABLE "driver_package_term" ADD "devices" "public"."device_kind" array NOT NULL DEFAULT \'{}\'',
    );
    await queryRunner.query('ALTER TABLE "vendor_relation" ADD "price_per_share_usd" numeric(12,2)');
    await queryRunner.query('ALTER TABLE "vendor_relation" ADD "shares_offered" bigint');
    await queryRunner.query(
      'ALTER TABLE "driver_package_price_tier" ADD CONSTRAINT "FK_51422602f3e4e86b64384919838" FOREIGN KEY ("driver_package_term_id") REFERENCES "driver_package_term"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "driver_package_term_guest_os" ADD CONSTRAINT "FK_8ff8fb9afe71a855969c9185ee8" FOREIGN KEY ("driver_package_term_id") REFERENCES "driver_package_term"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "driver_package_term_guest_os" ADD CONSTRAINT "FK_1618cd965dd71874491ce7b1d64" FOREIGN KEY ("operating_system_id") REFERENCES "operating_system"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "driver_package_term_guest_os" DROP CONSTRAINT "FK_1618cd965dd71874491ce7b1d64"',
    );
    await queryRunner.query(
      'ALTER TABLE "driver_package_term_guest_os" DROP CONSTRAINT "FK_8ff8fb9afe71a855969c9185ee8"',
    );
    await queryRunner.query(
      'ALTER TABLE "driver_package_price_tier" DROP CONSTRAINT "FK_51422602f3e4e86b64384919838"',
    );
    await queryRunner.query('ALTER TABLE "vendor_relation" DROP COLUMN "shares_offered"');
    await queryRunner.query('ALTER TABLE "vendor_relation" DROP COLUMN "price_per_share_usd"');
    await queryRunner.query('ALTER TABLE "driver_package_term" DROP COLUMN "devices"');
    await queryRunner.query('ALTER TABLE "hypervisor" DROP COLUMN "license_available_from_precision"');
    await queryRunner.query('ALTER TABLE "hypervisor" DROP COLUMN "license_available_from"');
    await queryRunner.query('ALTER TABLE "hypervisor" DROP COLUMN "license_announced_on_precision"');
    await queryRunner.query('ALTER TABLE "hypervisor" DROP COLUMN "license_announced_on"');
    await queryRunner.query('ALTER TABLE "hypervisor" DROP COLUMN "discontinued_on_precision"');
    await queryRunner.query('ALTER TABLE "hypervisor" DROP COLUMN "discontinued_on"');
    await queryRunner.query('ALTER TABLE "hypervisor" DROP COLUMN "announced_on_precision"');
    await queryRunner.query('ALTER TABLE "hypervisor" DROP COLUMN "announced_on"');
    await queryRunner.query('ALTER TABLE "hypervisor" DROP COLUMN "first_released_on_precision"');
    await queryRunner.query('ALTER TABLE "session" DROP COLUMN "held_on_precision"');
    await queryRunner.query('ALTER TABLE "session" DROP COLUMN "held_on"');
    await queryRunner.query('DROP INDEX "public"."IDX_1618cd965dd71874491ce7b1d6"');
    await queryRunner.query('DROP INDEX "public"."IDX_8ff8fb9afe71a855969c9185ee"');
    await queryRunner.query('DROP TABLE "driver_package_term_guest_os"');
    await queryRunner.query('DROP TABLE "driver_package_price_tier"');
  }
}
