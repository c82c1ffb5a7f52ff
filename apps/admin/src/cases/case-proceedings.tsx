import { PlusOutlined } from '@ant-design/icons';
import type {
  CreateProceedingRequest,
  ProceedingView,
  UpdateProceedingRequest,
} from '@gongkai/contracts';
import { isProceedingFinalResult, PROCEEDING_KINDS, PROCEEDING_RESULTS } from '@gongkai/domain';
import { useApiClient, useLocale, useMessages } from '@gongkai/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { hasRole } from '../auth/desk-user';
import { useDeskUser } from '../auth/session.context';
import { applyApiError } from '../common/api-form-errors';
import { serverMessage } from '../common/server-messages';
import { proceedingKindLabel, proceedingResultLabel } from '../common/catalogue-labels';
import { useProceedings } from './case.queries';
import { proceedingsMessages } from './proceedings.messages';

/** `pending` (尚未审结) is how the form shows a proceeding without a result; the API gets null. */
const PENDING = 'pending';

interface ProceedingValues {
  kind?: string;
  filedOn?: Dayjs;
  result?: string;
  concludedOn?: Dayjs | null;
  note?: string;
}

type Editing = { mode: 'create' } | { mode: 'edit'; proceeding: ProceedingView };

/**
 * 复议/诉讼 of the case (section 四 of the annual report counts them by kind and result): a clerk
 * of the case's agency records one when it is filed and completes it with the result and the
 * conclusion date. The API (apps/api/src/proceedings) checks everything again.
 */
export function CaseProceedings({ caseId, agencyId }: { caseId: string; agencyId: string }) {
  const t = useMessages(proceedingsMessages);
  const { locale } = useLocale();
  const user = useDeskUser();
  const client = useApiClient();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const proceedings = useProceedings(caseId);
  const [editing, setEditing] = useState<Editing>();
  const canEdit = hasRole(user, 'clerk') && user.writeAgencyIds.includes(agencyId);
  const remove = useMutation({
    mutationFn: (id: string) => client.delete<unknown>(`/proceedings/${id}`),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['proceedings'] }),
  });

  const removeOne = async (id: string) => {
    try {
      await remove.mutateAsync(id);
      void message.success(t.removed);
    } catch (error) {
      void message.error(serverMessage(error, locale));
    }
  };

  let body;
  if (proceedings.isError) {
    body = <Alert type="error" showIcon title={serverMessage(proceedings.error, locale)} />;
  } else if (proceedings.isPending) {
    body = <Spin />;
  } else if (!proceedings.data.length) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.none} />;
  } else {
    body = (
      <Table<ProceedingView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={proceedings.data}
        onRow={() => ({ 'data-testid': 'proceeding-row' }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t.kind,
            dataIndex: 'kind',
            render: (v: string) => proceedingKindLabel(v, locale),
          },
          { title: t.filedOn, dataIndex: 'filedOn' },
          {
            title: t.result,
            dataIndex: 'result',
            render: (v: string | null, p) =>
              p.concludedOn
                ? `${proceedingResultLabel(v, locale)}（${p.concludedOn}）`
                : proceedingResultLabel(PENDING, locale),
          },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  render: (_: unknown, p: ProceedingView) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEditing({ mode: 'edit', proceeding: p })}
                      >
                        {t.edit}
                      </Button>
                      <Popconfirm title={t.removeConfirm} onConfirm={() => void removeOne(p.id)}>
                        <Button type="link" size="small" danger>
                          {t.remove}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
        expandable={{
          rowExpandable: (p) => !!p.note,
          expandedRowRender: (p) => p.note,
        }}
      />
    );
  }

  return (
    <Card
      title={t.title}
      data-testid="case-proceedings"
      extra={
        canEdit ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ mode: 'create' })}
          >
            {t.add}
          </Button>
        ) : null
      }
    >
      {body}
      {editing ? (
        <ProceedingModal caseId={caseId} editing={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </Card>
  );
}

function ProceedingModal({
  caseId,
  editing,
  onClose,
}: {
  caseId: string;
  editing: Editing;
  onClose: () => void;
}) {
  const t = useMessages(proceedingsMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProceedingValues>();
  const [error, setError] = useState<string>();
  const result = Form.useWatch('result', form);
  const current = editing.mode === 'edit' ? editing.proceeding : undefined;
  const save = useMutation({
    mutationFn: (values: ProceedingValues) => {
      const fields = {
        kind: values.kind,
        filedOn: values.filedOn?.format('YYYY-MM-DD'),
        result: isProceedingFinalResult(values.result) ? values.result : null,
        concludedOn: values.concludedOn ? values.concludedOn.format('YYYY-MM-DD') : null,
        note: values.note?.trim() || null,
      };
      if (!current) {
        const body: CreateProceedingRequest = {
          caseId,
          kind: fields.kind ?? '',
          filedOn: fields.filedOn ?? '',
          result: fields.result,
          concludedOn: fields.concludedOn,
          note: fields.note,
        };
        return client.post<ProceedingView>('/proceedings', body);
      }
      const body: UpdateProceedingRequest = fields;
      return client.patch<ProceedingView>(`/proceedings/${current.id}`, body);
    },
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['proceedings'] }),
  });

  const submit = async () => {
    // Failed checks are already shown under their fields.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setError(undefined);
    try {
      await save.mutateAsync(values);
      void message.success(current ? t.saved : t.created);
      onClose();
    } catch (caught) {
      setError(applyApiError(form, caught, '', locale));
    }
  };

  const pending = !result || result === PENDING;
  return (
    <Modal
      open
      title={current ? t.editTitle : t.addTitle}
      okText={t.submit}
      cancelText={t.cancel}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        aria-label={current ? t.editTitle : t.addTitle}
        initialValues={
          current
            ? {
                kind: current.kind,
                filedOn: dayjs(current.filedOn),
                result: current.result ?? PENDING,
                concludedOn: current.concludedOn ? dayjs(current.concludedOn) : null,
                note: current.note ?? '',
              }
            : { result: PENDING }
        }
      >
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
        ) : null}
        <Form.Item name="kind" label={t.kind} rules={[{ required: true, message: t.chooseKind }]}>
          <Select
            aria-label={t.kind}
            options={PROCEEDING_KINDS.map((k) => ({
              value: k.code,
              label: locale === 'en' ? k.labelEn : k.label,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="filedOn"
          label={t.filedOn}
          rules={[{ required: true, message: t.fillFiledOn }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="result" label={t.result} extra={t.pendingHint}>
          <Select
            aria-label={t.result}
            onChange={(v: string) => {
              if (v === PENDING) form.setFieldValue('concludedOn', null);
            }}
            options={PROCEEDING_RESULTS.map((r) => ({
              value: r.code,
              label: locale === 'en' ? r.labelEn : r.label,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="concludedOn"
          label={t.concludedOn}
          dependencies={['result', 'filedOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: Dayjs | null | undefined) => {
                const open = (getFieldValue('result') ?? PENDING) === PENDING;
                if (!open && !value) return Promise.reject(new Error(t.fillConcludedOn));
                if (open && value) return Promise.reject(new Error(t.noConcludedOn));
                const filed = getFieldValue('filedOn') as Dayjs | undefined;
                if (value && filed && value.isBefore(filed, 'day')) {
                  return Promise.reject(new Error(t.concludedBeforeFiled));
                }
                return Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} disabled={pending} />
        </Form.Item>
        <Form.Item name="note" label={t.note}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
