import { PageContainer } from '@ant-design/pro-components';
import { defineMessages, useApiClient, useLocale, useMessages } from '@gongkai/ui';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Row,
  Space,
  Tree,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { applyApiError } from '../common/api-form-errors';
import { serverMessage } from '../common/server-messages';
import type { AgencyView } from '@gongkai/contracts';
import { agencyTree, descendants, type AgencyTreeNode as Node } from './agency-tree';

const messages = defineMessages(
  {
    title: '机关管理',
    intro:
      '机关的上下级关系即监督关系：上级机关中可查看下级的工作人员（勾选“含下级机关”）可以查看、统计下级机关的案件。',
    tree: '机关树',
    details: '机关信息',
    choose: '请在左侧选择一个机关',
    name: '机关名称（年度报告落款）',
    code: '机关代码',
    parent: '上级机关（监督机关）',
    address: '联系地址',
    phone: '联系电话',
    contact: '联系人',
    pattern: '答复书文号格式',
    patternHelp: '{year} 为年度，{n} 为序号；留空则为“〔{year}〕第{n}号”，如〔2026〕第12号',
    save: '保存',
    saved: '已保存',
    addChild: '新增下级机关',
    create: '新增',
    cancel: '取消',
    supervises: '监督下级机关 {n} 个',
    required: '请填写{field}',
  },
  {
    title: 'Agencies',
    intro:
      'The tree is the supervision: staff of a parent agency with subtree scope see and count the cases of the agencies below.',
    tree: 'Agency tree',
    details: 'Agency',
    choose: 'Choose an agency on the left',
    name: 'Name (as printed on the annual report)',
    code: 'Code',
    parent: 'Parent (supervising) agency',
    address: 'Address',
    phone: 'Phone',
    contact: 'Contact person',
    pattern: 'Decision letter number pattern',
    patternHelp:
      '{year} is the year, {n} the number; empty means 〔{year}〕第{n}号, e.g. 〔2026〕第12号',
    save: 'Save',
    saved: 'Saved',
    addChild: 'Add an agency below',
    create: 'Add',
    cancel: 'Cancel',
    supervises: 'Supervises {n} agencies',
    required: 'Please fill in {field}',
  },
);

/** Administrators: create, rename and move agencies, and set what letters print for each. */
export function AgenciesPage() {
  const t = useMessages(messages);
  const { locale } = useLocale();
  const client = useApiClient();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const [childForm] = Form.useForm();
  const [error, setError] = useState<string>();
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: () => client.get<AgencyView[]>('/agencies'),
  });
  const list = useMemo(() => agencies.data ?? [], [agencies.data]);
  const tree = useMemo(() => agencyTree(list), [list]);
  const current = list.find((a) => a.id === selected);
  // A move under itself or its own subtree is refused by the API too; the picker hides them.
  const parentTree = useMemo(() => {
    if (!current) return tree;
    const banned = descendants(list, current.id);
    const prune = (nodes: Node[]): Node[] =>
      nodes.filter((n) => !banned.has(n.key)).map((n) => ({ ...n, children: prune(n.children) }));
    return prune(tree);
  }, [tree, list, current]);

  useEffect(() => {
    setError(undefined);
    if (current)
      form.setFieldsValue({
        name: current.name,
        parentId: current.parentId ?? undefined,
        address: current.address ?? '',
        phone: current.phone ?? '',
        contact: current.contact ?? '',
        letterRefPattern: current.letterRefPattern ?? '',
      });
  }, [current, form]);

  const save = async (values: Record<string, string | undefined>) => {
    if (!current) return;
    setError(undefined);
    try {
      await client.patch(`/agencies/${current.id}`, {
        name: values['name'],
        address: values['address'] || null,
        phone: values['phone'] || null,
        contact: values['contact'] || null,
        letterRefPattern: values['letterRefPattern'] || null,
        ...(values['parentId'] && values['parentId'] !== current.parentId
          ? { parentId: values['parentId'] }
          : {}),
      });
      void message.success(t.saved);
      void agencies.refetch();
    } catch (e) {
      setError(applyApiError(form, e, '', locale));
    }
  };

  const addChild = async (values: { code: string; name: string }) => {
    if (!current) return;
    try {
      const created = await client.post<AgencyView>('/agencies', {
        ...values,
        parentId: current.id,
      });
      setAdding(false);
      childForm.resetFields();
      await agencies.refetch();
      setSelected(created.id);
    } catch (e) {
      setError(applyApiError(childForm, e, '', locale));
    }
  };

  const req = (field: string) => [
    { required: true, message: t.required.replace('{field}', field) },
  ];
  const children = current ? list.filter((a) => a.parentId === current.id).length : 0;

  return (
    <PageContainer title={t.title} content={t.intro}>
      {agencies.isError ? (
        <Alert type="error" showIcon title={serverMessage(agencies.error, locale)} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={9}>
          <Card title={t.tree} data-testid="agency-tree">
            {tree.length ? (
              <Tree
                treeData={tree}
                defaultExpandAll
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected(keys[0] as string | undefined)}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} md={15}>
          <Card
            title={current ? `${t.details}：${current.name}` : t.details}
            extra={
              current ? (
                <Button onClick={() => setAdding(true)} data-testid="agency-add-child">
                  {t.addChild}
                </Button>
              ) : null
            }
          >
            {!current ? <Typography.Text type="secondary">{t.choose}</Typography.Text> : null}
            {error ? (
              <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />
            ) : null}
            {current ? (
              <>
                <Typography.Paragraph type="secondary">
                  {t.code}：{current.code} · {t.supervises.replace('{n}', String(children))}
                </Typography.Paragraph>
                {adding ? (
                  <Form
                    form={childForm}
                    layout="inline"
                    onFinish={(v) => void addChild(v)}
                    style={{ marginBottom: 16 }}
                    aria-label={t.addChild}
                  >
                    <Form.Item name="name" label={t.name} rules={req(t.name)}>
                      <Input />
                    </Form.Item>
                    <Form.Item name="code" label={t.code} rules={req(t.code)}>
                      <Input placeholder="jiaoyu-ju" />
                    </Form.Item>
                    <Space>
                      <Button type="primary" htmlType="submit">
                        {t.create}
                      </Button>
                      <Button onClick={() => setAdding(false)}>{t.cancel}</Button>
                    </Space>
                  </Form>
                ) : null}
                <Form
                  form={form}
                  layout="vertical"
                  onFinish={(v) => void save(v)}
                  aria-label={t.details}
                >
                  <Form.Item name="name" label={t.name} rules={req(t.name)}>
                    <Input maxLength={100} />
                  </Form.Item>
                  {current.parentId ? (
                    <Form.Item name="parentId" label={t.parent}>
                      <TreeSelect treeData={parentTree} treeDefaultExpandAll />
                    </Form.Item>
                  ) : null}
                  <Form.Item name="address" label={t.address}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name="phone" label={t.phone}>
                    <Input maxLength={40} />
                  </Form.Item>
                  <Form.Item name="contact" label={t.contact}>
                    <Input maxLength={40} />
                  </Form.Item>
                  <Form.Item name="letterRefPattern" label={t.pattern} extra={t.patternHelp}>
                    <Input maxLength={60} placeholder="〔{year}〕第{n}号" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit">
                    {t.save}
                  </Button>
                </Form>
              </>
            ) : null}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
