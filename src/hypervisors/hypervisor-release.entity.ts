import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATE_PRECISIONS, type DatePrecision } from '../shared/partial-date';
import { SourceEntity } from '../sources/source.entity';
import { HypervisorEntity } from './hypervisor.entity';

/** A named version of a hypervisor (Xen 3.0.4, ESX 3.0.1, KVM in Linux 2.6.20). */
@Entity('hypervisor_release')
export class HypervisorReleaseEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Index()
  @Column({ name: 'hypervisor_id', type: 'integer' })
  hypervisorId!: number;

  @ManyToOne(() => HypervisorEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'hypervisor_id' })
  hypervisor?: HypervisorEntity;

  @Column({ type: 'text' })
  version!: string;

  @Column({ name: 'released_on', type: 'date', nullable: true })
  releasedOn!: string | null;

  @Column({
    name: 'released_on_precision',
    type: 'enum',
    enum: DATE_PRECISIONS,
    enumName: 'date_precision',
    default: 'day',
  })
  releasedOnPrecision!: DatePrecision;

  @Column({ type: 'text' })
  description!: string;

  @ManyToMany(() => SourceEntity)
  @JoinTable({
    name: 'hypervisor_release_source',
    joinColumn: { name: 'hypervisor_release_id' },
    inverseJoinColumn: { name: 'source_id' },
  })
  sources?: SourceEntity[];
}
