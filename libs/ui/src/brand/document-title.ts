import { useEffect } from 'react';

/** The product's name, the same in both languages, after the page's name in the browser tab. */
export const PRODUCT_TITLE = '公开 Gongkai';

/** `案件列表 - 公开 Gongkai`: the page first, so a row of tabs still tells the pages apart. */
export function documentTitle(page?: string | null): string {
  return page ? `${page} - ${PRODUCT_TITLE}` : PRODUCT_TITLE;
}

/** Sets the tab's title to the page's name (in the current language) while the page is shown. */
export function useDocumentTitle(page: string | null | undefined): void {
  useEffect(() => {
    document.title = documentTitle(page);
  }, [page]);
}
