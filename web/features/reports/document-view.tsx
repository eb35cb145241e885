import { Box, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chartOption } from '../../../contracts/charts';
import type { ReportBlock, ReportDocument, TextRun } from '../../../contracts/publishing';
import { useLang } from '../../app/i18n';
import type { OpenFigure } from '../dashboard/figure';

const EChart = lazy(() => import('../dashboard/echart'));

/** Plain text of a paragraph, for editing. */
export const runsText = (runs: TextRun[]) => runs.map((r) => r.text).join('');

/**
 * An edited paragraph back to runs: every number of the original that is still in the text, in order, keeps
 * its query (and so its link); the text around it becomes plain runs.
 */
export function rerun(original: TextRun[], text: string): TextRun[] {
  const out: TextRun[] = [];
  let pos = 0;
  const style = original.find((r) => !r.ref);
  const plain = (s: string) => {
    if (s)
      out.push({
        text: s,
        ...(style?.italic ? { italic: true } : {}),
        ...(style?.bold ? { bold: true } : {}),
      });
  };
  for (const r of original) {
    if (!r.ref) continue;
    const at = text.indexOf(r.text, pos);
    if (at < 0) continue;
    plain(text.slice(pos, at));
    out.push(r);
    pos = at + r.text.length;
  }
  plain(text.slice(pos));
  return out.length ? out : [{ text: '' }];
}

function Runs(props: { runs: TextRun[]; onFigure?: ((f: OpenFigure) => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {props.runs.map((r, i) => {
        const key = String(i);
        const style = { fontWeight: r.bold ? 700 : undefined, fontStyle: r.italic ? 'italic' : undefined };
        if (r.ref && props.onFigure) {
          const ref = r.ref;
          return (
            <button
              key={key}
              type="button"
              className="bt-figure-link"
              style={style}
              title={t('dash.open_figure', { name: r.text })}
              onClick={() => props.onFigure?.({ ref, label: r.text, value: r.text })}
            >
              {r.text}
            </button>
          );
        }
        return (
          <span key={key} style={style}>
            {r.text}
          </span>
        );
      })}
    </>
  );
}

function ChartBlock({ block }: { block: Extract<ReportBlock, { type: 'chart' }> }) {
  const lang = useLang();
  const option = useMemo(() => chartOption(block.chart, lang, { showTitle: false }), [block.chart, lang]);
  return (
    <Box my="sm">
      <Suspense fallback={<Box h={300} />}>
        <EChart
          option={option}
          height={block.chart.kind === 'products-growth' ? 280 : 300}
          label={block.chart.title}
        />
      </Suspense>
      <Text ta="center" size="sm" fs="italic">
        {block.chart.title}
      </Text>
    </Box>
  );
}

/**
 * The report as a document page (Decree 30/2020 look on screen): the header block, title, body blocks.
 * Numbers are links to their figure; paragraphs become text boxes when `editing`.
 */
export function DocumentView(props: {
  doc: ReportDocument;
  onFigure?: (f: OpenFigure) => void;
  editing?: boolean;
  drafts?: Record<number, string>;
  onDraft?: (index: number, text: string) => void;
}) {
  const { t } = useTranslation();
  const { doc } = props;
  const m = doc.meta;
  return (
    <Paper withBorder radius="sm" p={{ base: 'md', sm: 40 }} className="bt-document" lang={doc.lang}>
      <Box className="bt-doc-header">
        <Stack gap={0} align="center">
          <Text size="sm">{m.agencyParent}</Text>
          <Text size="sm" fw={700} td="underline">
            {m.agency}
          </Text>
          <Text size="sm" mt={6}>
            {m.number ? `Số: ${m.number}` : 'Số:      /BC-SCT'}
          </Text>
        </Stack>
        <Stack gap={0} align="center">
          <Text size="sm" fw={700}>
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
          </Text>
          <Text size="sm" fw={700} td="underline">
            Độc lập - Tự do - Hạnh phúc
          </Text>
          <Text size="sm" fs="italic" mt={6}>
            {m.place},{' '}
            {m.date
              ? `ngày ${m.date.slice(8, 10)} tháng ${m.date.slice(5, 7)} năm ${m.date.slice(0, 4)}`
              : 'ngày     tháng     năm'}
          </Text>
        </Stack>
      </Box>
      <Stack gap={2} align="center" my="lg">
        <Title order={2} fz={18}>
          {m.title}
        </Title>
        <Text fw={700} ta="center">
          {m.subject}
        </Text>
      </Stack>
      <Stack gap="sm" className="bt-doc-body">
        {doc.blocks.map((b, i) => {
          const key = String(i);
          switch (b.type) {
            case 'heading':
              return (
                <Title key={key} order={b.level === 1 ? 3 : 4} fz={b.level === 1 ? 16 : 15}>
                  <Runs runs={b.runs} />
                </Title>
              );
            case 'paragraph':
              return props.editing ? (
                <Textarea
                  key={key}
                  aria-label={t('rep.paragraph', { n: i + 1 })}
                  autosize
                  minRows={2}
                  value={props.drafts?.[i] ?? runsText(b.runs)}
                  onChange={(e) => props.onDraft?.(i, e.currentTarget.value)}
                />
              ) : (
                <Text key={key} className="bt-doc-para">
                  <Runs runs={b.runs} onFigure={props.onFigure} />
                </Text>
              );
            case 'table':
              return (
                <Box key={key}>
                  <Text fw={700} ta="center" size="sm" mb={4}>
                    {b.caption}
                  </Text>
                  <Table.ScrollContainer minWidth={520}>
                    <Table withTableBorder withColumnBorders fz="sm">
                      <Table.Thead>
                        <Table.Tr>
                          {b.header.map((h) => (
                            <Table.Th key={h} ta="center">
                              {h}
                            </Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {b.rows.map((row, r) => (
                          <Table.Tr key={String(r)}>
                            {row.map((c, j) => (
                              <Table.Td key={String(j)} ta={c.align ?? 'left'}>
                                <Runs runs={c.runs} onFigure={props.onFigure} />
                              </Table.Td>
                            ))}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Box>
              );
            case 'chart':
              return <ChartBlock key={key} block={b} />;
          }
          return null;
        })}
      </Stack>
    </Paper>
  );
}
