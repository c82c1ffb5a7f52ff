import type { DataSource } from 'typeorm';
import type { ReportDownloadFormat } from '@gongkai/contracts';
import {
  ReportSourcesRepository,
  ReportVersionsRepository,
  type AgencyEntity,
} from '@gongkai/persistence';
import { composeDraft, renderOne, storedRendering } from '@gongkai/reporting';

export interface RenderReportCommand {
  readonly agency: AgencyEntity;
  readonly year: number;
  readonly format: ReportDownloadFormat;
  /** The latest published version instead of the live draft. */
  readonly published?: boolean;
  /** A given published version. */
  readonly version?: number;
  readonly section?: '3' | '4';
}

/**
 * The report as bytes: the live draft (what `GET /api/reports/:year/download` serves), or the
 * stored rendering of the latest (or given) published version; null when there is none.
 */
export class RenderReport {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: RenderReportCommand): Promise<Buffer | null> {
    const { agency, year, format } = command;
    const section = command.section ?? '3';
    const m = this.dataSource.manager;
    if (command.published || command.version !== undefined) {
      const stored = await new ReportVersionsRepository(m).find(agency.id, year, command.version);
      return stored ? storedRendering(stored, format, section) : null;
    }
    const sources = await new ReportSourcesRepository(m).load(agency, year);
    const { report, texts } = composeDraft(sources);
    return renderOne(report, texts.preamble, format, section);
  }
}
