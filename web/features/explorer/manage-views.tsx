import { ActionIcon, Alert, Button, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedViewDto } from '../../../contracts/publishing';
import { errorText } from '../../lib/errors';
import { notifySuccess } from '../../ui/notify';
import { statsApi } from '../dashboard/stats-api';

/** One of the user's views: its name to edit in place, and delete after a confirmation. */
function ViewRow(props: {
  view: SavedViewDto;
  onRenamed: (v: SavedViewDto) => void;
  onDeleted: (v: SavedViewDto) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState(props.view.name);
  const [confirm, setConfirm] = useState(false);
  const rename = useMutation({
    mutationFn: () => statsApi.views.rename(props.view.id, name.trim()),
    onSuccess: async (v) => {
      // Stale, not refetched now: the explorer on screen keeps its state; the next opening reads it again.
      await qc.invalidateQueries({ queryKey: ['view', v.shareKey], refetchType: 'none' });
      await qc.invalidateQueries({ queryKey: ['views'] });
      notifySuccess(t('ex.renamed', { name: v.name }));
      props.onRenamed(v);
    },
  });
  const remove = useMutation({
    mutationFn: () => statsApi.views.remove(props.view.id),
    onSuccess: async () => {
      qc.removeQueries({ queryKey: ['view', props.view.shareKey] });
      await qc.invalidateQueries({ queryKey: ['views'] });
      notifySuccess(t('ex.deleted', { name: props.view.name }));
      props.onDeleted(props.view);
    },
  });
  const changed = name.trim() !== '' && name.trim() !== props.view.name;
  return (
    <Stack gap={4} data-testid="view-row">
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          label={t('ex.save_name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && changed) rename.mutate();
          }}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Tooltip label={t('ex.rename')}>
          <ActionIcon
            size="lg"
            variant="light"
            disabled={!changed}
            loading={rename.isPending}
            onClick={() => rename.mutate()}
            aria-label={t('ex.rename_named', { name: props.view.name })}
          >
            <IconCheck size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('ex.delete')}>
          <ActionIcon
            size="lg"
            variant="light"
            color="red"
            onClick={() => setConfirm(true)}
            aria-label={t('ex.delete_named', { name: props.view.name })}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {confirm && (
        <Group gap="xs" justify="flex-end" wrap="wrap">
          <Text size="sm">{t('ex.delete_confirm', { name: props.view.name })}</Text>
          <Button size="compact-sm" variant="default" onClick={() => setConfirm(false)}>
            {t('rep.cancel')}
          </Button>
          <Button size="compact-sm" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('ex.delete')}
          </Button>
        </Group>
      )}
      {(rename.isError || remove.isError) && (
        <Alert color="red">{errorText(t, rename.error ?? remove.error)}</Alert>
      )}
    </Stack>
  );
}

/** The user's saved views: rename or delete them (the server allows it to their owner only). */
export function ManageViews(props: {
  opened: boolean;
  onClose: () => void;
  views: SavedViewDto[];
  onRenamed: (v: SavedViewDto) => void;
  onDeleted: (v: SavedViewDto) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('ex.manage_views')}>
      <Stack>
        {props.views.length === 0 && <Text c="dimmed">{t('ex.views_none')}</Text>}
        {props.views.map((v) => (
          <ViewRow key={v.id} view={v} onRenamed={props.onRenamed} onDeleted={props.onDeleted} />
        ))}
      </Stack>
    </Modal>
  );
}
