import { FileSearchOutlined, FileTextOutlined, FormOutlined } from '@ant-design/icons';
import { useMessages } from '@gongkai/ui';
import { Card, Col, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { publisherMessages } from '../publisher.messages';

function Section({
  id,
  icon,
  title,
  body,
  badge,
}: {
  id: string;
  icon: ReactNode;
  title: string;
  body: string;
  badge: string;
}) {
  return (
    <Col xs={24} md={8}>
      <Card style={{ height: '100%' }}>
        <section aria-labelledby={id}>
          <Typography.Title level={2} id={id} style={{ fontSize: 20, marginTop: 0 }}>
            <span style={{ marginRight: 8 }}>{icon}</span>
            {title} <Tag style={{ verticalAlign: 'middle' }}>{badge}</Tag>
          </Typography.Title>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{body}</Typography.Paragraph>
        </section>
      </Card>
    </Col>
  );
}

/** The public landing page; each section says what it will hold until issue “Publisher” fills it. */
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
          badge={t.comingSoon}
        />
        <Section
          id="apply"
          icon={<FormOutlined />}
          title={t.applyTitle}
          body={t.applyBody}
          badge={t.comingSoon}
        />
        <Section
          id="track"
          icon={<FileSearchOutlined />}
          title={t.trackTitle}
          body={t.trackBody}
          badge={t.comingSoon}
        />
      </Row>
    </div>
  );
}
