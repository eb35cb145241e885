/**
 * Lạng Sơn industrial-extension demo for 2014 (seed article langson-industry-2014.txt): "6 đề án được thực
 * hiện thành công, hỗ trợ lắp đặt máy móc thiết bị cho 6 doanh nghiệp sản xuất", among them the national
 * scheme for H&T (chiếu tăm): capacity 50.000 → 320.000 m²/năm, 100 jobs, average income "4 triệu đồng/năm"
 * as reported — entered as reported and flagged, never corrected.
 *
 * What the article gives: the count (6), the H&T figures, national and local funding. Everything else here
 * (amounts, dates, the other five enterprises' figures) is invented for the demo and marked is_demo.
 * Every scheme goes through the real services and state machine (documents, caps, audit, timeline).
 */
import type { SessionUser } from '../contracts/auth';
import type { SupportKind } from '../contracts/extension';
import type { Role } from '../contracts/roles';
import { findUserIdByEmail } from '../server/modules/accounts';
import { getEnterpriseRow } from '../server/modules/enterprises';
import {
  addDisbursement,
  addMilestone,
  createCall,
  createPlan,
  createScheme,
  documentLimits,
  getScoreSheet,
  putOutcome,
  putScores,
  seedExtensionPolicy,
  transition,
  uploadDocument,
} from '../server/modules/extension';
import type { Actor } from '../server/platform/audit';
import { loadConfig } from '../server/platform/config';
import type { Database } from '../server/platform/db';

const M = 1_000_000n;

export interface DemoScheme {
  enterpriseKey: string;
  title: string;
  supportKind: SupportKind;
  fundingSource: 'national' | 'local';
  totalCostVnd: bigint;
  approvedVnd: bigint;
  /** Submission date = application date: the caps in force on it apply (JC 26/2014 from 2014-04-08). */
  submittedOn: string;
  approvedOn: string;
  acceptedOn: string;
  settledOn: string | null;
  baseline: {
    capacity: string;
    unit: string;
    employees: number | null;
    incomeVnd: bigint | null;
    revenueVnd: bigint | null;
  };
  result: {
    capacity: string;
    employees: number | null;
    jobs: number;
    incomeVnd: bigint;
    incomePeriod: 'month' | 'year';
    incomeAsReported: string | null;
    revenueVnd: bigint | null;
  };
  ruralArea?: boolean;
  womenOwned?: boolean;
  ethnicMinorityOwned?: boolean;
}

