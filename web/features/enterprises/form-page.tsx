import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createEnterpriseBody,
  ENTERPRISE_STATUSES,
  type EnterpriseDto,
  OWNERSHIPS,
  SIZE_CLASSES,
  updateEnterpriseBody,
} from '../../../contracts/enterprises';
import type { Issue } from '../../../contracts/errors';
import type { Lang } from '../../../contracts/messages';
import { useLang } from '../../app/i18n';
import { ApiError, api } from '../../lib/api';
import { errorText, fieldErrors } from '../../lib/errors';
import { issuesToFields, readNumberFields, validate } from '../../lib/validation';
import { notifySuccess } from '../../ui/notify';
import { PageHeader, usePageTitle } from '../../ui/page';
import { BackToList, EnterpriseNotFound } from './detail-page';
import { DemoBadge } from './enterprise-bits';
import { enterpriseQuery, keys, useAreaOptions } from './queries';

const TEXT_FIELDS = [
  'taxCode',
  'name',
  'nameEn',
  'shortName',
  'areaCode',
  'address',
  'vsic',
  'ownership',
  'sizeClass',
  'status',
  'foundedOn',
  'employees',
  'charterCapitalVnd',
  'representative',
  'phone',
  'email',
  'website',
  'notes',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Draft = Record<TextField, string> & { reportsMonthly: boolean };
interface ProductDraft {
  key: number;
  name: string;
  unit: string;
  capacityPerYear: string;
  productCode: string;
}

const emptyDraft: Draft = {
  ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextField, string>),
  ownership: 'non_state',
  status: 'active',
  reportsMonthly: true,
};

function toDraft(e: EnterpriseDto): Draft {
  const d = { ...emptyDraft };
  for (const f of TEXT_FIELDS) {
    const v = e[f];
    d[f] = v === null || v === undefined ? '' : String(v);
  }
  d.reportsMonthly = e.reportsMonthly;
  return d;
}

/**
 * Form strings → the contract's body shape: blanks are null; the counts and amounts typed are read in the
 * language's form by the one reader of typed numbers (refused there, never guessed).
 */
function toBody(d: Draft, lang: Lang): { body: Record<string, unknown>; issues: Issue[] } {
  const body: Record<string, unknown> = { reportsMonthly: d.reportsMonthly };
  for (const f of TEXT_FIELDS) body[f] = d[f].trim() === '' ? null : d[f].trim();
  const { values, issues } = readNumberFields(lang, {
    employees: { text: d.employees, decimals: 0 },
    charterCapitalVnd: { text: d.charterCapitalVnd, decimals: 0 },
  });
  body.charterCapitalVnd = values.charterCapitalVnd;
  body.employees = values.employees === null ? null : Number(values.employees);
  return { body, issues };
}

/** Server codes that belong to one field are shown on it, like the field issues. */
const CODE_FIELD: Record<string, TextField> = {
  'enterprise.tax_code_taken': 'taxCode',
  'area.unknown': 'areaCode',
  'area.out_of_scope': 'areaCode',
};

