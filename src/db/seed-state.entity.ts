import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which version (content digest) of each seed set the database holds, so a start seeds only when data changed. */
@Entity('seed_state')
export class SeedStateEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  digest!: string;

  @Column({ name: 'applied_at', type: 'timestamptz', default: () => 'now()' })
  appliedAt!: Date;
}
