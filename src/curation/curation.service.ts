import type { DataSource, EntityManager } from 'typeorm';
import { auditedWrite, type WriteRequest } from '../audit/audited-write';
import { DriverPackageEntity } from '../drivers/driver-package.entity';
import { BadUserInputError } from '../errors';
import { HypervisorReleaseEntity } from '../hypervisors/hypervisor-release.entity';
import { HypervisorEntity } from '../hypervisors/hypervisor.entity';
import { SupportStatementEntity } from '../interop/support-statement.entity';
import { LicenseEntity } from '../licensing/license.entity';
import { OperatingSystemEntity } from '../operating-systems/operating-system.entity';
import { SourceEntity } from '../sources/source.entity';
import { VendorEntity } from '../vendors/vendor.entity';
import {
  LINKS,
  assertSlugFree,
  idBySlug,
  idsBySlugs,
  linkedSlugs,
  lockBySlug,
  refreshSearch,
  replaceLinks,
  type Link,
} from './curation-store';
import type {
  CreateHypervisorInput,
  CreateHypervisorReleaseInput,
  UpdateHypervisorInput,
} from './hypervisor.input';
import type { UpdateHypervisorReleaseInput } from './hypervisor.input';
import type { CreateSourceInput } from './source.input';
import type { CreateSupportStatementInput, UpdateSupportStatementInput } from './support-statement.input';
import { checkPartialDate } from './validation';
import type { CreateVendorInput, UpdateVendorInput } from './vendor.input';

/**
 * Creates and updates curated facts. Each call is one transaction on the primary: the row, its citations,
 * its audit entry and the search refresh commit together or not at all. Inputs arrive validated
 * (class-validator, in the resolver); slugs they name are checked here and reported by argument.
 * @returns the slug of the row written (the resolver reads it back through the query services).
 */
export class CurationService {
  constructor(
    private readonly db: DataSource,
    private readonly statementTimeoutMs: number,
  ) {}

  createSource(req: WriteRequest, input: CreateSourceInput): Promise<string> {
    return this.write(req, 'createSource', 'source', async (m) => {
      await assertSlugFree(m, SourceEntity, input.slug, 'source');
      const row = await m.getRepository(SourceEntity).save(
        m.getRepository(SourceEntity).create({
          slug: input.slug,
          title: input.title,
          publisher: input.publisher,
          url: input.url,
          publishedOn: input.publishedOn ?? null,
          kind: input.kind,
          secondary: input.secondary ?? false,
          note: input.note ?? null,
        }),
      );
      return {
        id: row.id,
        slug: row.slug,
        before: null,
        after: () => m.getRepository(SourceEntity).findOneByOrFail({ id: row.id }),
      };
    });
  }

  createVendor(req: WriteRequest, input: CreateVendorInput): Promise<string> {
    return this.write(req, 'createVendor', 'vendor', async (m) => {
      await assertSlugFree(m, VendorEntity, input.slug, 'vendor');
      const sources = await idsBySlugs(m, 'source', input.sourceSlugs, 'input.sourceSlugs');
      const row = await m.getRepository(VendorEntity).save(
        m.getRepository(VendorEntity).create({
          slug: input.slug,
          name: input.name,
          kind: input.kind,
          website: input.website ?? null,
          description: input.description,
        }),
      );
      await replaceLinks(m, LINKS.vendorSources, row.id, sources);
      return {
        id: row.id,
        slug: row.slug,
        before: null,
        after: () => snapshot(m, VendorEntity, row.id, LINKS.vendorSources),
      };
    });
  }

