import { Alert, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_KINDS } from '../../../contracts/extension';
import { formatDate } from '../../../contracts/format';
import { useLang } from '../../app/i18n';
import { errorText, fieldErrors } from '../../lib/errors';
import { readNumbersOrThrow } from '../../lib/validation';
import { PageHeader, usePageTitle } from '../../ui/page';
import { ext, useExtensionSession } from './api';
import { Section } from './bits';
import { SchemesPage } from './schemes-page';
import { KIND, SOURCE, tx } from './strings';

/** The enterprise's portal: open calls, an application for its own company, and its applications' status. */
export function PortalPage() {
  const lang = useLang();
  const { t } = useTranslation();
  const me = useExtensionSession();
  const navigate = useNavigate();
  usePageTitle(tx(lang, 'portal'));
  const calls = useQuery({ queryKey: ['ext', 'calls', 'open'], queryFn: () => ext.calls() });
  const open = (calls.data ?? []).filter((c) => c.status === 'open');
  const [callId, setCallId] = useState<string | null>(null);
  const [f, setF] = useState({
    title: '',
    supportKind: 'advanced_machinery',
    totalCostVnd: '',
    supportRequestedVnd: '',
    womenOwned: false,
    ethnicMinorityOwned: false,
    ruralArea: false,
  });
  const enterpriseId = me.user.enterpriseIds[0];
  const m = useMutation({
    mutationFn: () => {
      const typed = readNumbersOrThrow(lang, {
        totalCostVnd: { text: f.totalCostVnd, decimals: 0 },
        supportRequestedVnd: { text: f.supportRequestedVnd, decimals: 0 },
      });
      const total = BigInt(typed.totalCostVnd ?? '0');
      const req = BigInt(typed.supportRequestedVnd ?? '0');
      return ext.apply(enterpriseId!, {
        callId: callId!,
        title: f.title,
        description: null,
        supportKind: f.supportKind as (typeof SUPPORT_KINDS)[number],
        totalCostVnd: String(total),
        supportRequestedVnd: String(req),
        counterpartVnd: String(total - req),
        womenOwned: f.womenOwned,
        ethnicMinorityOwned: f.ethnicMinorityOwned,
        ruralArea: f.ruralArea,
      });
    },
    onSuccess: (d) => navigate({ to: '/extension/schemes/$id', params: { id: d.id } }),
  });
  const errs = fieldErrors(t, m.error);
  return (
    <>
      <PageHeader title={tx(lang, 'portal')} />
      <Stack>
        <Section title={tx(lang, 'openCalls')}>
          {open.length === 0 && <Text c="dimmed">{tx(lang, 'none')}</Text>}
          {open.map((c) => (
            <Text key={c.id}>
              <b>{c.title}</b> — {SOURCE[lang][c.fundingSource]}, {formatDate(c.opensOn, lang)} –{' '}
              {formatDate(c.closesOn, lang)}
            </Text>
          ))}
        </Section>
        {enterpriseId && open.length > 0 && (
          <Section title={tx(lang, 'apply')}>
            <Stack maw={640}>
              <Select
                label={tx(lang, 'openCalls')}
                data={open.map((c) => ({ value: c.id, label: c.title }))}
                value={callId}
                onChange={setCallId}
                required
              />
              <TextInput
                label={tx(lang, 'name')}
                value={f.title}
                onChange={(e) => setF({ ...f, title: e.currentTarget.value })}
                error={errs.title}
                required
              />
              <Select
                label={tx(lang, 'supportKind')}
                data={SUPPORT_KINDS.map((k) => ({ value: k, label: KIND[lang][k] ?? k }))}
                value={f.supportKind}
                onChange={(v) => setF({ ...f, supportKind: v ?? 'advanced_machinery' })}
              />
              <Group grow>
                <TextInput
                  label={tx(lang, 'total')}
                  value={f.totalCostVnd}
                  onChange={(e) => setF({ ...f, totalCostVnd: e.currentTarget.value })}
                  error={errs.totalCostVnd}
                />
                <TextInput
                  label={tx(lang, 'requested')}
                  value={f.supportRequestedVnd}
                  onChange={(e) => setF({ ...f, supportRequestedVnd: e.currentTarget.value })}
                  error={errs.supportRequestedVnd}
                />
              </Group>
              <Group>
                <Checkbox
                  label="Doanh nghiệp do phụ nữ làm chủ / women-owned"
                  checked={f.womenOwned}
                  onChange={(e) => setF({ ...f, womenOwned: e.currentTarget.checked })}
                />
                <Checkbox
                  label="Do người dân tộc thiểu số làm chủ / ethnic-minority-owned"
                  checked={f.ethnicMinorityOwned}
                  onChange={(e) => setF({ ...f, ethnicMinorityOwned: e.currentTarget.checked })}
                />
                <Checkbox
                  label="Địa bàn nông thôn / rural area"
                  checked={f.ruralArea}
                  onChange={(e) => setF({ ...f, ruralArea: e.currentTarget.checked })}
                />
              </Group>
              <Button
                w="fit-content"
                disabled={!callId || !f.title}
                loading={m.isPending}
                onClick={() => m.mutate()}
              >
                {tx(lang, 'apply')}
              </Button>
              <Text size="sm" c="dimmed">
                {tx(lang, 'created')}
              </Text>
              {m.error && <Alert color="red">{errorText(t, m.error)}</Alert>}
            </Stack>
          </Section>
        )}
        <SchemesPage />
      </Stack>
    </>
  );
}