/** The six schemes of 2014. Employees after support are filled from the registry when null. */
export const DEMO_SCHEMES: DemoScheme[] = [
  {
    enterpriseKey: 'h-and-t',
    title: 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến vào sản xuất chiếu tăm',
    supportKind: 'advanced_machinery',
    fundingSource: 'national',
    totalCostVnd: 1050n * M,
    approvedVnd: 200n * M,
    submittedOn: '2014-04-15',
    approvedOn: '2014-05-20',
    acceptedOn: '2014-11-25',
    settledOn: '2014-12-20',
    baseline: { capacity: '50000', unit: 'm2/năm', employees: 20, incomeVnd: null, revenueVnd: null },
    result: {
      capacity: '320000',
      employees: 120,
      jobs: 100,
      incomeVnd: 4_000_000n,
      incomePeriod: 'year',
      incomeAsReported: '4 triệu đồng/năm',
      revenueVnd: null,
    },
    ruralArea: true,
  },
  {
    enterpriseKey: '1621-Lộc Bình',
    title: 'Mô hình trình diễn kỹ thuật sản xuất ván ghép thanh từ gỗ rừng trồng',
    supportKind: 'demonstration_model',
    fundingSource: 'national',
    totalCostVnd: 1500n * M,
    approvedVnd: 450n * M,
    submittedOn: '2014-04-18',
    approvedOn: '2014-05-28',
    acceptedOn: '2014-11-28',
    settledOn: '2014-12-22',
    baseline: {
      capacity: '6000',
      unit: 'm3/năm',
      employees: null,
      incomeVnd: 2_800_000n,
      revenueVnd: 9_000n * M,
    },
    result: {
      capacity: '9600',
      employees: null,
      jobs: 18,
      incomeVnd: 3_400_000n,
      incomePeriod: 'month',
      incomeAsReported: null,
      revenueVnd: 14_500n * M,
    },
    ruralArea: true,
  },
  {
    enterpriseKey: '2029-Văn Quan',
    title: 'Hỗ trợ thiết bị chưng cất tinh dầu hồi bằng nồi hơi',
    supportKind: 'advanced_machinery',
    fundingSource: 'local',
    totalCostVnd: 400n * M,
    approvedVnd: 150n * M,
    submittedOn: '2014-05-05',
    approvedOn: '2014-06-16',
    acceptedOn: '2014-11-20',
    settledOn: '2014-12-18',
    baseline: {
      capacity: '18',
      unit: 'tấn/năm',
      employees: null,
      incomeVnd: 2_500_000n,
      revenueVnd: 3_200n * M,
    },
    result: {
      capacity: '30',
      employees: null,
      jobs: 8,
      incomeVnd: 3_000_000n,
      incomePeriod: 'month',
      incomeAsReported: null,
      revenueVnd: 5_100n * M,
    },
    ruralArea: true,
    ethnicMinorityOwned: true,
  },
  {
    enterpriseKey: '1030-Na Sầm',
    title: 'Hỗ trợ dây chuyền sấy và đóng gói rau quả chế biến',
    supportKind: 'advanced_machinery',
    fundingSource: 'local',
    totalCostVnd: 300n * M,
    approvedVnd: 120n * M,
    submittedOn: '2014-05-08',
    approvedOn: '2014-06-16',
    acceptedOn: '2014-11-27',
    settledOn: '2014-12-19',
    baseline: {
      capacity: '3500',
      unit: 'tấn/năm',
      employees: null,
      incomeVnd: 2_600_000n,
      revenueVnd: 6_000n * M,
    },
    result: {
      capacity: '5000',
      employees: null,
      jobs: 12,
      incomeVnd: 3_100_000n,
      incomePeriod: 'month',
      incomeAsReported: null,
      revenueVnd: 8_300n * M,
    },
    womenOwned: true,
  },
  {
    enterpriseKey: '2592-Lạng Sơn',
    title: 'Hỗ trợ máy cắt CNC cho gia công cơ khí',
    supportKind: 'advanced_machinery',
    fundingSource: 'local',
    totalCostVnd: 500n * M,
    approvedVnd: 200n * M,
    submittedOn: '2014-05-12',
    approvedOn: '2014-06-16',
    acceptedOn: '2014-12-05',
    settledOn: null,
    baseline: {
      capacity: '1000',
      unit: 'tấn/năm',
      employees: null,
      incomeVnd: 3_000_000n,
      revenueVnd: 12_000n * M,
    },
    result: {
      capacity: '1500',
      employees: null,
      jobs: 10,
      incomeVnd: 3_600_000n,
      incomePeriod: 'month',
      incomeAsReported: null,
      revenueVnd: 16_800n * M,
    },
  },
  {
    enterpriseKey: '1410-Xứ Lạng',
    title: 'Hỗ trợ máy may công nghiệp và máy cắt vải tự động',
    supportKind: 'advanced_machinery',
    fundingSource: 'local',
    totalCostVnd: 360n * M,
    approvedVnd: 150n * M,
    submittedOn: '2014-05-15',
    approvedOn: '2014-06-16',
    acceptedOn: '2014-11-30',
    settledOn: '2014-12-23',
    baseline: {
      capacity: '450',
      unit: 'nghìn sản phẩm/năm',
      employees: null,
      incomeVnd: 2_700_000n,
      revenueVnd: 7_500n * M,
    },
    result: {
      capacity: '600',
      employees: null,
      jobs: 25,
      incomeVnd: 3_300_000n,
      incomePeriod: 'month',
      incomeAsReported: null,
      revenueVnd: 10_200n * M,
    },
    womenOwned: true,
  },
];

