import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../shared/scalars';
import { SOURCE_KINDS, type SourceKind } from '../sources/source.entity';
import { SourceKindEnum } from '../sources/source.type';
import { SLUG, SLUG_MESSAGE, URL_MESSAGE, URL_OPTIONS } from './validation';

@InputType({ description: 'A new published source that facts can cite.' })
export class CreateSourceInput {
  @Field(() => String, {
    description: 'Its stable identifier: lower-case letters, digits and hyphens; must not be taken.',
  })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @MaxLength(150)
  slug!: string;

  @Field(() => String, { description: 'Its title as published.' })
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @Field(() => String, { description: 'Who published it: a publication, vendor or author.' })
  @IsNotEmpty()
  @MaxLength(200)
  publisher!: string;

  @Field(() => String, { description: 'Where it can be read (http or https).' })
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  @MaxLength(1000)
  url!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Its publication day; null when undated.' })
  publishedOn?: string | null;

  @Field(() => SourceKindEnum, { description: 'What kind of document it is.' })
  @IsIn(SOURCE_KINDS)
  kind!: SourceKind;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'True when it reports others’ findings rather than its own; default false.',
  })
  @IsOptional()
  @IsBoolean()
  secondary?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What the source is used for or how far to trust it; null for none.',
  })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}
