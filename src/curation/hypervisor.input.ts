import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsIn,
  IsNotEmpty,
  IsOptional,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { Field, InputType } from 'type-graphql';
import {
  HYPERVISOR_ARCHITECTURES,
  TECHNIQUES,
  type HypervisorArchitecture,
  type Technique,
} from '../hypervisors/hypervisor.entity';
import { HypervisorArchitectureEnum, TechniqueEnum } from '../hypervisors/hypervisor.type';
import { LocalDate } from '../shared/scalars';
import { PARTIAL_DATE, PARTIAL_DATE_MESSAGE, SLUG, SLUG_MESSAGE, given } from './validation';

@InputType({ description: 'A new hypervisor, with the sources that state its facts.' })
export class CreateHypervisorInput {
  @Field(() => String, {
    description: 'Its stable identifier: lower-case letters, digits and hyphens; must not be taken.',
  })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @MaxLength(100)
  slug!: string;

  @Field(() => String, { description: 'Product name as the vendor writes it.' })
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Field(() => String, { description: 'Slug of the vendor that makes it.' })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  vendorSlug!: string;

  @Field(() => HypervisorArchitectureEnum, {
    description: 'Where it sits: bare metal, hosted, kernel module, OS level or emulator.',
  })
  @IsIn(HYPERVISOR_ARCHITECTURES)
  architecture!: HypervisorArchitecture;

  @Field(() => [TechniqueEnum], {
    description: 'The techniques it uses, as its sources state them; at least one.',
  })
  @ArrayNotEmpty()
  @IsIn(TECHNIQUES, { each: true })
  techniques!: Technique[];

  @Field(() => String, { description: 'Slug of its license.' })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  licenseSlug!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Dual licensing, parts under other licenses or a commercial product on an open base; null when none applies.',
  })
  @IsOptional()
  @MaxLength(1000)
  licenseNote?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Its first public release; null when no source gives one.',
  })
  firstReleasedOn?: string | null;

  @Field(() => String, { description: 'What it is, in prose (at most 5,000 characters).' })
  @IsNotEmpty()
  @MaxLength(5000)
  description!: string;

  @Field(() => [String], { description: 'Slugs of existing sources; at least one.' })
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @Matches(SLUG, { each: true, message: SLUG_MESSAGE })
  sourceSlugs!: string[];
}

@InputType({ description: 'Changes to a hypervisor: only the fields given change.' })
export class UpdateHypervisorInput {
  @Field(() => String, { nullable: true, description: 'The new name.' })
  @ValidateIf(given('name'))
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Slug of the vendor that now makes it (must exist).' })
  @ValidateIf(given('vendorSlug'))
  @Matches(SLUG, { message: SLUG_MESSAGE })
  vendorSlug?: string;

  @Field(() => HypervisorArchitectureEnum, { nullable: true, description: 'The new architecture.' })
  @ValidateIf(given('architecture'))
  @IsIn(HYPERVISOR_ARCHITECTURES)
  architecture?: HypervisorArchitecture;

  @Field(() => [TechniqueEnum], {
    nullable: true,
    description: 'The new techniques; replaces the whole list (at least one).',
  })
  @ValidateIf(given('techniques'))
  @ArrayNotEmpty()
  @IsIn(TECHNIQUES, { each: true })
  techniques?: Technique[];

  @Field(() => String, { nullable: true, description: 'Slug of the license it is now under (must exist).' })
  @ValidateIf(given('licenseSlug'))
  @Matches(SLUG, { message: SLUG_MESSAGE })
  licenseSlug?: string;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @MaxLength(1000)
  licenseNote?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'null clears it.' })
  firstReleasedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The new description.' })
  @ValidateIf(given('description'))
  @IsNotEmpty()
  @MaxLength(5000)
  description?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Slugs of existing sources; replaces the whole list (at least one).',
  })
  @ValidateIf(given('sourceSlugs'))
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @Matches(SLUG, { each: true, message: SLUG_MESSAGE })
  sourceSlugs?: string[];
}

@InputType({ description: 'A new release of a hypervisor.' })
export class CreateHypervisorReleaseInput {
  @Field(() => String, {
    description: 'Its stable identifier: lower-case letters, digits and hyphens; must not be taken.',
  })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @MaxLength(100)
  slug!: string;

  @Field(() => String, { description: 'Slug of the hypervisor.' })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  hypervisorSlug!: string;

  @Field(() => String, {
    description: 'The version as the vendor writes it, e.g. "3.0.4" or "3.0 Update 1".',
  })
  @IsNotEmpty()
  @MaxLength(100)
  version!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY, YYYY-MM or YYYY-MM-DD (kept at that precision).',
  })
  @IsOptional()
  @Matches(PARTIAL_DATE, { message: PARTIAL_DATE_MESSAGE })
  releasedOn?: string | null;

  @Field(() => String, { description: 'What the release brought, in prose.' })
  @IsNotEmpty()
  @MaxLength(5000)
  description!: string;

  @Field(() => [String], { description: 'Slugs of existing sources; at least one.' })
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @Matches(SLUG, { each: true, message: SLUG_MESSAGE })
  sourceSlugs!: string[];
}

@InputType({ description: 'Changes to a release: only the fields given change.' })
export class UpdateHypervisorReleaseInput {
  @Field(() => String, { nullable: true, description: 'The new version string.' })
  @ValidateIf(given('version'))
  @IsNotEmpty()
  @MaxLength(100)
  version?: string;

  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD; null clears it.' })
  @IsOptional()
  @Matches(PARTIAL_DATE, { message: PARTIAL_DATE_MESSAGE })
  releasedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The new description.' })
  @ValidateIf(given('description'))
  @IsNotEmpty()
  @MaxLength(5000)
  description?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Slugs of existing sources; replaces the whole list (at least one).',
  })
  @ValidateIf(given('sourceSlugs'))
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @Matches(SLUG, { each: true, message: SLUG_MESSAGE })
  sourceSlugs?: string[];
}