export const DEMO_PLAN_2014 = {
  year: 2014,
  title: 'Kế hoạch khuyến công năm 2014 tỉnh Lạng Sơn',
  budgets: [
    { fundingSource: 'national' as const, activityGroupCode: 'demonstration', amountVnd: String(700n * M) },
    { fundingSource: 'local' as const, activityGroupCode: 'demonstration', amountVnd: String(700n * M) },
    { fundingSource: 'local' as const, activityGroupCode: 'training', amountVnd: String(150n * M) },
  ],
};

const doc = (kind: string, title: string) => ({
  filename: `${kind}.txt`,
  data: Buffer.from(`DỮ LIỆU MINH HỌA (demo) — ${kind}\n${title}\n`, 'utf8'),
  mimeType: 'text/plain; charset=utf-8',
});

function sessionUser(id: string, email: string, role: Role): SessionUser {
  return { id, email, name: email, role, areaCode: null, enterpriseIds: [], lang: 'vi' };
}

/** Load the 2014 plan, calls and six completed schemes. `ids` maps demo enterprise keys to their ids. */
export async function loadExtensionDemo(
  database: Database,
  ids: Map<string, string>,
  log: (line: string) => void = () => {},
): Promise<void> {
  const db = database.db;
  const limits = documentLimits(loadConfig({}));
  await seedExtensionPolicy(db);
  const officerId = await findUserIdByEmail(db, 'khuyencong@demo.buoctien.vn');
  const leaderId = await findUserIdByEmail(db, 'lanhdao@demo.buoctien.vn');
  const officer = sessionUser(officerId, 'khuyencong@demo.buoctien.vn', 'extension_officer');
  const leader = sessionUser(leaderId, 'lanhdao@demo.buoctien.vn', 'leader');
  const asOfficer: Actor = { userId: officerId, via: 'system' };
  const asLeader: Actor = { userId: leaderId, via: 'system' };

  await createPlan(db, asOfficer, { ...DEMO_PLAN_2014, status: 'approved', isDemo: true });
  const localCall = await createCall(db, asOfficer, {
    year: 2014,
    title: 'Xét chọn đề án khuyến công địa phương năm 2014',
    description:
      'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến cho cơ sở công nghiệp nông thôn (dữ liệu minh họa).',
    fundingSource: 'local',
    activityGroupCode: 'demonstration',
    opensOn: '2014-04-10',
    closesOn: '2014-05-31',
    status: 'closed',
    isDemo: true,
  });
  await createCall(db, asOfficer, {
    year: 2015,
    title: 'Xét chọn đề án khuyến công địa phương năm 2015',
    description: 'Đợt đang mở để doanh nghiệp nộp hồ sơ trên cổng (dữ liệu minh họa).',
    fundingSource: 'local',
    activityGroupCode: 'demonstration',
    opensOn: '2015-01-05',
    closesOn: '2015-03-31',
    status: 'open',
    isDemo: true,
  });

  for (const s of DEMO_SCHEMES) {
    const enterpriseId = ids.get(s.enterpriseKey);
    if (!enterpriseId) throw new Error(`demo extension: no demo enterprise ${s.enterpriseKey}`);
    const registry = await getEnterpriseRow(db, enterpriseId);
    const employeesNow = s.result.employees ?? registry?.employees ?? s.result.jobs;
    const baselineEmployees = s.baseline.employees ?? Math.max(0, employeesNow - s.result.jobs);
    const requested = s.approvedVnd;
    const created = await createScheme(db, asOfficer, null, {
      year: 2014,
      callId: s.fundingSource === 'local' ? localCall.id : null,
      planId: null,
      title: s.title,
      description:
        'Dữ liệu minh họa (demo); chỉ số lượng đề án và số liệu của Công ty H&T lấy từ bài báo năm 2014.',
      supportKind: s.supportKind,
      activityGroupCode: 'demonstration',
      fundingSource: s.fundingSource,
      leadEnterpriseId: enterpriseId,
      memberEnterpriseIds: [],
      totalCostVnd: String(s.totalCostVnd),
      supportRequestedVnd: String(requested),
      counterpartVnd: String(s.totalCostVnd - requested),
      ruralArea: s.ruralArea ?? false,
      womenOwned: s.womenOwned ?? false,
      ethnicMinorityOwned: s.ethnicMinorityOwned ?? false,
      isDemo: true,
    });
    const id = created.id;
    const step = (
      action: Parameters<typeof transition>[4]['action'],
      onDate: string,
      who: 'officer' | 'leader',
      extra = {},
    ) =>
      transition(db, who === 'officer' ? asOfficer : asLeader, who === 'officer' ? officer : leader, id, {
        action,
        onDate,
        note: null,
        ...extra,
      });
    const upload = (kind: Parameters<typeof uploadDocument>[5]) =>
      uploadDocument(db, limits, asOfficer, null, id, kind, doc(kind, s.title));

    await putOutcome(db, asOfficer, null, id, 'baseline', {
      measuredOn: s.submittedOn,
      capacity: s.baseline.capacity,
      capacityUnit: s.baseline.unit,
      employees: baselineEmployees,
      avgIncomeVnd: s.baseline.incomeVnd === null ? null : String(s.baseline.incomeVnd),
      incomePeriod: s.baseline.incomeVnd === null ? null : 'month',
      revenueVnd: s.baseline.revenueVnd === null ? null : String(s.baseline.revenueVnd),
    });
    await upload('application');
    await upload('business_registration');
    await step('submit', s.submittedOn, 'officer');
    await step('start_appraisal', s.submittedOn, 'officer');
    if (s.fundingSource === 'local') {
      // The council: the centre's officer and the department's leader score every criterion.
      const sheetScores = (base: number) =>
        [0, 1, 2, 3, 4, 5].map((i) => (base + ((i * 7 + s.title.length) % 3)).toString());
      for (const [member, base] of [
        [officer, 6],
        [leader, 7],
      ] as const) {
        const criteria = (await getScoreSheet(db, member, id)).rubric.criteria.map((c) => c.id);
        const scores = sheetScores(base);
        await putScores(db, member.id === officerId ? asOfficer : asLeader, member, id, {
          scores: criteria.map((criterionId, i) => ({ criterionId, score: scores[i] ?? '7', comment: null })),
        });
      }
    }
    await upload('approval_decision');
    await step('approve', s.approvedOn, 'leader', { amountVnd: String(s.approvedVnd) });
    await upload('contract');
    await step('sign_contract', s.approvedOn, 'officer');
    await step('start_implementation', s.approvedOn, 'officer');
    await addMilestone(db, asOfficer, officer, id, {
      title: 'Lắp đặt, chạy thử máy móc thiết bị',
      dueOn: s.acceptedOn,
      doneOn: s.acceptedOn,
    });
    const advance = s.approvedVnd / 2n;
    await addDisbursement(db, asOfficer, null, id, {
      amountVnd: String(advance),
      paidOn: s.approvedOn,
      note: 'Tạm ứng',
    });
    await addDisbursement(db, asOfficer, null, id, {
      amountVnd: String(s.approvedVnd - advance),
      paidOn: s.acceptedOn,
      note: 'Thanh toán sau nghiệm thu',
    });
    await upload('acceptance_minutes');
    await step('accept', s.acceptedOn, 'officer');
    await putOutcome(db, asOfficer, null, id, 'acceptance', {
      measuredOn: s.acceptedOn,
      capacity: s.result.capacity,
      capacityUnit: s.baseline.unit,
      employees: employeesNow,
      jobsCreated: s.result.jobs,
      avgIncomeVnd: String(s.result.incomeVnd),
      incomePeriod: s.result.incomePeriod,
      incomeAsReported: s.result.incomeAsReported,
      revenueVnd: s.result.revenueVnd === null ? null : String(s.result.revenueVnd),
    });
    if (s.settledOn) {
      await upload('settlement_report');
      await step('settle', s.settledOn, 'officer', { amountVnd: String(s.approvedVnd) });
    }
  }
  log(`  khuyến công / extension: kế hoạch 2014, ${DEMO_SCHEMES.length} đề án hoàn thành`);
}
