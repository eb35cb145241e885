/**
 * Exports of the extension lists (plans, calls, schemes, outcomes) as CSV, XLSX or JSON: one table per
 * list, with Vietnamese headers and stable column keys. Money as integer VND, flags spelled out.
 */
import ExcelJS from 'exceljs';
import type { SessionUser } from '../../../contracts/auth';
import { translate } from '../../../contracts/messages';
import type { Db } from '../../platform/db';
import { scopeOf } from '../accounts';
import * as repo from './extension.repository';
import * as service from './extension.service';

export interface ExportTable {
  name: string;
  columns: { key: string; header: string }[];
  rows: Record<string, string | number | null>[];
}

export const FLAG_TEXT = (f: { code: string; stage: string; params: Record<string, string | number> }) =>
  `[${f.stage}] ${translate('vi', `extension.flag.${f.code}`, f.params)}`;

const col = (key: string, header: string) => ({ key, header });

const SCHEME_COLUMNS = [
  col('code', 'Mã đề án'),
  col('year', 'Năm'),
  col('title', 'Tên đề án'),
  col('enterprise', 'Doanh nghiệp'),
  col('tax_code', 'Mã số thuế'),
  col('vsic', 'VSIC'),
  col('support_kind', 'Loại hỗ trợ'),
  col('activity_group', 'Nhóm hoạt động'),
  col('funding_source', 'Nguồn kinh phí'),
  col('status', 'Trạng thái'),
  col('application_date', 'Ngày nộp hồ sơ'),
  col('total_cost_vnd', 'Tổng kinh phí (đồng)'),
  col('support_requested_vnd', 'Đề nghị hỗ trợ (đồng)'),
  col('counterpart_vnd', 'Vốn đối ứng (đồng)'),
  col('approved_vnd', 'Được phê duyệt (đồng)'),
  col('cap_rule', 'Quy định áp dụng'),
  col('disbursed_vnd', 'Đã giải ngân (đồng)'),
  col('settled_vnd', 'Quyết toán (đồng)'),
  col('baseline_capacity', 'Công suất ban đầu'),
  col('result_capacity', 'Công suất sau hỗ trợ'),
  col('capacity_unit', 'Đơn vị công suất'),
  col('capacity_multiplier', 'Hệ số tăng công suất'),
  col('baseline_employees', 'Lao động ban đầu'),
  col('result_employees', 'Lao động sau hỗ trợ'),
  col('jobs_created', 'Việc làm tạo ra'),
  col('result_income_vnd', 'Thu nhập bình quân (đồng)'),
  col('result_income_period', 'Kỳ thu nhập'),
  col('result_income_as_reported', 'Thu nhập như báo cáo'),
  col('baseline_revenue_vnd', 'Doanh thu ban đầu (đồng)'),
  col('result_revenue_vnd', 'Doanh thu sau hỗ trợ (đồng)'),
  col('support_per_job_vnd', 'Hỗ trợ / việc làm (đồng)'),
  col('flags', 'Cảnh báo'),
];

async function schemeRows(db: Db, user: SessionUser | null, year: number | undefined) {
  const rows = await repo.listSchemes(db, year ? { year } : {}, await scopeOf(db, user));
  const outs = await service.outcomesOf(
    db,
    rows.map((r) => ({
      id: r.scheme.id,
      approvedAmountVnd: r.scheme.approvedAmountVnd,
      areaCode: r.enterpriseArea,
    })),
  );
  const taxCodes = await repo.enterpriseTaxCodes(
    db,
    rows.map((r) => r.scheme.leadEnterpriseId),
  );
  return rows.map((r) => {
    const s = r.scheme;
    const o = outs.get(s.id)!;
    const base = o.outcomes.find((x) => x.stage === 'baseline');
    const res =
      o.outcomes.find((x) => x.stage === 'one_year') ?? o.outcomes.find((x) => x.stage === 'acceptance');
    const n = (v: bigint | null | undefined) => (v === null || v === undefined ? null : v.toString());
    const q = (v: string | null | undefined) => (v ? v.replace(/\.?0+$/, '') : null);
    return {
      code: s.code,
      year: s.year,
      title: s.title,
      enterprise: r.enterpriseName,
      tax_code: taxCodes.get(s.leadEnterpriseId) ?? null,
      vsic: r.enterpriseVsic,
      support_kind: s.supportKind,
      activity_group: s.activityGroupCode,
      funding_source: s.fundingSource,
      status: s.status,
      application_date: s.applicationDate,
      total_cost_vnd: n(s.totalCostVnd),
      support_requested_vnd: n(s.supportRequestedVnd),
      counterpart_vnd: n(s.counterpartVnd),
      approved_vnd: n(s.approvedAmountVnd),
      cap_rule: s.capRuleId,
      disbursed_vnd: r.disbursedVnd,
      settled_vnd: n(s.settledAmountVnd),
      baseline_capacity: q(base?.capacity),
      result_capacity: q(res?.capacity),
      capacity_unit: res?.capacityUnit ?? base?.capacityUnit ?? null,
      capacity_multiplier: o.derived.capacityMultiplier,
      baseline_employees: base?.employees ?? null,
      result_employees: res?.employees ?? null,
      jobs_created: o.derived.jobsCreated,
      result_income_vnd: n(res?.avgIncomeVnd),
      result_income_period: res?.incomePeriod ?? null,
      result_income_as_reported: res?.incomeAsReported ?? null,
      baseline_revenue_vnd: n(base?.revenueVnd),
      result_revenue_vnd: n(res?.revenueVnd),
      support_per_job_vnd: n(o.derived.supportPerJobVnd),
      flags: o.flags.map(FLAG_TEXT).join('; ') || null,
    };
  });
}

