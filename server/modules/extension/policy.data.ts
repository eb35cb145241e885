/**
 * The policy data shipped with Bước Tiến, written to the database by extension.seed.ts (idempotent).
 * The rules live in the database; the logic reads them from there, never from this file.
 *
 * Sources:
 * - Decree 45/2012/NĐ-CP art. 4 (activity groups) and Joint Circular 26/2014/TTLT-BTC-BCT art. 6 (caps):
 *   checked against the official codification (../shared/reference/phap-dien-khuyen-cong.md, Điều 7.5.NĐ.4
 *   and Điều 7.5.TL.2.6); JC 26/2014 took effect on 2014-04-08.
 * - Circular 28/2018/TT-BTC: NOT in the reference files. Its figures come from docs/domain.md; the effective
 *   date (2018-05-15) and the article are from memory and marked verified = false.
 * - Decree 235/2025/NĐ-CP additions (in force 2025-10-15): wording from domain.md, verified = false.
 * - Decree 182/2013/NĐ-CP regional minimum wages for 2014: figures from domain.md, which match the decree as
 *   we know it, but the text is not in the reference files: verified = false. No other year is seeded
 *   (none could be checked here); the lookup uses the latest row in force, and says which one.
 * - Wage regions of Lạng Sơn (Decree 182/2013 annex): Lạng Sơn city region III, the other districts region IV.
 *   verified = false (the annex is not in the reference files).
 */

import type { SupportKind } from '../../../contracts/extension';

export interface ActivityGroupSeed {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  position: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  sourceDocument: string;
  sourceArticle: string;
  verified: boolean;
  note?: string;
}

const ND45 = 'Nghị định 45/2012/NĐ-CP';
const ND45_FROM = '2012-07-05';

export const ACTIVITY_GROUPS: ActivityGroupSeed[] = [
  ['training', 'Đào tạo nghề, truyền nghề', 'Vocational training and craft transfer', 'Điều 4 khoản 1'],
  [
    'management',
    'Nâng cao năng lực quản lý, sản xuất sạch hơn; khởi sự doanh nghiệp; mở rộng thị trường',
    'Management capacity, cleaner production awareness, start-ups, market expansion',
    'Điều 4 khoản 2',
  ],
  [
    'demonstration',
    'Mô hình trình diễn kỹ thuật; chuyển giao công nghệ, ứng dụng máy móc tiên tiến',
    'Technical demonstration models, technology transfer, advanced machinery',
    'Điều 4 khoản 3',
  ],
  [
    'products_fairs',
    'Sản phẩm CNNT tiêu biểu; hội chợ, triển lãm; thương hiệu',
    'Typical rural-industry products, fairs and exhibitions, brands',
    'Điều 4 khoản 4',
  ],
  [
    'consulting',
    'Tư vấn, trợ giúp cơ sở CNNT',
    'Consulting for rural industrial establishments',
    'Điều 4 khoản 5',
  ],
  ['information', 'Cung cấp thông tin, tuyên truyền', 'Information and communication', 'Điều 4 khoản 6'],
  [
    'linkage_clusters',
    'Liên doanh liên kết, cụm công nghiệp, di dời cơ sở gây ô nhiễm',
    'Linkages, industrial clusters, relocation of polluting establishments',
    'Điều 4 khoản 7',
  ],
  ['international', 'Hợp tác quốc tế về khuyến công', 'International cooperation', 'Điều 4 khoản 8'],
  [
    'extension_capacity',
    'Nâng cao năng lực quản lý và tổ chức thực hiện khuyến công',
    'Capacity of extension management',
    'Điều 4 khoản 9',
  ],
].map(([code, name, nameEn, article], i) => ({
  id: `nd45-${code}`,
  code: code!,
  name: name!,
  nameEn: nameEn!,
  position: i + 1,
  effectiveFrom: ND45_FROM,
  effectiveTo: null,
  sourceDocument: ND45,
  sourceArticle: article!,
  verified: true,
}));

