import ExcelJS from 'exceljs';
import type { IndicatorResult, Observation } from '../../../contracts/statistics';

/** statistics.md §6: one row per observation, SDMX-CSV 2.0 style. */
export const SDMX_HEADER = [
  'STRUCTURE',
  'STRUCTURE_ID',
  'ACTION',
  'FREQ',
  'REF_AREA',
  'INDICATOR',
  'ACTIVITY',
  'PRODUCT',
  'TIME_PERIOD',
  'OBS_VALUE',
  'UNIT_MEASURE',
  'OBS_STATUS',
] as const;
const OBS_COLUMNS = SDMX_HEADER.slice(3) as (keyof Observation)[];

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function toSdmxCsv(observations: Observation[]): string {
  const lines = [SDMX_HEADER.join(',')];
  for (const o of observations)
    lines.push(['dataflow', 'VN_IND:INDUSTRY(1.0)', 'I', ...OBS_COLUMNS.map((c) => csvCell(o[c]))].join(','));
  return `${lines.join('\n')}\n`;
}

export function toPlainCsv(observations: Observation[]): string {
  const lines = [OBS_COLUMNS.join(',')];
  for (const o of observations) lines.push(OBS_COLUMNS.map((c) => csvCell(o[c])).join(','));
  return `${lines.join('\n')}\n`;
}

export async function toXlsx(result: IndicatorResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('observations');
  ws.addRow([...OBS_COLUMNS]);
  for (const o of result.observations) ws.addRow(OBS_COLUMNS.map((c) => o[c]));
  const meta = wb.addWorksheet('meta');
  meta.addRow(['base_year', result.baseYear]);
  meta.addRow(['imputation', String(result.imputation)]);
  meta.addRow(['products_without_price', result.productsWithoutPrice.join(' ')]);
  meta.addRow(['products_without_base', result.productsWithoutBase.join(' ')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function render(
  result: IndicatorResult,
  format: 'sdmx-csv' | 'csv' | 'json' | 'xlsx',
): Promise<{ body: string | Buffer; contentType: string; ext: string }> {
  switch (format) {
    case 'sdmx-csv':
      return { body: toSdmxCsv(result.observations), contentType: 'text/csv; charset=utf-8', ext: 'csv' };
    case 'csv':
      return { body: toPlainCsv(result.observations), contentType: 'text/csv; charset=utf-8', ext: 'csv' };
    case 'json':
      return { body: JSON.stringify(result, null, 1), contentType: 'application/json', ext: 'json' };
    case 'xlsx':
      return {
        body: await toXlsx(result),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ext: 'xlsx',
      };
  }
}
