import { theme } from 'antd';
import type { ReactNode } from 'react';
import { BrandMark } from './brand-mark';

export interface BrandHeaderProps {
  /** What this app is, e.g. 依申请公开办理 (admin) or 政府信息公开 (public site). */
  subtitle?: ReactNode;
  /** Right-hand side: status, language switch, user menu. */
  extra?: ReactNode;
  /** Where the name links to. */
  homeHref?: string;
}

/** The Gongkai header: 公开 Gongkai, the app's subtitle, and the app's controls on the right. */
export function BrandHeader({ subtitle, extra, homeHref = '/' }: BrandHeaderProps) {
  const { token } = theme.useToken();
  return (
    <header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        height: 56,
        padding: '0 24px',
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <a
        href={homeHref}
        aria-label="公开 Gongkai"
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 10,
          color: token.colorText,
          textDecoration: 'none',
        }}
      >
        <BrandMark />
        <span style={{ fontSize: 20, fontWeight: 700, letterSpacing: 2 }}>公开</span>
        <span style={{ fontSize: 16, color: token.colorTextSecondary }}>Gongkai</span>
      </a>
      {subtitle ? (
        <span
          style={{
            paddingLeft: 16,
            borderLeft: `1px solid ${token.colorBorder}`,
            color: token.colorTextSecondary,
            fontSize: 15,
          }}
        >
          {subtitle}
        </span>
      ) : null}
      <span style={{ flex: 1 }} />
      {extra ? <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>{extra}</div> : null}
    </header>
  );
}
