import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconDownload, IconEdit } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPeriod } from '../../../contracts/format';
import type { ReportDto } from '../../../contracts/publishing';
import { useLang } from '../../app/i18n';
import { errorText } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { notifySuccess } from '../../ui/notify';
import { PageHeader, usePageTitle } from '../../ui/page';
import { FigureDrawer, type OpenFigure } from '../dashboard/figure';
import { statsApi } from '../dashboard/stats-api';
import { DocumentView, rerun, runsText } from './document-view';
import '../dashboard/publishing.css';

const route = getRouteApi('/_app/reports/$id');
const EDITORS = ['admin', 'officer', 'statistician'];
const ISSUERS = ['admin', 'leader'];

/** One report: read with linked numbers, edit the wording of a draft, issue it, download it. */
export function ReportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = route.useParams();
  const me = useMe();
  const qc = useQueryClient();
  const report = useQuery({ queryKey: ['report', id], queryFn: () => statsApi.reports.get(id) });
  const versions = useQuery({
    queryKey: ['report-versions', id],
    queryFn: () => statsApi.reports.versions(id),
  });
  usePageTitle(report.data?.title ?? t('rep.title'));
  const [figure, setFigure] = useState<OpenFigure | null>(null);
  const [editing, setEditing] = useState(false);
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [issueOpen, setIssueOpen] = useState(false);
  const [number, setNumber] = useState('');

  const done = async (r: ReportDto) => {
    qc.setQueryData(['report', id], r);
    await qc.invalidateQueries({ queryKey: ['report-versions', id] });
    await qc.invalidateQueries({ queryKey: ['reports'] });
  };
  const save = useMutation({
    mutationFn: (r: ReportDto) =>
      statsApi.reports.update(id, {
        version: r.version,
        blocks: r.document.blocks.map((b, i) =>
          b.type === 'paragraph' && drafts[i] !== undefined && drafts[i] !== runsText(b.runs)
            ? { ...b, runs: rerun(b.runs, drafts[i]!) }
            : b,
        ),
      }),
    onSuccess: async (r) => {
      await done(r);
      setEditing(false);
      setDrafts({});
      notifySuccess(t('rep.saved', { version: r.version }));
    },
  });
  const issue = useMutation({
    mutationFn: (r: ReportDto) => statsApi.reports.issue(id, { version: r.version, number: number.trim() }),
    onSuccess: async (r) => {
      await done(r);
      setIssueOpen(false);
      notifySuccess(t('rep.issued', { number: r.number }));
    },
  });

  if (report.isError) return <Alert color="red">{errorText(t, report.error)}</Alert>;
  const r = report.data;
  const draft = r?.status === 'draft';
  const canEdit = draft && EDITORS.includes(me.user.role);
  const canIssue = draft && ISSUERS.includes(me.user.role);

  return (
    <>
      <PageHeader
        before={
          <Anchor component={Link} to="/reports" size="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} aria-hidden />
              {t('rep.back')}
            </Group>
          </Anchor>
        }
        title={r?.title ?? t('rep.title')}
        subtitle={
          r && (
            <Group gap={6}>
              <Badge variant="light" color={r.status === 'issued' ? 'teal' : 'gray'}>
                {t(`rep.status.${r.status}`)}
              </Badge>
              <span>
                {formatPeriod(r.period, lang)} · {t('rep.version')} {r.version}
                {r.number ? ` · ${t('rep.number')} ${r.number}` : ''}
              </span>
            </Group>
          )
        }
        actions={
          r && (
            <>
              {canEdit && !editing && (
                <Button
                  variant="default"
                  leftSection={<IconEdit size={16} />}
                  onClick={() => setEditing(true)}
                >
                  {t('rep.edit')}
                </Button>
              )}
              {editing && (
                <>
                  <Button
                    variant="default"
                    onClick={() => {
                      setEditing(false);
                      setDrafts({});
                    }}
                  >
                    {t('rep.cancel')}
                  </Button>
                  <Button loading={save.isPending} onClick={() => save.mutate(r)}>
                    {t('rep.save')}
                  </Button>
                </>
              )}
              {canIssue && !editing && (
                <Button
                  color="teal"
                  leftSection={<IconCircleCheck size={16} />}
                  onClick={() => setIssueOpen(true)}
                >
                  {t('rep.issue')}
                </Button>
              )}
            </>
          )
        }
      />
      {save.isError && (
        <Alert color="red" mb="sm">
          {errorText(t, save.error)}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          {!r ? (
            <Skeleton height={600} />
          ) : (
            <Stack gap="sm">
              {r.document.provisional && <Alert color="gray">{t('rep.provisional')}</Alert>}
              {!editing && (
                <Text size="sm" c="dimmed">
                  {t('rep.links_hint')}
                </Text>
              )}
              <DocumentView
                doc={r.document}
                onFigure={setFigure}
                editing={editing}
                drafts={drafts}
                onDraft={(i, text) => setDrafts((d) => ({ ...d, [i]: text }))}
              />
            </Stack>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Stack gap="xs">
                {(['docx', 'pdf', 'md'] as const).map((f) => (
                  <Button
                    key={f}
                    component="a"
                    href={`/api/reports/${id}/download?format=${f}`}
                    download
                    variant="light"
                    leftSection={<IconDownload size={16} />}
                  >
                    {t('rep.download', { format: f.toUpperCase() })}
                  </Button>
                ))}
              </Stack>
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Title order={2} fz="md" mb="sm">
                {t('rep.versions')}
              </Title>
              <Timeline bulletSize={14} lineWidth={2} active={(versions.data?.length ?? 1) - 1}>
                {(versions.data ?? []).map((v) => (
                  <Timeline.Item
                    key={v.version}
                    title={`${t('rep.version')} ${v.version} · ${t(`rep.action.${v.action}`, { defaultValue: v.action })}`}
                  >
                    <Text size="xs" c="dimmed">
                      {v.editedBy ?? '–'} · {formatDateTime(v.editedAt, lang)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={issueOpen} onClose={() => setIssueOpen(false)} title={t('rep.issue_title')}>
        <Stack>
          <Text size="sm">{t('rep.issue_hint')}</Text>
          <TextInput
            label={t('rep.number')}
            placeholder="125/BC-SCT"
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            required
          />
          {issue.isError && <Alert color="red">{errorText(t, issue.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setIssueOpen(false)}>
              {t('rep.cancel')}
            </Button>
            <Button
              color="teal"
              disabled={!number.trim()}
              loading={issue.isPending}
              onClick={() => r && issue.mutate(r)}
            >
              {t('rep.issue')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <FigureDrawer open={figure} onClose={() => setFigure(null)} />
    </>
  );
}
