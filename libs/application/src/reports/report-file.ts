import type { ReportDownloadFormat } from '@gongkai/contracts';
import type { ReportVersionEntity } from '@gongkai/persistence';
import { CONTENT_TYPES, downloadName, storedRendering } from '@gongkai/reporting';

/** A report rendering as a download: the app streams it under this type and name. */
export interface ReportFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly filename: string;
}

/** A stored rendering of a published version as a download (staff and public routes alike). */
export function versionFile(
  stored: ReportVersionEntity,
  agencyCode: string,
  format: ReportDownloadFormat,
  section: '3' | '4',
): ReportFile {
  return {
    body: storedRendering(stored, format, section),
    contentType: CONTENT_TYPES[format],
    filename: downloadName(agencyCode, stored.year, format, { version: stored.version, section }),
  };
}
