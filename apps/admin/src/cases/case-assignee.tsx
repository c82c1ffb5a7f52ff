import type { CaseDetailResponse, CaseView, ClerkOption } from '@gongkai/contracts';
import { ApiError, formatMessage, useApiClient, useLocale, useMessages } from '@gongkai/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { mayReassign } from '@gongkai/domain';
import { useDeskUser } from '../auth/session.context';
import { applyApiError } from '../common/api-form-errors';
import { assigneeMessages } from './assignee.messages';
import { caseKey, timelineKey } from './case.queries';

/** GET /api/clerks, shared by 改派 and 登记 under one key so the list is fetched once. */
export function useClerks() {
  const client = useApiClient();
  return useQuery({
    queryKey: ['clerks'],
    queryFn: () => client.get<ClerkOption[]>('/clerks'),
  });
}

interface ReassignValues {
  assigneeId?: string;
  reason?: string;
}

/**
 * The 经办人 of the case; a leader or administrator of its agency may hand it to another clerk
 * (改派) while there is still something to do. The API checks the clerk and journals the change.
 */
export function CaseAssignee({ view }: { view: CaseView }) {
  const t = useMessages(assigneeMessages);
  const user = useDeskUser();
  const [open, setOpen] = useState(false);
  const canReassign = mayReassign(user, view);
  return (
    <Space>
      <span data-testid="case-assignee">
        {view.assignee ? (view.assignee.displayName ?? view.assignee.id) : t.unassigned}
      </span>
      {canReassign ? (
        <Button size="small" onClick={() => setOpen(true)}>
          {t.reassign}
        </Button>
      ) : null}
      {open ? <ReassignModal view={view} onClose={() => setOpen(false)} /> : null}
    </Space>
  );
}

function ReassignModal({ view, onClose }: { view: CaseView; onClose: () => void }) {
  const t = useMessages(assigneeMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReassignValues>();
  const [error, setError] = useState<string>();
  const clerks = useClerks();
  const reassign = useMutation({
    mutationFn: (body: { assigneeId: string; reason: string }) =>
      client.put<CaseDetailResponse>(`/cases/${view.id}/assignee`, {
        ...body,
        expectedVersion: view.version,
      }),
    onSuccess: (answer) => {
      queries.setQueryData(caseKey(view.id), answer);
      void queries.invalidateQueries({ queryKey: timelineKey(view.id) });
      void queries.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values?.assigneeId || !values.reason) return;
    setError(undefined);
    try {
      const answer = await reassign.mutateAsync({
        assigneeId: values.assigneeId,
        reason: values.reason,
      });
      void message.success(
        formatMessage(t.done, { name: answer.case.assignee?.displayName ?? '' }),
      );
      onClose();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) {
        void queries.invalidateQueries({ queryKey: caseKey(view.id) });
        setError(`${caught.message}。${t.conflict}`);
        return;
      }
      setError(applyApiError(form, caught, '', locale));
    }
  };

  return (
    <Modal
      open
      title={t.reassignTitle}
      okText={t.submit}
      cancelText={t.cancel}
      confirmLoading={reassign.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" aria-label={t.reassignTitle}>
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
        ) : null}
        <Form.Item
          name="assigneeId"
          label={t.newAssignee}
          rules={[{ required: true, message: t.chooseAssignee }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={clerks.isPending}
            aria-label={t.newAssignee}
            options={(clerks.data ?? [])
              .filter((c) => c.id !== view.assignee?.id)
              .map((c) => ({ value: c.id, label: c.displayName }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t.reason}
          extra={t.reasonHint}
          rules={[{ required: true, whitespace: true, message: t.fillReason }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