  updateVendor(req: WriteRequest, slug: string, input: UpdateVendorInput): Promise<string> {
    return this.write(req, 'updateVendor', 'vendor', async (m) => {
      const row = await lockBySlug(m, VendorEntity, slug, 'vendor');
      const before = await snapshot(m, VendorEntity, row.id, LINKS.vendorSources);
      const sources =
        input.sourceSlugs && (await idsBySlugs(m, 'source', input.sourceSlugs, 'input.sourceSlugs'));
      await m.getRepository(VendorEntity).update(row.id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.website !== undefined && { website: input.website }),
        ...(input.description !== undefined && { description: input.description }),
      });
      if (sources) await replaceLinks(m, LINKS.vendorSources, row.id, sources);
      return {
        id: row.id,
        slug,
        before,
        after: () => snapshot(m, VendorEntity, row.id, LINKS.vendorSources),
      };
    });
  }

  createHypervisor(req: WriteRequest, input: CreateHypervisorInput): Promise<string> {
    return this.write(req, 'createHypervisor', 'hypervisor', async (m) => {
      await assertSlugFree(m, HypervisorEntity, input.slug, 'hypervisor');
      const vendorId = await idBySlug(m, VendorEntity, input.vendorSlug, 'input.vendorSlug', 'vendor');
      const licenseId = await idBySlug(m, LicenseEntity, input.licenseSlug, 'input.licenseSlug', 'license');
      const sources = await idsBySlugs(m, 'source', input.sourceSlugs, 'input.sourceSlugs');
      const row = await m.getRepository(HypervisorEntity).save(
        m.getRepository(HypervisorEntity).create({
          slug: input.slug,
          name: input.name,
          vendorId,
          architecture: input.architecture,
          techniques: [...new Set(input.techniques)],
          licenseId,
          licenseNote: input.licenseNote ?? null,
          firstReleasedOn: input.firstReleasedOn ?? null,
          description: input.description,
        }),
      );
      await replaceLinks(m, LINKS.hypervisorSources, row.id, sources);
      return {
        id: row.id,
        slug: row.slug,
        before: null,
        after: () => snapshot(m, HypervisorEntity, row.id, LINKS.hypervisorSources),
      };
    });
  }

  updateHypervisor(req: WriteRequest, slug: string, input: UpdateHypervisorInput): Promise<string> {
    return this.write(req, 'updateHypervisor', 'hypervisor', async (m) => {
      const row = await lockBySlug(m, HypervisorEntity, slug, 'hypervisor');
      const before = await snapshot(m, HypervisorEntity, row.id, LINKS.hypervisorSources);
      const vendorId =
        input.vendorSlug !== undefined
          ? await idBySlug(m, VendorEntity, input.vendorSlug, 'input.vendorSlug', 'vendor')
          : undefined;
      const licenseId =
        input.licenseSlug !== undefined
          ? await idBySlug(m, LicenseEntity, input.licenseSlug, 'input.licenseSlug', 'license')
          : undefined;
      const sources =
        input.sourceSlugs && (await idsBySlugs(m, 'source', input.sourceSlugs, 'input.sourceSlugs'));
      await m.getRepository(HypervisorEntity).update(row.id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(vendorId !== undefined && { vendorId }),
        ...(input.architecture !== undefined && { architecture: input.architecture }),
        ...(input.techniques !== undefined && { techniques: [...new Set(input.techniques)] }),
        ...(licenseId !== undefined && { licenseId }),
        ...(input.licenseNote !== undefined && { licenseNote: input.licenseNote }),
        ...(input.firstReleasedOn !== undefined && { firstReleasedOn: input.firstReleasedOn }),
        ...(input.description !== undefined && { description: input.description }),
      });
      if (sources) await replaceLinks(m, LINKS.hypervisorSources, row.id, sources);
      return {
        id: row.id,
        slug,
        before,
        after: () => snapshot(m, HypervisorEntity, row.id, LINKS.hypervisorSources),
      };
    });
  }

  createRelease(req: WriteRequest, input: CreateHypervisorReleaseInput): Promise<string> {
    return this.write(req, 'createHypervisorRelease', 'hypervisor_release', async (m) => {
      const released = checkPartialDate(input.releasedOn, 'input.releasedOn');
      await assertSlugFree(m, HypervisorReleaseEntity, input.slug, 'hypervisor release');
      const hypervisorId = await idBySlug(
        m,
        HypervisorEntity,
        input.hypervisorSlug,
        'input.hypervisorSlug',
        'hypervisor',
      );
      const sources = await idsBySlugs(m, 'source', input.sourceSlugs, 'input.sourceSlugs');
      const row = await m.getRepository(HypervisorReleaseEntity).save(
        m.getRepository(HypervisorReleaseEntity).create({
          slug: input.slug,
          hypervisorId,
          version: input.version,
          releasedOn: released?.date ?? null,
          releasedOnPrecision: released?.precision ?? 'day',
          description: input.description,
        }),
      );
      await replaceLinks(m, LINKS.releaseSources, row.id, sources);
      return {
        id: row.id,
        slug: row.slug,
        before: null,
        after: () => snapshot(m, HypervisorReleaseEntity, row.id, LINKS.releaseSources),
      };
    });
  }

  updateRelease(req: WriteRequest, slug: string, input: UpdateHypervisorReleaseInput): Promise<string> {
    return this.write(req, 'updateHypervisorRelease', 'hypervisor_release', async (m) => {
      const released = checkPartialDate(input.releasedOn, 'input.releasedOn');
      const row = await lockBySlug(m, HypervisorReleaseEntity, slug, 'hypervisor release');
      const before = await snapshot(m, HypervisorReleaseEntity, row.id, LINKS.releaseSources);
      const sources =
        input.sourceSlugs && (await idsBySlugs(m, 'source', input.sourceSlugs, 'input.sourceSlugs'));
      await m.getRepository(HypervisorReleaseEntity).update(row.id, {
        ...(input.version !== undefined && { version: input.version }),
        ...(input.releasedOn !== undefined && {
          releasedOn: released?.date ?? null,
          releasedOnPrecision: released?.precision ?? 'day',
        }),
        ...(input.description !== undefined && { description: input.description }),
      });
      if (sources) await replaceLinks(m, LINKS.releaseSources, row.id, sources);
      return {
        id: row.id,
        slug,
        before,
        after: () => snapshot(m, HypervisorReleaseEntity, row.id, LINKS.releaseSources),
      };
    });
  }

  createStatement(req: WriteRequest, input: CreateSupportStatementInput): Promise<string> {
    return this.write(req, 'createSupportStatement', 'support_statement', async (m) => {
      const validity = checkValidity(input.validFrom, input.validTo);
      await assertSlugFree(m, SupportStatementEntity, input.slug, 'support statement');
      const releaseId = await idBySlug(
        m,
        HypervisorReleaseEntity,
        input.releaseSlug,
        'input.releaseSlug',
        'hypervisor release',
      );
      const guestId = await idBySlug(
        m,
        OperatingSystemEntity,
        input.guestSlug,
        'input.guestSlug',
        'operating system',
      );
      const hostId = input.hostSlug
        ? await idBySlug(m, OperatingSystemEntity, input.hostSlug, 'input.hostSlug', 'operating system')
        : null;
      const driverId = input.driverPackageSlug
        ? await idBySlug(
            m,
            DriverPackageEntity,
            input.driverPackageSlug,
            'input.driverPackageSlug',
            'driver package',
          )
        : null;
      const features = await idsBySlugs(
        m,
        'hardware_feature',
        input.requiredFeatureSlugs ?? [],
        'input.requiredFeatureSlugs',
      );
      const sources = await idsBySlugs(m, 'source', input.sourceSlugs, 'input.sourceSlugs');
      const row = await m.getRepository(SupportStatementEntity).save(
        m.getRepository(SupportStatementEntity).create({
          slug: input.slug,
          hypervisorReleaseId: releaseId,
          guestOsId: guestId,
          hostOsId: hostId,
          driverPackageId: driverId,
          mode: input.mode,
          status: input.status,
          notes: input.notes,
          ...validity,
        }),
      );
      await replaceLinks(m, LINKS.statementFeatures, row.id, features);
      await replaceLinks(m, LINKS.statementSources, row.id, sources);
      return { id: row.id, slug: row.slug, before: null, after: () => statementSnapshot(m, row.id) };
    });
  }

  updateStatement(req: WriteRequest, slug: string, input: UpdateSupportStatementInput): Promise<string> {
    return this.write(req, 'updateSupportStatement', 'support_statement', async (m) => {
      const row = await lockBySlug(m, SupportStatementEntity, slug, 'support statement');
      const before = await statementSnapshot(m, row.id);
      const validity = checkValidity(
        input.validFrom !== undefined ? input.validFrom : partial(row.validFrom, row.validFromPrecision),
        input.validTo !== undefined ? input.validTo : partial(row.validTo, row.validToPrecision),
      );
      const driverPackageId =
        input.driverPackageSlug === undefined
          ? undefined
          : input.driverPackageSlug === null
            ? null
            : await idBySlug(
                m,
                DriverPackageEntity,
                input.driverPackageSlug,
                'input.driverPackageSlug',
                'driver package',
              );
      const sources =
        input.sourceSlugs && (await idsBySlugs(m, 'source', input.sourceSlugs, 'input.sourceSlugs'));
      await m.getRepository(SupportStatementEntity).update(row.id, {
        ...(input.status !== undefined && { status: input.status }),
        ...(input.mode !== undefined && { mode: input.mode }),
        ...(driverPackageId !== undefined && { driverPackageId }),
        ...(input.notes !== undefined && { notes: input.notes }),
        ...validity,
      });
      if (sources) await replaceLinks(m, LINKS.statementSources, row.id, sources);
      return { id: row.id, slug, before, after: () => statementSnapshot(m, row.id) };
    });
  }

  /** One audited, search-refreshing transaction around a write. */
  private write(
    req: WriteRequest,
    action: string,
    entity: string,
    work: (m: EntityManager) => Promise<{
      id: number;
      slug: string;
      before: object | null;
      after: () => Promise<object>;
    }>,
  ): Promise<string> {
    return auditedWrite(
      { dataSource: this.db, statementTimeoutMs: this.statementTimeoutMs },
      req,
      { action, entity },
      async (m) => {
        const done = await work(m);
        return { entityId: done.id, before: done.before, after: done.after, result: done.slug };
      },
      refreshSearch,
    );
  }
}

