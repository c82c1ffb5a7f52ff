import type { DataSource } from 'typeorm';
import { Section2FiguresEntity } from '@gongkai/persistence';

/** Section 二 figures come from other systems: entered per agency and year (DESIGN.md). */
export class Section2Figures {
  constructor(private readonly dataSource: DataSource) {}

  /** The agency's figures of the year; null when none were entered. */
  read(agencyId: string, year: number): Promise<Section2FiguresEntity | null> {
    return this.dataSource
      .getRepository(Section2FiguresEntity)
      .findOne({ where: { agencyId, year } });
  }

  /** Enters or corrects the year's figures (one row per agency and year). */
  async save(
    agencyId: string,
    year: number,
    entry: Pick<Section2FiguresEntity, 'format' | 'figures' | 'updatedBy'>,
  ): Promise<void> {
    await this.dataSource
      .getRepository(Section2FiguresEntity)
      .upsert({ agencyId, year, ...entry, updatedAt: new Date() }, ['agencyId', 'year']);
  }
}
