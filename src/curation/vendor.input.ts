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
  @Field(() => String)
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @MaxLength(100)
  slug!: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Field(() => VendorKindEnum)
  @IsIn(VENDOR_KINDS)
  kind!: VendorKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  @MaxLength(500)
  website?: string | null;

  @Field(() => String)
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
  @Field(() => String, { nullable: true })
  @ValidateIf(given('name'))
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @Field(() => VendorKindEnum, { nullable: true })
  @ValidateIf(given('kind'))
  @IsIn(VENDOR_KINDS)
  kind?: VendorKind;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { nullable: true })
  @ValidateIf(given('description'))
  @IsNotEmpty()
  @MaxLength(5000)
  description?: string;

  @Field(() => [String], { nullable: true })
  @ValidateIf(given('sourceSlugs'))
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @Matches(SLUG, { each: true, message: SLUG_MESSAGE })
  sourceSlugs?: string[];
}
