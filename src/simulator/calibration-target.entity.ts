import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from '../sources/source.entity';

/**
 * A published benchmark figure the performance model is fitted to (Xen SOSP 2003, Adams & Agesen 2006, and the
 * 2005–2010 I/O, emulation and consolidation figures): one system's value on one benchmark, with its source.
 */
@Entity('calibration_target')
@Check('CHK_calibration_target_relation', `"relation" IN ('eq', 'le', 'ge', 'unmodelled')`)
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

  /** `eq` a value to match; `le`/`ge` a bound; `unmodelled` reported but not fitted. */
  @Column({ type: 'text', default: 'eq' })
  relation!: string;

  /** cpu, disk, network, emulation, consolidation, hwassist or windows-pv. */
  @Column({ type: 'text', default: 'cpu' })
  area!: string;
}
