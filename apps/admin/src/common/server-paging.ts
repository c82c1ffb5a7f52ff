import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';

// A type, not an interface: it is passed as a query string record.
export type Paging = { page: number; pageSize: number };

/**
 * A table paged by the API: the page and size to ask for, and antd's pagination for an answer
 * with `total` rows. Changing the page size starts again from page 1.
 */
export function useServerPaging(totalLabel: (n: number) => string) {
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const pagination = (total: number): TablePaginationConfig => ({
    current: paging.page,
    pageSize: paging.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100, 200],
    showTotal: totalLabel,
    onChange: (page, pageSize) =>
      setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
  });
  return { paging, setPaging, pagination };
}