ACTIVITY_GROUPS.push(
  {
    id: 'nd235-digital',
    code: 'digital_transformation',
    name: 'Chuyển đổi số',
    nameEn: 'Digital transformation',
    position: 10,
    effectiveFrom: '2025-10-15',
    effectiveTo: null,
    sourceDocument: 'Nghị định 235/2025/NĐ-CP (sửa đổi Nghị định 45/2012/NĐ-CP)',
    sourceArticle: 'sửa đổi Điều 4 (chưa đối chiếu văn bản)',
    verified: false,
  },
  {
    id: 'nd235-sustainable',
    code: 'sustainable_production',
    name: 'Sản xuất bền vững',
    nameEn: 'Sustainable production',
    position: 11,
    effectiveFrom: '2025-10-15',
    effectiveTo: null,
    sourceDocument: 'Nghị định 235/2025/NĐ-CP (sửa đổi Nghị định 45/2012/NĐ-CP)',
    sourceArticle: 'sửa đổi Điều 4 (chưa đối chiếu văn bản)',
    verified: false,
  },
);

export interface CapSeed {
  id: string;
  supportKind: SupportKind;
  activityGroupCode: string;
  fundingSource: 'national' | 'local';
  provinceCode: string | null;
  maxPercent: string | null;
  maxAmountVnd: bigint | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  sourceDocument: string;
  sourceArticle: string;
  verified: boolean;
  note?: string;
}

const TTLT26 = 'Thông tư liên tịch 26/2014/TTLT-BTC-BCT';
const TTLT26_FROM = '2014-04-08';
/** Circular 28/2018/TT-BTC replaced JC 26/2014; its effective date is unverified here. */
const TT28_FROM = '2018-05-15';
const TTLT26_TO = '2018-05-14';
const TT28 = 'Thông tư 28/2018/TT-BTC';
const TT28_ARTICLE = 'mức chi khuyến công quốc gia (điều khoản chưa đối chiếu văn bản)';
const M = 1_000_000n;

const ttlt26 = (
  key: string,
  supportKind: SupportKind,
  group: string,
  maxPercent: string | null,
  millions: bigint | null,
  article: string,
  note?: string,
): CapSeed => ({
  id: `ttlt26-2014-${key}`,
  supportKind,
  activityGroupCode: group,
  fundingSource: 'national',
  provinceCode: null,
  maxPercent,
  maxAmountVnd: millions === null ? null : millions * M,
  effectiveFrom: TTLT26_FROM,
  effectiveTo: TTLT26_TO,
  sourceDocument: TTLT26,
  sourceArticle: article,
  verified: true,
  ...(note ? { note } : {}),
});

const tt28 = (
  key: string,
  supportKind: SupportKind,
  group: string,
  maxPercent: string | null,
  millions: bigint,
  note?: string,
): CapSeed => ({
  id: `tt28-2018-${key}`,
  supportKind,
  activityGroupCode: group,
  fundingSource: 'national',
  provinceCode: null,
  maxPercent,
  maxAmountVnd: millions * M,
  effectiveFrom: TT28_FROM,
  effectiveTo: null,
  sourceDocument: TT28,
  sourceArticle: TT28_ARTICLE,
  verified: false,
  note: note ?? 'Theo tóm tắt trong domain.md; chưa đối chiếu văn bản gốc.',
});

export const SUPPORT_CAPS: CapSeed[] = [
  ttlt26('enterprise-setup', 'enterprise_setup', 'management', null, 10n, 'Điều 6 khoản 2 điểm a'),
  ttlt26('demo-model', 'demonstration_model', 'demonstration', '30', 500n, 'Điều 6 khoản 2 điểm b'),
  ttlt26('replication', 'model_replication', 'demonstration', null, 100n, 'Điều 6 khoản 2 điểm b (đoạn 2)'),
  ttlt26('machinery', 'advanced_machinery', 'demonstration', '50', 200n, 'Điều 6 khoản 2 điểm c'),
  ttlt26('brand', 'brand_registration', 'products_fairs', '50', 35n, 'Điều 6 khoản 2 điểm h'),
  ttlt26('consulting', 'consulting', 'consulting', '50', 35n, 'Điều 6 khoản 2 điểm i'),
  ttlt26('cluster', 'business_cluster', 'linkage_clusters', '50', 150n, 'Điều 6 khoản 2 điểm m'),
  ttlt26('pollution', 'pollution_treatment', 'linkage_clusters', '30', 300n, 'Điều 6 khoản 2 điểm o'),
  tt28('demo-model', 'demonstration_model', 'demonstration', '30', 1000n),
  tt28('machinery', 'advanced_machinery', 'demonstration', '50', 300n),
  tt28(
    'technology-line',
    'technology_line',
    'demonstration',
    '50',
    450n,
    'Dây chuyền công nghệ hoàn chỉnh: 1,5 lần mức máy móc thiết bị (1,5 × 300 triệu); tỷ lệ 50% giả định như máy móc. Theo domain.md; chưa đối chiếu văn bản gốc.',
  ),
  tt28('enterprise-setup', 'enterprise_setup', 'management', null, 10n),
];

