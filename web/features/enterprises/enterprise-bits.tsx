import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Every demo record says so wherever it is shown (issue #2: "marked as demo data in the app"). */
export function DemoBadge({ size = 'sm' }: { size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('ent.demo_hint')} withArrow>
      <Badge
        color="ochre"
        variant="light"
        size={size}
        radius="sm"
        tabIndex={0}
        tt="none"
        style={{ flex: 'none' }}
      >
        {t('ent.demo')}
      </Badge>
    </Tooltip>
  );
}

export function StatusBadge({ status }: { status: 'active' | 'suspended' | 'ceased' }) {
  const { t } = useTranslation();
  const color = status === 'active' ? 'green' : status === 'suspended' ? 'yellow' : 'gray';
  return (
    <Badge color={color} variant="dot" size="md" radius="sm" tt="none" fw={500}>
      {t(`status.${status}`)}
    </Badge>
  );
}