export async function exportTable(
  db: Db,
  user: SessionUser | null,
  list: 'plans' | 'calls' | 'schemes' | 'outcomes',
  year: number | undefined,
): Promise<ExportTable> {
  if (list === 'schemes')
    return { name: 'de-an', columns: SCHEME_COLUMNS, rows: await schemeRows(db, user, year) };
  if (list === 'outcomes') {
    const rows = await schemeRows(db, user, year);
    const keys = [
      'code',
      'year',
      'enterprise',
      'status',
      'approved_vnd',
      'baseline_capacity',
      'result_capacity',
      'capacity_unit',
      'capacity_multiplier',
      'baseline_employees',
      'result_employees',
      'jobs_created',
      'result_income_vnd',
      'result_income_period',
      'result_income_as_reported',
      'support_per_job_vnd',
      'flags',
    ];
    return {
      name: 'ket-qua',
      columns: SCHEME_COLUMNS.filter((c) => keys.includes(c.key)),
      rows: rows
        .filter((r) => r.baseline_capacity !== null || r.result_capacity !== null || r.jobs_created !== null)
        .map((r) => Object.fromEntries(keys.map((k) => [k, r[k as keyof typeof r] ?? null]))),
    };
  }
  if (list === 'plans') {
    const plans = (await service.listPlans(db)).filter((p) => !year || p.year === year);
    return {
      name: 'ke-hoach',
      columns: [
        col('year', 'Năm'),
        col('title', 'Kế hoạch'),
        col('funding_source', 'Nguồn kinh phí'),
        col('activity_group', 'Nhóm hoạt động'),
        col('budget_vnd', 'Dự toán (đồng)'),
        col('committed_vnd', 'Đã cam kết (đồng)'),
        col('disbursed_vnd', 'Đã giải ngân (đồng)'),
        col('settled_vnd', 'Đã quyết toán (đồng)'),
        col('schemes', 'Số đề án'),
      ],
      rows: plans.flatMap((p) =>
        p.budgets.map((b) => ({
          year: p.year,
          title: p.title,
          funding_source: b.fundingSource,
          activity_group: b.activityGroupCode,
          budget_vnd: b.amountVnd,
          committed_vnd: b.committedVnd,
          disbursed_vnd: b.disbursedVnd,
          settled_vnd: b.settledVnd,
          schemes: b.schemes,
        })),
      ),
    };
  }
  const calls = await service.listCalls(db, user, { year });
  return {
    name: 'dot-xet-chon',
    columns: [
      col('year', 'Năm'),
      col('title', 'Đợt xét chọn'),
      col('funding_source', 'Nguồn kinh phí'),
      col('activity_group', 'Nhóm hoạt động'),
      col('opens_on', 'Mở từ'),
      col('closes_on', 'Đến'),
      col('status', 'Trạng thái'),
      col('applications', 'Số hồ sơ'),
    ],
    rows: calls.map((c) => ({
      year: c.year,
      title: c.title,
      funding_source: c.fundingSource,
      activity_group: c.activityGroupCode,
      opens_on: c.opensOn,
      closes_on: c.closesOn,
      status: c.status,
      applications: c.applications,
    })),
  };
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV with a UTF-8 BOM (so Excel opens Vietnamese text right), a header row of column keys. */
export function toCsv(t: ExportTable): Buffer {
  const lines = [t.columns.map((c) => c.key).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => csvCell(r[c.key] ?? null)).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const NUMERIC = /(_vnd|_capacity|_employees)$/;

/** XLSX: a header row of Vietnamese labels; money and counts as numbers. */
export async function toXlsx(t: ExportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bước Tiến';
  const ws = wb.addWorksheet(t.name);
  ws.columns = t.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length + 2),
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) {
    const row: Record<string, string | number | null> = {};
    for (const c of t.columns) {
      const v = r[c.key] ?? null;
      row[c.key] =
        typeof v === 'string' && NUMERIC.test(c.key) && /^-?\d{1,15}(\.\d+)?$/.test(v) ? Number(v) : v;
    }
    ws.addRow(row);
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function toJson(t: ExportTable): Buffer {
  return Buffer.from(`${JSON.stringify(t.rows, null, 2)}\n`, 'utf8');
}

export async function render(t: ExportTable, format: 'csv' | 'xlsx' | 'json') {
  if (format === 'csv') return { data: toCsv(t), mime: 'text/csv; charset=utf-8', ext: 'csv' };
  if (format === 'json') return { data: toJson(t), mime: 'application/json; charset=utf-8', ext: 'json' };
  return {
    data: await toXlsx(t),
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
  };
}
