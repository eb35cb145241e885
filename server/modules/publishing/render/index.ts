import type { ReportDocument, ReportFormat } from '../../../../contracts/publishing';
import type { DocxChart } from './docx';
import { renderHtml } from './html';
import { PAGE_MM } from './layout';
import { renderMarkdown } from './markdown';

export { renderHtml } from './html';
export { renderMarkdown } from './markdown';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
};

// ECharts, Chromium and docx load on first use: the server starts without them.
const charts = () => import('./charts');
const chromium = () => import('./chromium');

async function chartSvgs(doc: ReportDocument): Promise<Map<number, string>> {
  const { renderChartSvg } = await charts();
  const out = new Map<number, string>();
  doc.blocks.forEach((b, i) => {
    if (b.type === 'chart') out.set(i, renderChartSvg(b.chart, doc.lang));
  });
  return out;
}

/** The report as a file: DOCX (charts as SVG + PNG fallback), PDF (Chromium prints the HTML) or Markdown. */
export async function renderReport(
  doc: ReportDocument,
  format: ReportFormat,
  baseUrl: string,
): Promise<Buffer> {
  if (format === 'md') return Buffer.from(renderMarkdown(doc, baseUrl), 'utf8');
  const svgs = await chartSvgs(doc);
  const { CHART_SIZE } = await charts();
  const { svgsToPng, withChromium } = await chromium();
  if (format === 'docx') {
    const { renderDocx } = await import('./docx');
    const entries = [...svgs.entries()];
    const pngs = entries.length
      ? await withChromium((ctx) =>
          svgsToPng(
            ctx,
            entries.map(([, svg]) => ({ svg, ...CHART_SIZE })),
          ),
        )
      : [];
    const charts = new Map<number, DocxChart>(
      entries.map(([i, svg], k) => [i, { svg, png: pngs[k]!, ...CHART_SIZE }]),
    );
    return renderDocx(doc, { baseUrl, charts });
  }
  const html = renderHtml(doc, { baseUrl, charts: svgs });
  return withChromium(async (ctx) => {
    const page = await ctx.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      // Decree 30: the page number centred in the top margin, from page 2 (@page margin boxes in the HTML).
      displayHeaderFooter: false,
      margin: {
        top: `${PAGE_MM.top}mm`,
        bottom: `${PAGE_MM.bottom}mm`,
        left: `${PAGE_MM.left}mm`,
        right: `${PAGE_MM.right}mm`,
      },
    });
    return Buffer.from(pdf);
  });
}
