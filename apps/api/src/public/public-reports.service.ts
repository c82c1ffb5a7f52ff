import { Injectable, type StreamableFile } from '@nestjs/common';
import type { PublicAgencyNode, PublicDownloadQuery } from '@gongkai/contracts';
import { ReadPublishedReports } from '@gongkai/application';
import { httpErrors } from '../cases/case-http-errors';
import { streamed } from '../reports/reports.service';

/** What the public site reads: the agency tree and published versions only, never a draft. */
@Injectable()
export class PublicReportsService {
  constructor(private readonly published: ReadPublishedReports) {}

  agencies(): Promise<PublicAgencyNode[]> {
    return this.published.agencies();
  }

  /** The open-data index: every published report's latest version, with its download links. */
  index() {
    return this.published.index();
  }

  /** One published version (the latest when `version` is absent) with the list of all. */
  report(code: string, year: number, version?: number) {
    return httpErrors(() => this.published.report(code, year, version));
  }

  async download(
    code: string,
    year: number,
    query: PublicDownloadQuery,
    version?: number,
  ): Promise<StreamableFile> {
    return streamed(await httpErrors(() => this.published.download(code, year, query, version)));
  }
}
