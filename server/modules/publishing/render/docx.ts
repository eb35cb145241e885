import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';
import { figureHref, type ReportDocument, type TextRun as Run } from '../../../../contracts/publishing';
import { FONT, PAGE_MM, PT, parts, recipientLines } from './layout';

const half = (pt: number) => pt * 2;
/** Millimetres to twips, rounded (A4 = 11906 × 16838). */
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;
const CELL_LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Body width: A4 less the left and right margins. */
const BODY_MM = PAGE_MM.width - PAGE_MM.left - PAGE_MM.right;

export interface DocxChart {
  svg: string;
  png: Buffer;
  width: number;
  height: number;
}

function runs(
  list: Run[],
  baseUrl: string,
  size: number = PT.body,
  extra: { bold?: boolean } = {},
): ParagraphChild[] {
  return list.map((r) => {
    const t = new TextRun({
      text: r.text,
      bold: r.bold ?? extra.bold,
      italics: r.italic,
      size: half(size),
      font: FONT,
      ...(r.ref ? { underline: { type: UnderlineType.DOTTED, color: '000000' } } : {}),
    });
    return r.ref ? new ExternalHyperlink({ link: figureHref(r.ref, baseUrl), children: [t] }) : t;
  });
}

const text = (s: string, o: { size: number; bold?: boolean; italics?: boolean; allCaps?: boolean }) =>
  new TextRun({
    text: s,
    font: FONT,
    size: half(o.size),
    bold: o.bold,
    italics: o.italics,
    allCaps: o.allCaps,
  });

const centered = (
  children: ParagraphChild[],
  extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {},
) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, children, ...extra });

/** A short rule under a centred line: a bottom border on an indented empty paragraph. */
const rule = (cellMm: number, lineMm: number) =>
  new Paragraph({
    spacing: { before: 0, after: 0, line: 120 },
    indent: { left: mm((cellMm - lineMm) / 2), right: mm((cellMm - lineMm) / 2) },
    border: { top: LINE },
    children: [],
  });

function cell(children: (Paragraph | Table)[], widthMm: number, opts: { borders?: boolean } = {}) {
  return new TableCell({
    width: { size: mm(widthMm), type: WidthType.DXA },
    children,
    verticalAlign: VerticalAlign.TOP,
    borders: opts.borders
      ? { top: CELL_LINE, bottom: CELL_LINE, left: CELL_LINE, right: CELL_LINE }
      : { top: NONE, bottom: NONE, left: NONE, right: NONE },
    margins: opts.borders
      ? { top: 40, bottom: 40, left: 80, right: 80 }
      : { top: 0, bottom: 0, left: 0, right: 0 },
  });
}

/** The Decree 30/2020 heading block: agency (left) and national motto (right), number and date line. */
function headerBlock(doc: ReportDocument): Table {
  const p = parts(doc);
  const m = doc.meta;
  const left = 62;
  const right = BODY_MM - left;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mm(BODY_MM), type: WidthType.DXA },
    columnWidths: [mm(left), mm(right)],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              centered([text(m.agencyParent, { size: PT.agency, allCaps: true })]),
              centered([text(m.agency, { size: PT.agency, bold: true, allCaps: true })]),
              rule(left, 22),
            ],
            left,
          ),
          cell(
            [
              centered([text(p.motto, { size: PT.motto, bold: true })]),
              centered([text(p.mottoSub, { size: PT.mottoSub, bold: true })]),
              rule(right, 68),
            ],
            right,
          ),
        ],
      }),
      new TableRow({
        children: [
          cell(
            [centered([text(p.numberLine, { size: PT.agency })], { spacing: { before: 120, after: 0 } })],
            left,
          ),
          cell(
            [
              centered([text(p.dateLine, { size: PT.body, italics: true })], {
                spacing: { before: 120, after: 0 },
              }),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

function signatureBlock(doc: ReportDocument): Table {
  const p = parts(doc);
  const m = doc.meta;
  const left = BODY_MM / 2;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mm(BODY_MM), type: WidthType.DXA },
    columnWidths: [mm(left), mm(BODY_MM - left)],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            [
              new Paragraph({
                children: [text(p.recipientsHead, { size: PT.recipientsHead, bold: true, italics: true })],
              }),
              ...recipientLines(m.recipients).map(
                (l) =>
                  new Paragraph({
                    spacing: { before: 0, after: 0 },
                    children: [text(l, { size: PT.recipients })],
                  }),
              ),
            ],
            left,
          ),
          cell(
            [
              centered([text(m.signerTitle, { size: PT.body, bold: true, allCaps: true })]),
              ...[1, 2, 3, 4].map(() => centered([text('', { size: PT.body })])),
              centered([text(m.signerName, { size: PT.body, bold: true })]),
            ],
            BODY_MM - left,
          ),
        ],
      }),
    ],
  });
}

