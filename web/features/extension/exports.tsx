import { Button, Group } from '@mantine/core';
import type { Lang } from '../../../contracts/messages';
import { useLang } from '../../app/i18n';
import { exportUrl } from './api';

type List = 'plans' | 'calls' | 'schemes' | 'outcomes';

const NAMES: Record<Lang, Record<List, string>> = {
  vi: { plans: 'kế hoạch', calls: 'đợt xét chọn', schemes: 'đề án', outcomes: 'kết quả' },
  en: { plans: 'plans', calls: 'calls', schemes: 'schemes', outcomes: 'outcomes' },
};

/** One XLSX and one CSV download per list, each a real link (keyboard, screen readers, "save link as"). */
export function ExportButtons({ lists, year }: { lists: List[]; year?: number }) {
  const lang = useLang();
  return (
    <Group gap={6} wrap="wrap" role="group" aria-label={lang === 'vi' ? 'Xuất dữ liệu' : 'Export data'}>
      {lists.flatMap((l) =>
        (['xlsx', 'csv'] as const).map((f) => (
          <Button
            key={`${l}-${f}`}
            component="a"
            href={exportUrl(l, f, year)}
            download
            variant={f === 'xlsx' ? 'light' : 'subtle'}
            size="xs"
          >
            {lang === 'vi' ? 'Xuất' : 'Export'} {NAMES[lang][l]} ({f.toUpperCase()})
          </Button>
        )),
      )}
    </Group>
  );
}
