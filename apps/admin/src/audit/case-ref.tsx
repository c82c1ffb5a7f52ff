import { Link } from 'react-router-dom';

/**
 * 案号：能打开案件的角色得到链接，其他角色（管理员）只得到文字，免得点进去是 403。
 * A case ref: a link for whoever may open the case, plain text otherwise (the case page would 403).
 */
export function CaseRef({
  caseId,
  caseRef,
  link,
}: {
  caseId: string;
  caseRef: string;
  link: boolean;
}) {
  return link ? <Link to={`/cases/${caseId}`}>{caseRef}</Link> : <span>{caseRef}</span>;
}
