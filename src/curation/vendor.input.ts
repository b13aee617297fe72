import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsUrl,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { VENDOR_KINDS, type VendorKind } from '../vendors/vendor.entity';
import { VendorKindEnum } from '../vendors/vendor.type';
import { SLUG, SLUG_MESSAGE, URL_MESSAGE, URL_OPTIONS, given } from './validation';

@InputType({ description: 'A new vendor, with the sources that state its facts.' })
export class CreateVendorInput {
  @Field(() => String, {
    description: 'Its stable identifier: lower-case letters, digits and hyphens; must not be taken.',
  })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @MaxLength(100)
  slug!: string;

  @Field(() => String, { description: 'The name as the vendor writes it.' })
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Field(() => VendorKindEnum, { description: 'What kind of organisation it is.' })
  @IsIn(VENDOR_KINDS)
  kind!: VendorKind;

  @Field(() => String, {
    nullable: true,
    description: 'Its home page (http or https); null when it has none.',
  })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { description: 'Who they are, in prose (at most 5,000 characters).' })
  @IsNotEmpty()
  @MaxLength(5000)
  description!: string;

  @Field(() => [String], { description: 'Slugs of existing sources; at least one.' })
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @Matches(SLUG, { each: true, message: SLUG_MESSAGE })
  sourceSlugs!: string[];
}

@InputType({
  description: 'Changes to a vendor: only the fields given change; sourceSlugs replaces the list.',
})
export class UpdateVendorInput {
  @Field(() => String, { nullable: true, description: 'The new name.' })
  @ValidateIf(given('name'))
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @Field(() => VendorKindEnum, { nullable: true, description: 'The new kind.' })
  @ValidateIf(given('kind'))
  @IsIn(VENDOR_KINDS)
  kind?: VendorKind;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  @MaxLength(500)
  website?: string | null;

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
