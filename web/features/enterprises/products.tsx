import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EnterpriseDto, enterpriseProductBody } from '../../../contracts/enterprises';
import { formatQuantity } from '../../../contracts/format';
import { numberText } from '../../../contracts/number-input';
import { useLang } from '../../app/i18n';
import { api } from '../../lib/api';
import { errorText, fieldErrors } from '../../lib/errors';
import { issuesToFields, readNumberFields, validate } from '../../lib/validation';
import { notifyError, notifySuccess } from '../../ui/notify';
import { keys } from './queries';

type Product = EnterpriseDto['products'][number];
interface Draft {
  name: string;
  unit: string;
  capacityPerYear: string;
  productCode: string;
}
const blank: Draft = { name: '', unit: '', capacityPerYear: '', productCode: '' };

/** Products with their yearly capacity; editors change them one at a time (each change is audited). */
export function ProductsPanel({ enterprise, editable }: { enterprise: EnterpriseDto; editable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Product | 'new' | null>(null);

  const applied = (dto: EnterpriseDto) => {
    queryClient.setQueryData(keys.one(dto.id), dto);
    void queryClient.invalidateQueries({ queryKey: keys.history(dto.id) });
    void queryClient.invalidateQueries({ queryKey: ['enterprises', 'list'] });
  };

  async function remove(p: Product) {
    try {
      applied(await api.enterprises.removeProduct(enterprise.id, p.id));
      notifySuccess(t('ent.product_removed'));
    } catch (e) {
      notifyError(errorText(t, e));
    }
  }

  return (
    <Paper p={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" mb="sm">
        <Text component="h2" fw={650} fz="lg" m={0}>
          {t('ent.products')}
        </Text>
        {editable && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t('ent.product_add')}
          </Button>
        )}
      </Group>
      {enterprise.products.length === 0 ? (
        <Text c="dimmed">{t('ent.products_empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480} type="native">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ent.product_name')}</Table.Th>
                <Table.Th>{t('ent.product_code')}</Table.Th>
                <Table.Th ta="right">{t('ent.product_capacity')}</Table.Th>
                {editable && (
                  <Table.Th w={90}>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {enterprise.products.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={500}>{p.name}</Table.Td>
                  <Table.Td ff="monospace" fz={13}>
                    {p.productCode ?? '–'}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {p.capacityPerYear ? formatQuantity(p.capacityPerYear, p.unit, lang) : `– (${p.unit})`}
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('ent.product_edit', { name: p.name })}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('ent.product_edit', { name: p.name })}
                            onClick={() => setEditing(p)}
                          >
                            <IconEdit size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('ent.product_remove', { name: p.name })}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('ent.product_remove', { name: p.name })}
                            onClick={() => remove(p)}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <ProductModal
          enterpriseId={enterprise.id}
          product={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(dto) => {
            applied(dto);
            setEditing(null);
            notifySuccess(t('common.saved'));
          }}
        />
      )}
    </Paper>
  );
}

function ProductModal(props: {
  enterpriseId: string;
  product: Product | null;
  onClose: () => void;
  onSaved: (dto: EnterpriseDto) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const p = props.product;
  const [draft, setDraft] = useState<Draft>(
    p
      ? {
          name: p.name,
          unit: p.unit,
          capacityPerYear:
            p.capacityPerYear === null ? '' : numberText(p.capacityPerYear, lang, { grouped: false }),
          productCode: p.productCode ?? '',
        }
      : blank,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Draft) => (e: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [k]: e.currentTarget.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const capacity = readNumberFields(lang, {
      capacityPerYear: { text: draft.capacityPerYear, decimals: 6 },
    });
    if (capacity.issues.length) return setErrors(issuesToFields(t, capacity.issues));
    const body = {
      name: draft.name,
      unit: draft.unit,
      capacityPerYear: capacity.values.capacityPerYear,
      productCode: draft.productCode.trim() || null,
    };
    const v = validate(t, enterpriseProductBody, body);
    if (!v.ok) return setErrors(v.errors);
    setBusy(true);
    try {
      const dto = p
        ? await api.enterprises.updateProduct(props.enterpriseId, p.id, v.data)
        : await api.enterprises.addProduct(props.enterpriseId, v.data);
      props.onSaved(dto);
    } catch (err) {
      const fe = fieldErrors(t, err);
      setErrors(fe);
      if (!Object.keys(fe).length) notifyError(errorText(t, err));
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={p ? t('ent.product_edit', { name: p.name }) : t('ent.product_add')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('ent.product_name')}
            required
            value={draft.name}
            onChange={set('name')}
            error={errors.name}
            data-autofocus
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('ent.product_unit')}
              required
              value={draft.unit}
              onChange={set('unit')}
              error={errors.unit}
            />
            <TextInput
              label={t('ent.product_code')}
              value={draft.productCode}
              onChange={set('productCode')}
              error={errors.productCode}
            />
          </Group>
          <TextInput
            label={t('ent.product_capacity')}
            description={t('ent.product_capacity_hint')}
            inputMode="decimal"
            value={draft.capacityPerYear}
            onChange={set('capacityPerYear')}
            error={errors.capacityPerYear}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
