import { FileSearchOutlined, FileTextOutlined, FormOutlined } from '@ant-design/icons';
import { useMessages } from '@gongkai/ui';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { publisherMessages } from '../publisher.messages';

function Section({
  id,
  icon,
  title,
  body,
  to,
  action,
}: {
  id: string;
  icon: ReactNode;
  title: string;
  body: string;
  to: string;
  action: string;
}) {
  return (
    <Col xs={24} md={8}>
      <Card style={{ height: '100%' }}>
        <section aria-labelledby={id}>
          <Typography.Title level={2} id={id} style={{ fontSize: 20, marginTop: 0 }}>
            <span style={{ marginRight: 8 }} aria-hidden>
              {icon}
            </span>
            {title}
          </Typography.Title>
          <Typography.Paragraph>{body}</Typography.Paragraph>
          <Link to={to} className="ant-btn ant-btn-primary" style={{ fontWeight: 500 }}>
            {action} →
          </Link>
        </section>
      </Card>
    </Col>
  );
}

/** The public landing page: the three things a citizen comes for. */
export function PublicHomePage() {
  const t = useMessages(publisherMessages);
  return (
    <div style={{ maxWidth: 1120, margin: '0 auto', padding: '40px 0' }}>
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        {t.heroTitle}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 16, maxWidth: 760 }}>
        {t.heroIntro}
      </Typography.Paragraph>
      <Row gutter={[24, 24]} style={{ marginTop: 24 }}>
        <Section
          id="reports"
          icon={<FileTextOutlined />}
          title={t.reportsTitle}
          body={t.reportsBody}
          to="/reports"
          action={t.reportsAction}
        />
        <Section
          id="apply"
          icon={<FormOutlined />}
          title={t.applyTitle}
          body={t.applyBody}
          to="/apply"
          action={t.applyAction}
        />
        <Section
          id="track"
          icon={<FileSearchOutlined />}
          title={t.trackTitle}
          body={t.trackBody}
          to="/track"
          action={t.trackAction}
        />
      </Row>
      <Typography.Paragraph style={{ marginTop: 24 }}>
        <Link to="/open-data">{t.openData}</Link>
      </Typography.Paragraph>
    </div>
  );
}