/** The row as stored, with the slugs of its citations. */
async function snapshot(
  m: EntityManager,
  entity: typeof VendorEntity | typeof HypervisorEntity | typeof HypervisorReleaseEntity,
  id: number,
  sources: Link,
): Promise<object> {
  const row = await m.getRepository<object>(entity).findOneByOrFail({ id });
  return { ...row, sourceSlugs: await linkedSlugs(m, sources, id) };
}

async function statementSnapshot(m: EntityManager, id: number): Promise<object> {
  const row = await m.getRepository(SupportStatementEntity).findOneByOrFail({ id });
  return {
    ...row,
    requiredFeatureSlugs: await linkedSlugs(m, LINKS.statementFeatures, id),
    sourceSlugs: await linkedSlugs(m, LINKS.statementSources, id),
  };
}

/** Stored date + precision back to the partial-date text the inputs take. */
function partial(date: string | null, precision: 'day' | 'month' | 'year'): string | null {
  if (date === null) return null;
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}

function checkValidity(from: string | null | undefined, to: string | null | undefined) {
  const f = checkPartialDate(from, 'input.validFrom');
  const t = checkPartialDate(to, 'input.validTo');
  if (f && t && t.date < f.date) {
    throw new BadUserInputError(
      `input.validTo (${to}) is before input.validFrom (${from}).`,
      'input.validTo',
    );
  }
  return {
    validFrom: f?.date ?? null,
    validFromPrecision: f?.precision ?? 'day',
    validTo: t?.date ?? null,
    validToPrecision: t?.precision ?? 'day',
  };
}