export interface MinWageSeed {
  id: string;
  region: 1 | 2 | 3 | 4;
  amountVnd: bigint;
  effectiveFrom: string;
  effectiveTo: string | null;
  sourceDocument: string;
  sourceArticle: string;
  verified: boolean;
  note?: string;
}

const ND182 = 'Nghị định 182/2013/NĐ-CP';
export const MIN_WAGES: MinWageSeed[] = (
  [
    [1, 2_700_000n],
    [2, 2_400_000n],
    [3, 2_100_000n],
    [4, 1_900_000n],
  ] as const
).map(([region, amountVnd]) => ({
  id: `nd182-2014-r${region}`,
  region,
  amountVnd,
  effectiveFrom: '2014-01-01',
  effectiveTo: null,
  sourceDocument: ND182,
  sourceArticle: 'Điều 3 khoản 1',
  verified: false,
  note: 'Mức lương tối thiểu vùng áp dụng từ 01/01/2014 (theo domain.md; chưa đối chiếu văn bản gốc). Chưa nạp các năm sau.',
}));

export interface WageRegionSeed {
  id: string;
  areaCode: string;
  region: 1 | 2 | 3 | 4;
  effectiveFrom: string;
  effectiveTo: string | null;
  sourceDocument: string;
  sourceArticle: string;
  verified: boolean;
  note?: string;
}

/** Lạng Sơn: the city (178) is region III; the province code (20) stands for every other unit: region IV. */
export const WAGE_REGIONS: WageRegionSeed[] = [
  {
    id: 'nd182-lang-son-city',
    areaCode: '178',
    region: 3,
    effectiveFrom: '2014-01-01',
    effectiveTo: null,
    sourceDocument: ND182,
    sourceArticle: 'Phụ lục (địa bàn vùng III: thành phố trực thuộc tỉnh)',
    verified: false,
  },
  {
    id: 'nd182-lang-son-rest',
    areaCode: '20',
    region: 4,
    effectiveFrom: '2014-01-01',
    effectiveTo: null,
    sourceDocument: ND182,
    sourceArticle: 'Phụ lục (vùng IV: các địa bàn còn lại)',
    verified: false,
  },
];

/** The default appraisal rubric (weights are the department's choice, editable). */
export const DEFAULT_RUBRIC = {
  name: 'Tiêu chí xét chọn đề án khuyến công (mặc định)',
  criteria: [
    {
      code: 'potential',
      label: 'Tiềm năng phát triển, thị trường',
      labelEn: 'Potential and market',
      weight: '25',
    },
    {
      code: 'feasibility',
      label: 'Tính khả thi, năng lực đối ứng',
      labelEn: 'Feasibility and counterpart capacity',
      weight: '25',
    },
    { code: 'jobs', label: 'Tạo việc làm, thu nhập', labelEn: 'Jobs and income', weight: '20' },
    {
      code: 'technology',
      label: 'Mức độ tiên tiến của công nghệ',
      labelEn: 'How advanced the technology is',
      weight: '10',
    },
    {
      code: 'priority_owner',
      label: 'Ưu tiên: doanh nghiệp do phụ nữ / người dân tộc thiểu số làm chủ',
      labelEn: 'Priority: women- or ethnic-minority-owned',
      weight: '10',
    },
    {
      code: 'priority_rural',
      label: 'Ưu tiên: địa bàn nông thôn, khó khăn',
      labelEn: 'Priority: rural or disadvantaged area',
      weight: '10',
    },
  ],
};
