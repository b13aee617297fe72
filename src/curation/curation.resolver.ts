import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../auth/viewer';
import type { Context } from '../context';
import type { Services } from '../services';
import { HypervisorRelease } from '../hypervisors/hypervisor-release.type';
import { Hypervisor } from '../hypervisors/hypervisor.type';
import { SupportStatement } from '../interop/support-statement.type';
import { Source } from '../sources/source.type';
import { Vendor } from '../vendors/vendor.type';
import type { WriteRequest } from '../audit/audited-write';
import type { CurationService } from './curation.service';
import {
  CreateHypervisorInput,
  CreateHypervisorReleaseInput,
  UpdateHypervisorInput,
  UpdateHypervisorReleaseInput,
} from './hypervisor.input';
import { CreateSourceInput } from './source.input';
import { CreateSupportStatementInput, UpdateSupportStatementInput } from './support-statement.input';
import { assertValid } from './validation';
import { CreateVendorInput, UpdateVendorInput } from './vendor.input';

type Readers = Pick<Services, 'vendors' | 'hypervisors' | 'releases' | 'statements' | 'sources'>;

/**
 * Editor mutations over curated facts. Each checks the role, validates its input, writes in one audited
 * transaction, and returns the row as the queries see it.
 */
@Resolver()
export class CurationResolver {
  constructor(
    private readonly curation: CurationService,
    private readonly read: Readers,
  ) {}

  @Mutation(() => Source, { description: 'Adds a source facts can cite. Needs the editor role.' })
  async createSource(
    @Arg('input', () => CreateSourceInput, { description: 'The source to add.' }) input: CreateSourceInput,
    @Ctx() ctx: Context,
  ) {
    const slug = await this.curation.createSource(await this.begin(ctx, 'createSource', input), input);
    return this.read.sources.bySlug(slug);
  }

  @Mutation(() => Vendor, { description: 'Adds a vendor with its sources. Needs the editor role.' })
  async createVendor(
    @Arg('input', () => CreateVendorInput, { description: 'The vendor to add.' }) input: CreateVendorInput,
    @Ctx() ctx: Context,
  ) {
    const slug = await this.curation.createVendor(await this.begin(ctx, 'createVendor', input), input);
    return this.read.vendors.bySlug(slug);
  }

  @Mutation(() => Vendor, { description: 'Changes a vendor. Needs the editor role.' })
  async updateVendor(
    @Arg('slug', () => String, { description: 'Slug of the vendor to change.' }) slug: string,
    @Arg('input', () => UpdateVendorInput, {
      description: 'The fields to change; fields left out keep their value.',
    })
    input: UpdateVendorInput,
    @Ctx() ctx: Context,
  ) {
    await this.curation.updateVendor(await this.begin(ctx, 'updateVendor', input), slug, input);
    return this.read.vendors.bySlug(slug);
  }

  @Mutation(() => Hypervisor, { description: 'Adds a hypervisor with its sources. Needs the editor role.' })
  async createHypervisor(
    @Arg('input', () => CreateHypervisorInput, { description: 'The hypervisor to add.' })
    input: CreateHypervisorInput,
    @Ctx() ctx: Context,
  ) {
    const slug = await this.curation.createHypervisor(
      await this.begin(ctx, 'createHypervisor', input),
      input,
    );
    return this.read.hypervisors.bySlug(slug);
  }

  @Mutation(() => Hypervisor, { description: 'Changes a hypervisor. Needs the editor role.' })
  async updateHypervisor(
    @Arg('slug', () => String, { description: 'Slug of the hypervisor to change.' }) slug: string,
    @Arg('input', () => UpdateHypervisorInput, {
      description: 'The fields to change; fields left out keep their value.',
    })
    input: UpdateHypervisorInput,
    @Ctx() ctx: Context,
  ) {
    await this.curation.updateHypervisor(await this.begin(ctx, 'updateHypervisor', input), slug, input);
    return this.read.hypervisors.bySlug(slug);
  }

  @Mutation(() => HypervisorRelease, { description: 'Adds a hypervisor release. Needs the editor role.' })
  async createHypervisorRelease(
    @Arg('input', () => CreateHypervisorReleaseInput, { description: 'The release to add.' })
    input: CreateHypervisorReleaseInput,
    @Ctx() ctx: Context,
  ) {
    const slug = await this.curation.createRelease(
      await this.begin(ctx, 'createHypervisorRelease', input),
      input,
    );
    return this.read.releases.bySlug(slug);
  }

  @Mutation(() => HypervisorRelease, { description: 'Changes a hypervisor release. Needs the editor role.' })
  async updateHypervisorRelease(
    @Arg('slug', () => String, { description: 'Slug of the release to change.' }) slug: string,
    @Arg('input', () => UpdateHypervisorReleaseInput, {
      description: 'The fields to change; fields left out keep their value.',
    })
    input: UpdateHypervisorReleaseInput,
    @Ctx() ctx: Context,
  ) {
    await this.curation.updateRelease(await this.begin(ctx, 'updateHypervisorRelease', input), slug, input);
    return this.read.releases.bySlug(slug);
  }

  @Mutation(() => SupportStatement, { description: 'Adds a support statement. Needs the editor role.' })
  async createSupportStatement(
    @Arg('input', () => CreateSupportStatementInput, { description: 'The support statement to add.' })
    input: CreateSupportStatementInput,
    @Ctx() ctx: Context,
  ) {
    const slug = await this.curation.createStatement(
      await this.begin(ctx, 'createSupportStatement', input),
      input,
    );
    return this.read.statements.bySlug(slug);
  }

  @Mutation(() => SupportStatement, { description: 'Changes a support statement. Needs the editor role.' })
  async updateSupportStatement(
    @Arg('slug', () => String, { description: 'Slug of the support statement to change.' }) slug: string,
    @Arg('input', () => UpdateSupportStatementInput, {
      description: 'The fields to change; fields left out keep their value.',
    })
    input: UpdateSupportStatementInput,
    @Ctx() ctx: Context,
  ) {
    await this.curation.updateStatement(await this.begin(ctx, 'updateSupportStatement', input), slug, input);
    return this.read.statements.bySlug(slug);
  }

  /** Role check (editor), then validation: what every write starts with. */
  private async begin(ctx: Context, action: string, input: object): Promise<WriteRequest> {
    const viewer = requireRole(ctx.viewer, 'editor', action);
    await assertValid(input);
    return { viewer, requestId: ctx.requestId };
  }
}
