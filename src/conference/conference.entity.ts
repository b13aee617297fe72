import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { DATE_PRECISIONS, type DatePrecision } from '../shared/partial-date';
import { PersonEntity } from '../people/person.entity';
import { SourceEntity } from '../sources/source.entity';
import { TopicEntity } from '../topics/topic.entity';
import { VendorEntity } from '../vendors/vendor.entity';

@Entity('conference')
export class ConferenceEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'text', nullable: true })
  venue!: string | null;

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn!: string | null;

  /** Null where the official end date was not found. */
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'conference_source',
    joinColumn: { name: 'conference_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}

@Entity('track')
@Unique('UQ_track_conference_slug', ['conferenceId', 'slug'])
export class TrackEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'conference_id', type: 'integer' })
  conferenceId!: number;

  @ManyToOne(() => ConferenceEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'conference_id' })
  conference?: ConferenceEntity;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;
}

export const SESSION_KINDS = ['keynote', 'panel', 'talk'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_STANCES = ['technical', 'vendor_pitch', 'analysis'] as const;
export type SessionStance = (typeof SESSION_STANCES)[number];
export const SPEAKER_ROLES = ['speaker', 'panelist', 'moderator', 'keynote'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

@Entity('session')
export class SessionEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Index()
  @Column({ name: 'conference_id', type: 'integer' })
  conferenceId!: number;

  @ManyToOne(() => ConferenceEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'conference_id' })
  conference?: ConferenceEntity;

  @Index()
  @Column({ name: 'track_id', type: 'integer', nullable: true })
  trackId!: number | null;

  @ManyToOne(() => TrackEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'track_id' })
  track?: TrackEntity | null;

  /** The programme's session code (e.g. V8), where known. */
  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'enum', enum: SESSION_KINDS, enumName: 'session_kind' })
  kind!: SessionKind;

  @Column({ type: 'enum', enum: SESSION_STANCES, enumName: 'session_stance' })
  stance!: SessionStance;

  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true })
  startsAt!: Date | null;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt!: Date | null;

  /**
   * The day (or month) it was held when the sources give no time, e.g. a session known only to be on 7 Aug 2007;
   * null when a time is recorded or no date is known.
   */
  @Column({ name: 'held_on', type: 'date', nullable: true })
  heldOn!: string | null;

  @Column({
    name: 'held_on_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  heldOnPrecision!: DatePrecision;

  @Column({ type: 'text' })
  description!: string;

  @ManyToMany(() => TopicEntity)
  @JoinTable({
    name: 'session_topic',
    joinColumn: { name: 'session_id' },
    inverseJoinColumn: { name: 'topic_id' },
  })
  topics?: TopicEntity[];

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'session_source',
    joinColumn: { name: 'session_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}

/** A person on a session's programme, in a role, speaking for a vendor (at that time). */
@Entity('session_speaker')
export class SessionSpeakerEntity {
  @PrimaryColumn({ name: 'session_id', type: 'integer' })
  sessionId!: number;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Index()
  @PrimaryColumn({ name: 'person_id', type: 'integer' })
  personId!: number;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  @Column({ type: 'enum', enum: SPEAKER_ROLES, enumName: 'speaker_role' })
  role!: SpeakerRole;

  @Index()
  @Column({ name: 'vendor_id', type: 'integer', nullable: true })
  vendorId!: number | null;

  @ManyToOne(() => VendorEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: VendorEntity | null;
}
