import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An agency (机关). Agencies form a tree: district → departments → streets → communities. */
@Entity({ name: 'agencies' })
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  code!: string;

  /** Name as printed on the annual report. */
  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** Materialised path of ids from the root, for subtree scope queries. */
  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** 联系人 printed on letters beside the address and phone. */
  @Column({ type: 'text', nullable: true })
  contact!: string | null;

  /** 文号 pattern of the agency's 答复书: `{year}` and `{n}`; null = `〔{year}〕第{n}号`. */
  @Column({ name: 'letter_ref_pattern', type: 'text', nullable: true })
  letterRefPattern!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
