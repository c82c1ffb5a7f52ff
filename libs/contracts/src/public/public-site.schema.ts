/** `GET /api/public/agencies`: the agency tree, by code. */
export interface PublicAgencyNode {
  code: string;
  name: string;
  children: PublicAgencyNode[];
}

export interface PublicVersionSummary {
  version: number;
  sha256: string;
  changeNote: string | null;
  publishedAt: string;
}

export type OpenDataFormat =
  'json' | 'csvSection3' | 'csvSection4' | 'html' | 'docx' | 'xlsx' | 'txt';

/** One published report in the open-data index (the latest version of an agency's year). */
export interface OpenDataEntry {
  agency: { code: string; name: string };
  year: number;
  version: number;
  sha256: string;
  publishedAt: string;
  url: string;
  downloads: Record<OpenDataFormat, string>;
}

/** `GET /api/public/reports`: the open-data index. */
export interface OpenDataIndex {
  reports: OpenDataEntry[];
}

/** `GET /api/public/reports/:agencyCode/:year[/versions/:n]`. */
export interface PublishedReportView extends PublicVersionSummary {
  agency: { code: string; name: string };
  year: number;
  versions: PublicVersionSummary[];
  /** The report JSON of report-json.md, as frozen at publication. */
  report: unknown;
}
