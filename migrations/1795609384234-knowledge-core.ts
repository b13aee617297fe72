import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KnowledgeCore1795609384234 implements MigrationInterface {
  name = 'KnowledgeCore1795609384234';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"source_kind\" AS ENUM('news', 'paper', 'documentation', 'blog', 'press_release', 'wiki', 'book', 'other')",
    );
    await queryRunner.query(
      'CREATE TABLE "source" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "slug" text NOT NULL, "title" text NOT NULL, "publisher" text NOT NULL, "url" text NOT NULL, "published_on" date, "kind" "public"."source_kind" NOT NULL, "secondary" boolean NOT NULL DEFAULT false, "note" text, CONSTRAINT "UQ_73b9082fc0d085f1248327af4b2" UNIQUE ("slug"), CONSTRAINT "PK_018c433f8264b58c86363eaadde" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"license_kind\" AS ENUM('strong_copyleft', 'weak_copyleft', 'permissive', 'proprietary', 'freeware')",
    );
    await queryRunner.query(
      'CREATE TABLE "license" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "slug" text NOT NULL, "name" text NOT NULL, "spdx_id" text, "kind" "public"."license_kind" NOT NULL, "url" text, "description" text NOT NULL, CONSTRAINT "UQ_0a43750601b74570a5521a4af56" UNIQUE ("slug"), CONSTRAINT "PK_f168ac1ca5ba87286d03b2ef905" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"vendor_kind\" AS ENUM('company', 'university', 'project', 'individual', 'consortium')",
    );
    await queryRunner.query(
      'CREATE TABLE "vendor" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "slug" text NOT NULL, "name" text NOT NULL, "kind" "public"."vendor_kind" NOT NULL, "website" text, "description" text NOT NULL, CONSTRAINT "UQ_e0265118e94686f50eea55edf6e" UNIQUE ("slug"), CONSTRAINT "PK_931a23f6231a57604f5a0e32780" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"hypervisor_architecture\" AS ENUM('bare_metal', 'hosted', 'kernel_module', 'os_level', 'emulator')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"virtualization_technique\" AS ENUM('paravirtualization', 'hardware_assisted', 'binary_translation', 'emulation', 'os_level')",
    );
    await queryRunner.query(
      'CREATE TABLE "hypervisor" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "slug" text NOT NULL, "name" text NOT NULL, "vendor_id" integer NOT NULL, "architecture" "public"."hypervisor_architecture" NOT NULL, "techniques" "public"."virtualization_technique" array NOT NULL, "license_id" integer NOT NULL, "license_note" text, "first_released_on" date, "description" text NOT NULL, CONSTRAINT "UQ_e1d50d1706002742f75e3c861e1" UNIQUE ("slug"), CONSTRAINT "PK_414ac88713d783fbd387bca4f28" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_c8da56d586b355a0358536071f" ON "hypervisor"  ("vendor_id") ');
    await queryRunner.query('CREATE INDEX "IDX_a292d46dc3f322ed2dafbc7d30" ON "hypervisor"  ("license_id") ');
    await queryRunner.query(
      'CREATE TABLE "seed_state" ("name" text NOT NULL, "digest" text NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24d56204edabdd732509863aada" PRIMARY KEY ("name"))',
    );
    await queryRunner.query(
      'CREATE TABLE "license_source" ("license_id" integer NOT NULL, "source_id" integer NOT NULL, CONSTRAINT "PK_0fa56d04d661b6ef8779b773ba8" PRIMARY KEY ("license_id", "source_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_33fd31b408e2f7b9fba551e4c4" ON "license_source"  ("license_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_f9b34e4bb8402e7161ab4680f1" ON "license_source"  ("source_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "vendor_source" ("vendor_id" integer NOT NULL, "source_id" integer NOT NULL, CONSTRAINT "PK_7b6233bba553ed2786304553ea0" PRIMARY KEY ("vendor_id", "source_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_dfef48767b9fcb04cb6c1c6ef4" ON "vendor_source"  ("vendor_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_98b63b6953e6590119fd881eff" ON "vendor_source"  ("source_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "hypervisor_source" ("hypervisor_id" integer NOT NULL, "source_id" integer NOT NULL, CONSTRAINT "PK_c0be66ea46bbc9fb4412720d7dd" PRIMARY KEY ("hypervisor_id", "source_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0b5ac66f4b88689d375204d096" ON "hypervisor_source"  ("hypervisor_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2f813deef6cc40394be27fd9e7" ON "hypervisor_source"  ("source_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "hypervisor" ADD CONSTRAINT "FK_c8da56d586b355a0358536071f0" FOREIGN KEY ("vendor_id") REFERENCES "vendor"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "hypervisor" ADD CONSTRAINT "FK_a292d46dc3f322ed2dafbc7d305" FOREIGN KEY ("license_id") REFERENCES "license"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "license_source" ADD CONSTRAINT "FK_33fd31b408e2f7b9fba551e4c4c" FOREIGN KEY ("license_id") REFERENCES "license"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "license_source" ADD CONSTRAINT "FK_f9b34e4bb8402e7161ab4680f15" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "vendor_source" ADD CONSTRAINT "FK_dfef48767b9fcb04cb6c1c6ef4a" FOREIGN KEY ("vendor_id") REFERENCES "vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "vendor_source" ADD CONSTRAINT "FK_98b63b6953e6590119fd881effb" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "hypervisor_source" ADD CONSTRAINT "FK_0b5ac66f4b88689d375204d096f" FOREIGN KEY ("hypervisor_id") REFERENCES "hypervisor"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "hypervisor_source" ADD CONSTRAINT "FK_2f813deef6cc40394be27fd9e7a" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "hypervisor_source" DROP CONSTRAINT "FK_2f813deef6cc40394be27fd9e7a"',
    );
    await queryRunner.query(
      'ALTER TABLE "hypervisor_source" DROP CONSTRAINT "FK_0b5ac66f4b88689d375204d096f"',
    );
    await queryRunner.query('ALTER TABLE "vendor_source" DROP CONSTRAINT "FK_98b63b6953e6590119fd881effb"');
    await queryRunner.query('ALTER TABLE "vendor_source" DROP CONSTRAINT "FK_dfef48767b9fcb04cb6c1c6ef4a"');
    await queryRunner.query('ALTER TABLE "license_source" DROP CONSTRAINT "FK_f9b34e4bb8402e7161ab4680f15"');
    await queryRunner.query('ALTER TABLE "license_source" DROP CONSTRAINT "FK_33fd31b408e2f7b9fba551e4c4c"');
    await queryRunner.query('ALTER TABLE "hypervisor" DROP CONSTRAINT "FK_a292d46dc3f322ed2dafbc7d305"');
    await queryRunner.query('ALTER TABLE "hypervisor" DROP CONSTRAINT "FK_c8da56d586b355a0358536071f0"');
    await queryRunner.query('DROP INDEX "public"."IDX_2f813deef6cc40394be27fd9e7"');
    await queryRunner.query('DROP INDEX "public"."IDX_0b5ac66f4b88689d375204d096"');
    await queryRunner.query('DROP TABLE "hypervisor_source"');
    await queryRunner.query('DROP INDEX "public"."IDX_98b63b6953e6590119fd881eff"');
    await queryRunner.query('DROP INDEX "public"."IDX_dfef48767b9fcb04cb6c1c6ef4"');
    await queryRunner.query('DROP TABLE "vendor_source"');
    await queryRunner.query('DROP INDEX "public"."IDX_f9b34e4bb8402e7161ab4680f1"');
    await queryRunner.query('DROP INDEX "public"."IDX_33fd31b408e2f7b9fba551e4c4"');
    await queryRunner.query('DROP TABLE "license_source"');
    await queryRunner.query('DROP TABLE "seed_state"');
    await queryRunner.query('DROP INDEX "public"."IDX_a292d46dc3f322ed2dafbc7d30"');
    await queryRunner.query('DROP INDEX "public"."IDX_c8da56d586b355a0358536071f"');
    await queryRunner.query('DROP TABLE "hypervisor"');
    await queryRunner.query('DROP TYPE "public"."virtualization_technique"');
    await queryRunner.query('DROP TYPE "public"."hypervisor_architecture"');
    await queryRunner.query('DROP TABLE "vendor"');
    await queryRunner.query('DROP TYPE "public"."vendor_kind"');
    await queryRunner.query('DROP TABLE "license"');
    await queryRunner.query('DROP TYPE "public"."license_kind"');
    await queryRunner.query('DROP TABLE "source"');
    await queryRunner.query('DROP TYPE "public"."source_kind"');
  }
}
