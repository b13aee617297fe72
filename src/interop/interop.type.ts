import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Obtainability } from '../drivers/driver-package.entity';
import { ObtainabilityEnum } from '../drivers/driver-package.type';
import { registerValuesEnum } from '../shared/enums';
import type { DatePrecision } from '../shared/partial-date';
import { DatePrecisionEnum } from '../shared/partial-date.type';
import { LocalDate } from '../shared/scalars';
import type { SupportStatus, VirtualizationMode } from './support-statement.entity';
import { SupportStatement, SupportStatusEnum, VirtualizationModeEnum } from './support-statement.type';

export { MATCHES, MatchEnum, type Match } from '../operating-systems/os-match.type';
import { MatchEnum, type Match } from '../operating-systems/os-match.type';

export const CELL_STATES = ['available', 'no_statement', 'not_released', 'discontinued', 'undated'] as const;
export type CellState = (typeof CELL_STATES)[number];
export const CellStateEnum = registerValuesEnum(
  CELL_STATES,
  'InteropCellState',
  'What an interoperability cell says.',
  {
    available: 'At least one support statement held on that date.',
    no_statement: 'The hypervisor existed, but the sources state nothing about this guest on it then.',
    not_released: 'The hypervisor had no release yet on that date.',
    discontinued: 'The hypervisor had been discontinued by that date.',
    undated:
      'No source dates any release of the hypervisor, so no dated answer counts it (see InteropMatrix.undated).',
  },
);

@ObjectType('CompatibilityEntry', {
  description: 'A support statement that answers a compatibility question.',
})
export class CompatibilityEntry {
  @Field(() => MatchEnum, {
    description: 'Whether the statement names the guest asked about or a family it belongs to.',
  })
  guestMatch!: Match;

  @Field(() => MatchEnum, {
    nullable: true,
    description: 'How the host matched; null when no host was asked about.',
  })
  hostMatch!: Match | null;

  @Field(() => VirtualizationModeEnum, { description: 'How the guest runs under the statement.' })
  mode!: VirtualizationMode;

  @Field(() => SupportStatusEnum, { description: 'How strongly the statement supports it.' })
  status!: SupportStatus;

  @Field(() => SupportStatement, {
    description:
      'The statement: hypervisor and release, required hardware, driver package, validity, sources.',
  })
  statement!: SupportStatement;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First day the statement counts: its own start, else its release’s date.',
  })
  validFrom!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true, description: 'How precisely validFrom is known.' })
  validFromPrecision!: DatePrecision | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First day it no longer counts: its end, or its hypervisor’s discontinuation; null: open.',
  })
  validTo!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true, description: 'How precisely validTo is known.' })
  validToPrecision!: DatePrecision | null;
}

/** One cell of the interoperability matrix (fields with objects are resolved by InteropCellResolver). */
@ObjectType('InteropCell', {
  description: 'A guest on a hypervisor on a date: the best way it ran, and what it needed.',
})
export class InteropCell {
  guestSlug!: string;
  hypervisorSlug!: string;
  statementId!: number | null;
  driverPackageId!: number | null;

  @Field(() => CellStateEnum, {
    description:
      'Whether a way to run the guest existed then, and if not, why not (no statement, not released…).',
  })
  state!: CellState;

  @Field(() => VirtualizationModeEnum, { nullable: true, description: 'The best mode available (PV first).' })
  bestMode!: VirtualizationMode | null;

  @Field(() => SupportStatusEnum, {
    nullable: true,
    description: 'The best support status among the statements that held; null when none held.',
  })
  status!: SupportStatus | null;

  @Field(() => MatchEnum, {
    nullable: true,
    description: 'Whether the best statement names this guest or its family.',
  })
  guestMatch!: Match | null;

  @Field(() => ObtainabilityEnum, {
    nullable: true,
    description:
      'Who could obtain the driver package the best mode needs, on that date (null: none needed, or unknown).',
  })
  driverObtainability!: Obtainability | null;

