import type { publicSiteMessages } from './public-site.messages';

type Messages = Record<keyof (typeof publicSiteMessages)['zh-CN'], string>;

/** The download links of one published version (plain links: they work without JavaScript). */
export function downloadLinks(
  base: string,
  t: Messages,
): { key: string; label: string; href: string }[] {
  return [
    { key: 'docx', label: t.downloadDocx, href: `${base}/download?format=docx` },
    { key: 'xlsx', label: t.downloadXlsx, href: `${base}/download?format=xlsx` },
    { key: 'json', label: t.downloadJson, href: `${base}/download?format=json` },
    { key: 'csv3', label: t.downloadCsv3, href: `${base}/download?format=csv&section=3` },
    { key: 'csv4', label: t.downloadCsv4, href: `${base}/download?format=csv&section=4` },
    { key: 'html', label: t.downloadHtml, href: `${base}/download?format=html` },
    { key: 'txt', label: t.downloadTxt, href: `${base}/download?format=txt` },
  ];
}
