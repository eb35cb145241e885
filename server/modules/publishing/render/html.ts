import { figureHref, type ReportDocument, type TextRun } from '../../../../contracts/publishing';
import { FONT, PAGE_MM, PT, parts, recipientLines } from './layout';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function runHtml(r: TextRun, baseUrl: string): string {
  let h = esc(r.text);
  if (r.bold) h = `<b>${h}</b>`;
  if (r.italic) h = `<i>${h}</i>`;
  if (r.ref) h = `<a class="fig" href="${esc(figureHref(r.ref, baseUrl))}">${h}</a>`;
  return h;
}

const runsHtml = (runs: TextRun[], baseUrl: string) => runs.map((r) => runHtml(r, baseUrl)).join('');

export interface HtmlOptions {
  baseUrl: string;
  /** SVG of each chart block, by block index. */
  charts: Map<number, string>;
}

/**
 * The report as one HTML page laid out like the DOCX (Decree 30/2020 format); Chromium prints it to PDF.
 * Self-contained: inline styles and SVG, no script, no external resource.
 */
export function renderHtml(doc: ReportDocument, opts: HtmlOptions): string {
  const p = parts(doc);
  const m = doc.meta;
  let tables = 0;
  let charts = 0;
  const body = doc.blocks
    .map((b, i) => {
      switch (b.type) {
        case 'heading':
          return `<h${b.level + 1} class="h">${runsHtml(b.runs, opts.baseUrl)}</h${b.level + 1}>`;
        case 'paragraph':
          return `<p class="body">${runsHtml(b.runs, opts.baseUrl)}</p>`;
        case 'table':
          tables++;
          return `<p class="caption">${esc(p.tableCaption(tables, b.caption))}</p><table class="data"><thead><tr>${b.header
            .map((h) => `<th>${esc(h)}</th>`)
            .join('')}</tr></thead><tbody>${b.rows
            .map(
              (row) =>
                `<tr>${row.map((c) => `<td class="${c.align ?? 'left'}">${runsHtml(c.runs, opts.baseUrl)}</td>`).join('')}</tr>`,
            )
            .join('')}</tbody></table>`;
        case 'chart':
          charts++;
          return `<figure class="chart">${opts.charts.get(i) ?? ''}<figcaption>${esc(p.chartCaption(charts, b.chart.title))}</figcaption></figure>`;
        default:
          return '';
      }
    })
    .join('\n');

  return `<!doctype html>
<html lang="${doc.lang}"><head><meta charset="utf-8"><title>${esc(m.title)} — ${esc(m.subject)}</title>
<style>
@page { size: A4; margin: ${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm;
  @top-center { content: counter(page); font-family: '${FONT}', 'Liberation Serif', serif; font-size: ${PT.body}pt; vertical-align: middle; } }
@page :first { @top-center { content: none; } }
html, body { margin: 0; padding: 0; }
body { font-family: '${FONT}', 'Liberation Serif', 'Tinos', serif; font-size: ${PT.body}pt; line-height: 1.3; color: #000; }
table.head { width: 100%; border-collapse: collapse; }
table.head td { vertical-align: top; text-align: center; padding: 0; }
table.head td.left { width: 38%; }
.agency-parent { font-size: ${PT.agency}pt; text-transform: uppercase; }
.agency { font-size: ${PT.agency}pt; font-weight: bold; text-transform: uppercase; }
.motto { font-size: ${PT.motto}pt; font-weight: bold; white-space: nowrap; }
.motto-sub { font-size: ${PT.mottoSub}pt; font-weight: bold; }
.rule { display: inline-block; border-bottom: 1px solid #000; line-height: 1.1; }
.rule-short { width: 35%; margin: 0 auto; border-top: 1px solid #000; height: 0; }
.number { font-size: ${PT.agency}pt; padding-top: 6pt !important; white-space: pre; }
.date { font-style: italic; font-size: ${PT.body}pt; padding-top: 6pt !important; }
.title { text-align: center; font-weight: bold; font-size: ${PT.title}pt; margin: 18pt 0 0; }
.subject { text-align: center; font-weight: bold; font-size: ${PT.title}pt; margin: 0 0 2pt; }
h2.h, h3.h, h4.h { font-size: ${PT.body}pt; font-weight: bold; margin: 12pt 0 6pt; text-indent: 1.27cm; }
p.body { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt; }
a.fig { color: inherit; text-decoration: underline dotted; }
p.caption { text-align: center; font-weight: bold; font-size: ${PT.table}pt; margin: 12pt 0 4pt; }
table.data { width: 100%; border-collapse: collapse; font-size: ${PT.table}pt; page-break-inside: avoid; }
table.data th, table.data td { border: 1px solid #000; padding: 2pt 4pt; }
table.data th { font-weight: bold; text-align: center; }
table.data th:first-child { width: 30%; }
table.data th:nth-child(2) { width: 15%; }
td.right { text-align: right; } td.center { text-align: center; }
figure.chart { margin: 12pt 0; text-align: center; page-break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-style: italic; font-size: ${PT.table}pt; }
table.sign { width: 100%; border-collapse: collapse; margin-top: 18pt; page-break-inside: avoid; }
table.sign td { vertical-align: top; padding: 0; }
.recipients-head { font-size: ${PT.recipientsHead}pt; font-weight: bold; font-style: italic; }
.recipients { font-size: ${PT.recipients}pt; }
.signer { text-align: center; font-weight: bold; }
.signer .name { margin-top: 64pt; }
</style></head>
<body>
<table class="head"><tr>
<td class="left"><div class="agency-parent">${esc(m.agencyParent)}</div><div class="agency">${esc(m.agency)}</div><div class="rule-short"></div></td>
<td><div class="motto">${esc(p.motto)}</div><div class="motto-sub"><span class="rule">${esc(p.mottoSub)}</span></div></td>
</tr><tr>
<td class="number">${esc(p.numberLine)}</td>
<td class="date">${esc(p.dateLine)}</td>
</tr></table>
<p class="title">${esc(m.title)}</p>
<p class="subject">${esc(m.subject)}</p>
<div class="rule-short" style="width:25%;margin-bottom:12pt"></div>
${body}
<table class="sign"><tr>
<td style="width:50%"><div class="recipients-head">${esc(p.recipientsHead)}</div><div class="recipients">${recipientLines(m.recipients).map(esc).join('<br>')}</div></td>
<td class="signer"><div>${esc(m.signerTitle)}</div><div class="name">${esc(m.signerName)}</div></td>
</tr></table>
</body></html>`;
}