function dataTable(b: Extract<ReportDocument['blocks'][number], { type: 'table' }>, baseUrl: string): Table {
  const n = b.header.length;
  const first = Math.min(60, BODY_MM / 2);
  const rest = (BODY_MM - first) / Math.max(1, n - 1);
  const widths = b.header.map((_, i) => (i === 0 ? first : rest));
  const align = (a?: string) =>
    a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mm(BODY_MM), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    rows: [
      new TableRow({
        tableHeader: true,
        children: b.header.map((h, i) =>
          cell([centered([text(h, { size: PT.table, bold: true })])], widths[i]!, { borders: true }),
        ),
      }),
      ...b.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((c, i) =>
              cell(
                [new Paragraph({ alignment: align(c.align), children: runs(c.runs, baseUrl, PT.table) })],
                widths[i]!,
                { borders: true },
              ),
            ),
          }),
      ),
    ],
  });
}

/**
 * The report as DOCX in the administrative format of Decree 30/2020/NĐ-CP: A4, margins 20/20/30/15 mm,
 * Times New Roman 14 pt, the heading block as a borderless table, page numbers centred in the top margin
 * from page 2, charts as SVG with a PNG fallback, numbers linked to their queries.
 */
export async function renderDocx(
  doc: ReportDocument,
  opts: { baseUrl: string; charts: Map<number, DocxChart> },
): Promise<Buffer> {
  const p = parts(doc);
  const m = doc.meta;
  const children: (Paragraph | Table)[] = [
    headerBlock(doc),
    centered([text(m.title, { size: PT.title, bold: true })], { spacing: { before: 360, after: 0 } }),
    centered([text(m.subject, { size: PT.title, bold: true })]),
    rule(BODY_MM, 40),
    new Paragraph({ children: [] }),
  ];
  let tables = 0;
  let charts = 0;
  doc.blocks.forEach((b, i) => {
    switch (b.type) {
      case 'heading':
        children.push(
          new Paragraph({
            spacing: { before: 120, after: 120 },
            indent: { firstLine: mm(12.7) },
            children: runs(b.runs, opts.baseUrl, PT.body, { bold: true }),
          }),
        );
        break;
      case 'paragraph':
        children.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            spacing: { before: 0, after: 120, line: 288 },
            indent: { firstLine: mm(12.7) },
            children: runs(b.runs, opts.baseUrl),
          }),
        );
        break;
      case 'table':
        tables++;
        children.push(
          centered([text(p.tableCaption(tables, b.caption), { size: PT.table, bold: true })], {
            spacing: { before: 200, after: 80 },
            keepNext: true,
          }),
          dataTable(b, opts.baseUrl),
        );
        break;
      case 'chart': {
        charts++;
        const c = opts.charts.get(i);
        if (c) {
          const widthPx = Math.round((BODY_MM / 25.4) * 96);
          const heightPx = Math.round((widthPx * c.height) / c.width);
          children.push(
            centered(
              [
                new ImageRun({
                  type: 'svg',
                  data: Buffer.from(c.svg, 'utf8'),
                  fallback: { type: 'png', data: c.png },
                  transformation: { width: widthPx, height: heightPx },
                  altText: { name: b.chart.title, title: b.chart.title, description: b.chart.title },
                }),
              ],
              { spacing: { before: 200, after: 40 }, keepNext: true },
            ),
          );
        }
        children.push(
          centered([text(p.chartCaption(charts, b.chart.title), { size: PT.table, italics: true })], {
            spacing: { before: 0, after: 160 },
          }),
        );
        break;
      }
    }
  });
  children.push(new Paragraph({ children: [] }), signatureBlock(doc));

  const document = new Document({
    creator: 'Bước Tiến',
    title: `${m.title} — ${m.subject}`,
    description: m.subject,
    styles: {
      default: {
        document: { run: { font: FONT, size: half(PT.body) }, paragraph: { spacing: { after: 0 } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(PAGE_MM.width), height: mm(PAGE_MM.height) },
            margin: {
              top: mm(PAGE_MM.top),
              bottom: mm(PAGE_MM.bottom),
              left: mm(PAGE_MM.left),
              right: mm(PAGE_MM.right),
              header: mm(10),
              footer: mm(10),
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              centered([new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(PT.body) })]),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
