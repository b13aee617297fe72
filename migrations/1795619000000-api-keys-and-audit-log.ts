import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys (only the SHA-256 of the secret is stored; `prefix` is the public id) and the audit log of every
 * write (who, when, which request, the row before and after as JSON). `audit_log` is append-only; it is
 * looked up by entity and id.
 */
export class ApiKeysAndAuditLog1795619000000 implements MigrationInterface {
  name = 'ApiKeysAndAuditLog1795619000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."api_key_role" AS ENUM('reader', 'editor', 'admin')`);
    await queryRunner.query(
      `CREATE TABLE "api_key" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "prefix" text NOT NULL, "name" text NOT NULL, "role" "public"."api_key_role" NOT NULL, "secret_sha256" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_c4f6ccad30c0862eb54af9fb0ac" UNIQUE ("prefix"), CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "key_prefix" text NOT NULL, "key_name" text NOT NULL, "request_id" text NOT NULL, "action" text NOT NULL, "entity" text NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_40c0e9a60edcd0f680b0e94b60" ON "audit_log" ("entity", "entity_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_40c0e9a60edcd0f680b0e94b60"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
    await queryRunner.query(`DROP TYPE "public"."api_key_role"`);
  }
}
