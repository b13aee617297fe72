import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from '../sources/source.entity';

/**
 * A published benchmark figure the performance model is fitted to (Xen SOSP 2003, Adams & Agesen 2006): one
 * system's value on one benchmark, with the paper it comes from.
 */
@Entity('calibration_target')
export class CalibrationTargetEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Index()
  @Column({ name: 'source_id', type: 'integer' })
  sourceId!: number;

  @ManyToOne(() => SourceEntity, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;

  @Column({ type: 'text' })
  benchmark!: string;

  @Column({ type: 'text' })
  unit!: string;

  @Column({ name: 'higher_is_better', type: 'boolean' })
  higherIsBetter!: boolean;

  /** The system measured, as the paper names it (native, xen_pv, vmware_ws_bt, uml, bt, vtx…). */
  @Column({ type: 'text' })
  system!: string;

  @Column({ type: 'double precision' })
  value!: number;

  /** True when the value comes from a third-party transcription of the paper. */
  @Column({ type: 'boolean', default: false })
  secondary!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