function EnterpriseForm(props: {
  initial: Draft;
  original?: EnterpriseDto;
  title: string;
  submitLabel: string;
  onSubmit: (body: Record<string, unknown>) => Promise<EnterpriseDto>;
  withProducts?: boolean;
  cancel: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const areaOptions = useAreaOptions();
  const [draft, setDraft] = useState<Draft>(props.initial);
  const [products, setProducts] = useState<ProductDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<{ text: string; stale: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = Boolean(props.original);

  const set = (f: TextField) => (v: string | null) => setDraft((d) => ({ ...d, [f]: v ?? '' }));
  const input = (f: TextField) => ({
    value: draft[f],
    onChange: (e: { currentTarget: { value: string } }) => set(f)(e.currentTarget.value),
    error: errors[f],
    name: f,
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const { body: full, issues } = toBody(draft, lang);
    const capacities = readNumberFields(
      lang,
      Object.fromEntries(products.map((p, i) => [`products.${i}`, { text: p.capacityPerYear, decimals: 6 }])),
    );
    issues.push(...capacities.issues);
    if (issues.length) {
      setErrors(issuesToFields(t, issues));
      setFormError({ text: t('common.fix_fields'), stale: false });
      focusFirstError();
      return;
    }
    let body: Record<string, unknown>;
    let v: ReturnType<typeof validate>;
    if (props.original) {
      const before = toBody(toDraft(props.original), lang).body;
      body = Object.fromEntries(Object.entries(full).filter(([k, val]) => before[k] !== val));
      if (Object.keys(body).length === 0) {
        await navigate({ to: '/enterprises/$id', params: { id: props.original.id } });
        return;
      }
      body.version = props.original.version;
      v = validate(t, updateEnterpriseBody, body);
    } else {
      body = {
        ...full,
        products: products.map((p, i) => ({
          name: p.name,
          unit: p.unit,
          capacityPerYear: capacities.values[`products.${i}`] ?? null,
          productCode: p.productCode.trim() || null,
        })),
      };
      v = validate(t, createEnterpriseBody, body);
    }
    if (!v.ok) {
      setErrors(v.errors);
      setFormError({ text: t('common.fix_fields'), stale: false });
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const dto = await props.onSubmit(v.data as Record<string, unknown>);
      queryClient.setQueryData(keys.one(dto.id), dto);
      void queryClient.invalidateQueries({ queryKey: keys.history(dto.id) });
      void queryClient.invalidateQueries({ queryKey: ['enterprises', 'list'] });
      notifySuccess(editing ? t('common.saved') : t('ent.created'));
      await navigate({ to: '/enterprises/$id', params: { id: dto.id } });
    } catch (err) {
      const fe = fieldErrors(t, err);
      if (err instanceof ApiError && CODE_FIELD[err.code]) fe[CODE_FIELD[err.code]!] = errorText(t, err);
      setErrors(fe);
      const stale = err instanceof ApiError && err.code === 'conflict.stale';
      setFormError({ text: Object.keys(fe).length ? t('common.fix_fields') : errorText(t, err), stale });
      setBusy(false);
      focusFirstError();
    }
  }

  async function reload() {
    if (!props.original) return;
    const fresh = await queryClient.fetchQuery({ ...enterpriseQuery(props.original.id), staleTime: 0 });
    setDraft(toDraft(fresh));
    setFormError(null);
  }

  const enumData = <T extends string>(list: readonly T[], prefix: string) =>
    list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

  return (
    <form onSubmit={submit} noValidate aria-label={props.title}>
      <Stack gap="md">
        {formError && (
          <Alert
            color={formError.stale ? 'yellow' : 'red'}
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
          >
            <Group justify="space-between" gap="sm">
              <Text size="sm">{formError.stale ? t('ent.stale') : formError.text}</Text>
              {formError.stale && (
                <Button size="xs" variant="white" onClick={reload}>
                  {t('ent.reload')}
                </Button>
              )}
            </Group>
          </Alert>
        )}
        <FormSection title={t('ent.section_identity')}>
          <TextInput
            label={t('ent.taxCode')}
            required
            inputMode="numeric"
            {...input('taxCode')}
            styles={{ input: { fontVariantNumeric: 'tabular-nums', letterSpacing: '0.04em' } }}
          />
          <TextInput label={t('ent.name')} required {...input('name')} />
          <TextInput label={t('ent.shortName')} {...input('shortName')} />
          <TextInput label={t('ent.nameEn')} {...input('nameEn')} />
          <TextInput label={t('ent.foundedOn')} type="date" {...input('foundedOn')} />
          <TextInput label={t('ent.representative')} {...input('representative')} />
          <TextInput label={t('ent.charterCapitalVnd')} inputMode="numeric" {...input('charterCapitalVnd')} />
        </FormSection>
        <FormSection title={t('ent.section_activity')}>
          <Select
            label={t('ent.areaCode')}
            required
            data={areaOptions}
            searchable
            value={draft.areaCode || null}
            onChange={set('areaCode')}
            error={errors.areaCode}
            name="areaCode"
          />
          <TextInput
            label={t('ent.vsic')}
            description={t('ent.vsic_hint')}
            required
            inputMode="numeric"
            maxLength={4}
            {...input('vsic')}
          />
          <Select
            label={t('ent.ownership')}
            required
            data={enumData(OWNERSHIPS, 'ownership')}
            value={draft.ownership || null}
            onChange={set('ownership')}
            error={errors.ownership}
            allowDeselect={false}
          />
          <Select
            label={t('ent.sizeClass')}
            data={enumData(SIZE_CLASSES, 'size')}
            value={draft.sizeClass || null}
            onChange={set('sizeClass')}
            error={errors.sizeClass}
            clearable
          />
          <Select
            label={t('ent.status')}
            data={enumData(ENTERPRISE_STATUSES, 'status')}
            value={draft.status || null}
            onChange={set('status')}
            error={errors.status}
            allowDeselect={false}
          />
          <TextInput label={t('ent.employees')} inputMode="numeric" {...input('employees')} />
          <Checkbox
            label={t('ent.reportsMonthly')}
            checked={draft.reportsMonthly}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setDraft((d) => ({ ...d, reportsMonthly: checked }));
            }}
            mt={{ base: 0, sm: 30 }}
          />
        </FormSection>
        <FormSection title={t('ent.section_contact')}>
          <TextInput label={t('ent.address')} {...input('address')} />
          <TextInput label={t('ent.phone')} type="tel" {...input('phone')} />
          <TextInput label={t('ent.email')} type="email" {...input('email')} />
          <TextInput label={t('ent.website')} {...input('website')} />
        </FormSection>
        <Paper p={{ base: 'sm', sm: 'lg' }}>
          <Textarea label={t('ent.notes')} autosize minRows={3} {...input('notes')} />
        </Paper>
        {props.withProducts && <ProductRows rows={products} onChange={setProducts} errors={errors} />}
        <Paper p="sm" style={{ position: 'sticky', bottom: 8, zIndex: 5 }} shadow="sm" component="div">
          <Group justify="flex-end" gap="sm">
            {props.cancel}
            <Button type="submit" loading={busy}>
              {props.submitLabel}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}

function focusFirstError() {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper p={{ base: 'sm', sm: 'lg' }} component="fieldset" style={{ margin: 0, minWidth: 0 }}>
      <Title order={2} fz="lg" mb="md" component="legend" style={{ float: 'left', width: '100%' }}>
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={{ clear: 'both' }}>
        {children}
      </SimpleGrid>
    </Paper>
  );
}

let nextKey = 1;
function ProductRows(props: {
  rows: ProductDraft[];
  onChange: (rows: ProductDraft[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<ProductDraft>) =>
    props.onChange(props.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Paper p={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          {t('ent.products')}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() =>
            props.onChange([
              ...props.rows,
              { key: nextKey++, name: '', unit: '', capacityPerYear: '', productCode: '' },
            ])
          }
        >
          {t('ent.product_add')}
        </Button>
      </Group>
      {props.errors.products && (
        <Text c="red" size="sm" mb="xs">
          {props.errors.products}
        </Text>
      )}
      {props.rows.length === 0 && <Text c="dimmed">{t('ent.products_empty')}</Text>}
      <Stack gap="sm">
        {props.rows.map((r, i) => (
          <Group key={r.key} align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('ent.product_name')}
              value={r.name}
              onChange={(e) => update(r.key, { name: e.currentTarget.value })}
              style={{ flex: '2 1 180px' }}
              required
            />
            <TextInput
              label={t('ent.product_unit')}
              value={r.unit}
              onChange={(e) => update(r.key, { unit: e.currentTarget.value })}
              style={{ flex: '1 1 90px' }}
              required
            />
            <TextInput
              label={t('ent.product_capacity')}
              inputMode="decimal"
              value={r.capacityPerYear}
              onChange={(e) => update(r.key, { capacityPerYear: e.currentTarget.value })}
              style={{ flex: '1 1 120px' }}
            />
            <TextInput
              label={t('ent.product_code')}
              value={r.productCode}
              onChange={(e) => update(r.key, { productCode: e.currentTarget.value })}
              style={{ flex: '1 1 100px' }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={2}
              aria-label={t('ent.product_remove', { name: r.name || `#${i + 1}` })}
              onClick={() => props.onChange(props.rows.filter((x) => x.key !== r.key))}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

export function EnterpriseCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('ent.create_title'));
  return (
    <>
      <PageHeader before={<BackToList />} title={t('ent.create_title')} />
      <EnterpriseForm
        initial={emptyDraft}
        title={t('ent.create_title')}
        submitLabel={t('common.create')}
        withProducts
        onSubmit={(body) => api.enterprises.create(body as Parameters<typeof api.enterprises.create>[0])}
        cancel={
          <Button variant="default" renderRoot={(p) => <Link to="/enterprises" {...p} />}>
            {t('common.cancel')}
          </Button>
        }
      />
    </>
  );
}

export function EnterpriseEditPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/_app/enterprises/$id/edit' });
  const q = useQuery(enterpriseQuery(id));
  const title = q.data ? t('ent.edit_title', { name: q.data.name }) : t('ent.edit');
  usePageTitle(title);
  if (q.isPending) return <Loader aria-label={t('app.loading')} />;
  if (q.isError) return <EnterpriseNotFound error={q.error} />;
  const e = q.data;
  return (
    <>
      <PageHeader
        before={<BackToList />}
        title={title}
        subtitle={
          <Group gap="xs">
            {e.isDemo && <DemoBadge />}
            <Text size="sm" c="dimmed">
              {t('ent.version')} {e.version}
            </Text>
          </Group>
        }
      />
      <EnterpriseForm
        key={`${e.id}:${e.version}`}
        initial={toDraft(e)}
        original={e}
        title={title}
        submitLabel={t('common.save')}
        onSubmit={(body) => api.enterprises.update(id, body as Parameters<typeof api.enterprises.update>[1])}
        cancel={
          <Button variant="default" renderRoot={(p) => <Link to="/enterprises/$id" params={{ id }} {...p} />}>
            {t('common.cancel')}
          </Button>
        }
      />
    </>
  );
}
