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
  SUPPORT_STATUSES,
  VIRTUALIZATION_MODES,
  type SupportStatus,
  type VirtualizationMode,
} from '../interop/support-statement.entity';
import { SupportStatusEnum, VirtualizationModeEnum } from '../interop/support-statement.type';
import { PARTIAL_DATE, PARTIAL_DATE_MESSAGE, SLUG, SLUG_MESSAGE, given } from './validation';

@InputType({
  description: 'What a source states about a guest on a hypervisor release (on a host), in a mode.',
})
export class CreateSupportStatementInput {
  @Field(() => String, {
    description: 'Its stable identifier: lower-case letters, digits and hyphens; must not be taken.',
  })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @MaxLength(150)
  slug!: string;

  @Field(() => String, { description: 'Slug of the hypervisor release.' })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  releaseSlug!: string;

  @Field(() => String, { description: 'Slug of the guest operating system.' })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  guestSlug!: string;

  @Field(() => String, { nullable: true, description: 'Slug of the host operating system, if any.' })
  @IsOptional()
  @Matches(SLUG, { message: SLUG_MESSAGE })
  hostSlug?: string | null;

  @Field(() => VirtualizationModeEnum, { description: 'How the guest runs in the statement.' })
  @IsIn(VIRTUALIZATION_MODES)
  mode!: VirtualizationMode;

  @Field(() => SupportStatusEnum, {
    description:
      'How strongly it is supported: by the vendor, experimentally, by the community or not at all.',
  })
  @IsIn(SUPPORT_STATUSES)
  status!: SupportStatus;

  @Field(() => String, { nullable: true, description: 'Slug of the driver package it needs, if any.' })
  @IsOptional()
  @Matches(SLUG, { message: SLUG_MESSAGE })
  driverPackageSlug?: string | null;

  @Field(() => [String], { nullable: true, description: 'Slugs of hardware features (any one is needed).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(SLUG, { each: true, message: SLUG_MESSAGE })
  requiredFeatureSlugs?: string[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD.' })
  @IsOptional()
  @Matches(PARTIAL_DATE, { message: PARTIAL_DATE_MESSAGE })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD; not before validFrom.' })
  @IsOptional()
  @Matches(PARTIAL_DATE, { message: PARTIAL_DATE_MESSAGE })
  validTo?: string | null;

  @Field(() => String, { description: 'What exactly the source states, its caveats and conditions.' })
  @IsNotEmpty()
  @MaxLength(5000)
  notes!: string;

  @Field(() => [String], { description: 'Slugs of existing sources; at least one.' })
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @Matches(SLUG, { each: true, message: SLUG_MESSAGE })
  sourceSlugs!: string[];
}

@InputType({ description: 'Changes to a support statement: only the fields given change.' })
export class UpdateSupportStatementInput {
  @Field(() => SupportStatusEnum, { nullable: true, description: 'The new status.' })
  @ValidateIf(given('status'))
  @IsIn(SUPPORT_STATUSES)
  status?: SupportStatus;

  @Field(() => VirtualizationModeEnum, { nullable: true, description: 'The new mode.' })
  @ValidateIf(given('mode'))
  @IsIn(VIRTUALIZATION_MODES)
  mode?: VirtualizationMode;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @Matches(SLUG, { message: SLUG_MESSAGE })
  driverPackageSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @Matches(PARTIAL_DATE, { message: PARTIAL_DATE_MESSAGE })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @Matches(PARTIAL_DATE, { message: PARTIAL_DATE_MESSAGE })
  validTo?: string | null;

  @Field(() => String, { nullable: true, description: 'The new notes.' })
  @ValidateIf(given('notes'))
  @IsNotEmpty()
  @MaxLength(5000)
  notes?: string;

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
