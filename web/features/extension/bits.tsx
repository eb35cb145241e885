import { Badge, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Lang } from '../../../contracts/messages';
import { STATUS } from './strings';

const COLORS: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  appraisal: 'indigo',
  needs_documents: 'orange',
  approved: 'teal',
  rejected: 'red',
  contracted: 'cyan',
  in_progress: 'yellow',
  accepted: 'green',
  settled: 'green',
  cancelled: 'gray',
};

export function SchemeStatus({ status, lang }: { status: string; lang: Lang }) {
  return (
    <Badge
      color={COLORS[status] ?? 'gray'}
      variant={status === 'settled' ? 'filled' : 'light'}
      tt="none"
      style={{ minWidth: 'max-content', overflow: 'visible' }}
    >
      {STATUS[lang][status] ?? status}
    </Badge>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper p={{ base: 'sm', sm: 'lg' }} component="section" aria-label={title}>
      <Title order={2} fz="lg" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Integer VND with thousands separators: 200.000.000 đ / VND 200,000,000. */
export function vnd(v: string | null | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '–';
  const s = BigInt(v).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return lang === 'vi' ? `${s} đ` : `VND ${s}`;
}