  @Field(() => Int, { description: 'How many statements held for this cell on that date.' })
  statements!: number;

  @Field(() => String, { description: 'The cell in a sentence.' })
  summary!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'First day the best statement counts (its start, else its release’s date); null without one.',
  })
  validFrom!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true, description: 'How precisely validFrom is known.' })
  validFromPrecision!: DatePrecision | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First day it no longer counts (its end or its hypervisor’s discontinuation); null: open.',
  })
  validTo!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true, description: 'How precisely validTo is known.' })
  validToPrecision!: DatePrecision | null;
}

@ObjectType('InteropTotal', {
  description: 'How many cells of a row or column are available.',
  simpleResolvers: true,
})
export class InteropTotal {
  @Field(() => String, {
    description: 'The guest’s slug (row totals) or the hypervisor’s slug (column totals).',
  })
  slug!: string;

  @Field(() => Int, { description: 'Cells of the row or column whose state is AVAILABLE.' })
  available!: number;

  @Field(() => Int, { description: 'Cells in the row or column.' })
  cells!: number;
}

@ObjectType('InteropMatrix', { description: 'Guests × hypervisors on a date.' })
export class InteropMatrix {
  @Field(() => LocalDate, { description: 'The date the matrix answers for.' })
  asOf!: string;

  @Field(() => [String], { description: 'Guest slugs, in the order asked (rows).' })
  guests!: string[];

  @Field(() => [String], { description: 'Hypervisor slugs, in the order asked (columns).' })
  hypervisors!: string[];

  @Field(() => [[InteropCell]], { description: 'cells[row][column].' })
  cells!: InteropCell[][];

  @Field(() => [InteropTotal], { description: 'Per guest (row), how many hypervisors ran it on that date.' })
  rowTotals!: InteropTotal[];

  @Field(() => [InteropTotal], {
    description: 'Per hypervisor (column), how many guests it ran on that date.',
  })
  columnTotals!: InteropTotal[];
}

@ObjectType('ParavirtPath', {
  description: 'One way to give a guest paravirtualized I/O on a host, on a date.',
})
export class ParavirtPath {
  statementId!: number;
  hypervisorReleaseId!: number;
  hypervisorId!: number;
  vendorId!: number;
  driverPackageId!: number | null;
  licenseId!: number | null;

  @Field(() => VirtualizationModeEnum, {
    description:
      'PARAVIRTUALIZED: a PV guest kernel; HARDWARE_ASSISTED_PV_DRIVERS: PV drivers in an unmodified guest.',
  })
  mode!: VirtualizationMode;

  @Field(() => SupportStatusEnum, { description: 'How strongly the path is supported on that date.' })
  status!: SupportStatus;

  @Field(() => MatchEnum, {
    description: 'Whether the statement names the guest asked about or a family it belongs to.',
  })
  guestMatch!: Match;

  @Field(() => ObtainabilityEnum, {
    nullable: true,
    description: 'Who could obtain the drivers then; null: none needed.',
  })
  obtainability!: Obtainability | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The drivers’ price in US dollars where the sources give one; null where they give none (see priceNote).',
  })
  priceUsd!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The drivers’ price as the sources word it; null without a driver package or a word on price.',
  })
  priceNote!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Since when this path existed (statement, or the driver terms).',
  })
  since!: string | null;

  @Field(() => DatePrecisionEnum, {
    description: 'How precisely since is known: DAY, MONTH (the first of that month) or YEAR (1 January).',
  })
  sincePrecision!: DatePrecision;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'First day the path no longer existed: the earlier of its statement’s end (or its hypervisor’s ' +
      'discontinuation) and its driver terms’ end; null: open.',
  })
  until!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true, description: 'How precisely `until` is known.' })
  untilPrecision!: DatePrecision | null;

  @Field(() => Boolean, {
    description: 'False when the path needs a driver package that nobody could obtain on that date.',
  })
  obtainable!: boolean;
}
