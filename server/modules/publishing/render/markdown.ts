import { figureHref, type ReportDocument, type TextRun } from '../../../../contracts/publishing';
import { parts, recipientLines } from './layout';

const mdEscape = (s: string) => s.replace(/([\\`*_[\]|])/g, '\\$1');

function runMd(r: TextRun, baseUrl: string): string {
  let t = mdEscape(r.text);
  if (r.bold) t = `**${t}**`;
  if (r.italic) t = `*${t}*`;
  return r.ref ? `[${t}](${figureHref(r.ref, baseUrl)})` : t;
}

const runsMd = (runs: TextRun[], baseUrl: string) => runs.map((r) => runMd(r, baseUrl)).join('');

/** The report in Markdown: the same text, numbers as links, tables as GFM tables, charts by their data. */
export function renderMarkdown(doc: ReportDocument, baseUrl: string): string {
  const p = parts(doc);
  const m = doc.meta;
  const out: string[] = [
    `**${m.agencyParent}**  `,
    `**${m.agency}**  `,
    `${p.numberLine}`,
    '',
    `**${p.motto}**  `,
    `**${p.mottoSub}**  `,
    `*${p.dateLine}*`,
    '',
    `# ${m.title}`,
    '',
    `**${m.subject}**`,
    '',
  ];
  let tables = 0;
  let charts = 0;
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'heading':
        out.push(`${'#'.repeat(b.level + 1)} ${runsMd(b.runs, baseUrl)}`, '');
        break;
      case 'paragraph':
        out.push(runsMd(b.runs, baseUrl), '');
        break;
      case 'table':
        tables++;
        out.push(`**${mdEscape(p.tableCaption(tables, b.caption))}**`, '');
        out.push(`| ${b.header.map(mdEscape).join(' | ')} |`);
        out.push(`| ${b.header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
        for (const row of b.rows) out.push(`| ${row.map((c) => runsMd(c.runs, baseUrl)).join(' | ')} |`);
        out.push('');
        break;
      case 'chart': {
        charts++;
        const c = b.chart;
        out.push(`*${mdEscape(p.chartCaption(charts, c.title))}* (${mdEscape(c.unit)})`, '');
        out.push(`| | ${c.series.map((s) => mdEscape(s.name)).join(' | ')} |`);
        out.push(`| --- | ${c.series.map(() => '---:').join(' | ')} |`);
        c.categories.forEach((cat, i) => {
          const cells = c.series.map((s) => (s.data[i] === null ? '–' : String(s.data[i])));
          out.push(`| ${mdEscape(cat)} | ${cells.join(' | ')} |`);
        });
        out.push('');
        break;
      }
    }
  }
  out.push(`***${p.recipientsHead}***`, '', ...recipientLines(m.recipients), '');
  out.push(`**${m.signerTitle}**`, '', `**${m.signerName}**`, '');
  return out.join('\n');
}
