import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../shared/scalars';
import { SOURCE_KINDS, type SourceKind } from '../sources/source.entity';
import { SourceKindEnum } from '../sources/source.type';
import { SLUG, SLUG_MESSAGE, URL_MESSAGE, URL_OPTIONS } from './validation';

@InputType({ description: 'A new published source that facts can cite.' })
export class CreateSourceInput {
  @Field(() => String)
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @MaxLength(150)
  slug!: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  publisher!: string;

  @Field(() => String)
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  @MaxLength(1000)
  url!: string;

  @Field(() => LocalDate, { nullable: true })
  publishedOn?: string | null;

  @Field(() => SourceKindEnum)
  @IsIn(SOURCE_KINDS)
  kind!: SourceKind;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  secondary?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}
