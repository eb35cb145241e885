/**
 * Lạng Sơn demo enterprises. The first ones are named in the seed article (langson-industry-2014.txt);
 * the rest are invented to make the registry feel real. Every one is stored with is_demo = true and shown
 * as demo data; their tax codes are generated (valid in form, prefix 49 = Lạng Sơn's tax department),
 * so they match no real company's.
 */
export interface DemoProduct {
  name: string;
  unit: string;
  capacityPerYear: string | null;
  productCode?: string;
}

export interface DemoEnterprise {
  key: string;
  name: string;
  shortName?: string;
  areaCode: string;
  address: string;
  vsic: string;
  ownership: 'state' | 'non_state' | 'fdi';
  sizeClass: 'micro' | 'small' | 'medium' | 'large';
  employees: number;
  foundedOn: string;
  reportsMonthly: boolean;
  notes?: string;
  products: DemoProduct[];
}

export const ARTICLE_ENTERPRISES: DemoEnterprise[] = [
  {
    key: 'dong-banh',
    name: 'Công ty Cổ phần Xi măng Đồng Bành',
    shortName: 'Xi măng Đồng Bành',
    areaCode: '187',
    address: 'Thị trấn Chi Lăng, huyện Chi Lăng, tỉnh Lạng Sơn',
    vsic: '2394',
    ownership: 'non_state',
    sizeClass: 'large',
    employees: 520,
    foundedOn: '2008-03-12',
    reportsMonthly: true,
    notes: 'Bàn giao cho Tập đoàn The Vissai năm 2013; xuất khẩu xi măng, clinker sang 16 nước.',
    products: [
      { name: 'Xi măng', unit: 'tấn', capacityPerYear: '910000', productCode: 'XIMANG' },
      { name: 'Clinker', unit: 'tấn', capacityPerYear: '800000', productCode: 'CLINKER' },
    ],
  },
  {
    key: 'kim-loai-mau-bac-bo',
    name: 'Công ty Cổ phần Kim loại màu Bắc Bộ',
    shortName: 'Kim loại màu Bắc Bộ',
    areaCode: '183',
    address: 'Xã Hợp Thành, huyện Cao Lộc, tỉnh Lạng Sơn',
    vsic: '2420',
    ownership: 'non_state',
    sizeClass: 'medium',
    employees: 180,
    foundedOn: '2006-09-20',
    reportsMonthly: true,
    products: [
      { name: 'Chì điện phân', unit: 'tấn', capacityPerYear: '6000', productCode: 'CHI' },
      { name: 'Axit sunfuric', unit: 'tấn', capacityPerYear: '9000', productCode: 'AXIT' },
    ],
  },
  {
    key: 'h-and-t',
    name: 'Công ty TNHH sản xuất và thương mại H&T',
    shortName: 'H&T',
    areaCode: '184',
    address: 'Thị trấn Văn Quan, huyện Văn Quan, tỉnh Lạng Sơn',
    vsic: '1629',
    ownership: 'non_state',
    sizeClass: 'small',
    employees: 120,
    foundedOn: '2011-05-04',
    reportsMonthly: true,
    notes: 'Đề án khuyến công quốc gia 2014: máy móc sản xuất chiếu tăm, công suất 50.000 → 320.000 m2/năm.',
    products: [{ name: 'Chiếu tăm', unit: 'm2', capacityPerYear: '320000', productCode: 'CHIEUTAM' }],
  },
  {
    key: 'na-duong-power',
    name: 'Công ty Nhiệt điện Na Dương - Vinacomin',
    shortName: 'Nhiệt điện Na Dương',
    areaCode: '188',
    address: 'Thị trấn Na Dương, huyện Lộc Bình, tỉnh Lạng Sơn',
    vsic: '3511',
    ownership: 'state',
    sizeClass: 'large',
    employees: 450,
    foundedOn: '2005-01-01',
    reportsMonthly: true,
    notes: 'Dự án Nhiệt điện Na Dương giai đoạn 2 đang chuẩn bị đầu tư.',
    products: [{ name: 'Điện sản xuất', unit: 'triệu kWh', capacityPerYear: '750', productCode: 'DIEN' }],
  },
];

/** Invented enterprises, by line of business; names, places and sizes vary deterministically. */
const TEMPLATES: {
  prefix: string;
  names: string[];
  vsic: string;
  product: DemoProduct;
  ownership?: 'state' | 'non_state' | 'fdi';
}[] = [
  {
    prefix: 'Công ty TNHH Gạch tuynel',
    names: ['Hữu Lũng', 'Đồng Mỏ', 'Cao Lộc', 'Tân Thành'],
    vsic: '2392',
    product: { name: 'Gạch nung', unit: 'nghìn viên', capacityPerYear: '20000', productCode: 'GACH' },
  },
  {
    prefix: 'Công ty Cổ phần Khai thác đá',
    names: ['Hồng Phong', 'Chi Lăng', 'Mai Pha'],
    vsic: '0810',
    product: { name: 'Đá xây dựng', unit: 'm3', capacityPerYear: '150000', productCode: 'DA' },
  },
  {
    prefix: 'Công ty Cổ phần Thủy điện',
    names: ['Bản Quyền', 'Bắc Khê', 'Kỳ Cùng', 'Thác Xăng'],
    vsic: '3511',
    product: { name: 'Điện sản xuất', unit: 'triệu kWh', capacityPerYear: '40', productCode: 'DIEN' },
  },
  {
    prefix: 'Công ty TNHH Chế biến gỗ',
    names: ['Lộc Bình', 'Đình Lập', 'Bình Gia', 'Văn Lãng', 'Tràng Định'],
    vsic: '1621',
    product: { name: 'Ván bóc, ván ghép', unit: 'm3', capacityPerYear: '12000', productCode: 'VAN' },
  },
  {
    prefix: 'Hợp tác xã Tinh dầu hồi',
    names: ['Văn Quan', 'Bình Gia', 'Tràng Định'],
    vsic: '2029',
    product: { name: 'Tinh dầu hồi', unit: 'tấn', capacityPerYear: '30', productCode: 'TINHDAU' },
  },
  {
    prefix: 'Công ty TNHH May mặc',
    names: ['Xứ Lạng', 'Kỳ Lừa', 'Đông Kinh'],
    vsic: '1410',
    product: {
      name: 'Quần áo may sẵn',
      unit: 'nghìn sản phẩm',
      capacityPerYear: '600',
      productCode: 'MAYMAC',
    },
  },
  {
    prefix: 'Công ty TNHH Thức ăn chăn nuôi',
    names: ['Hoàng Đồng', 'Mai Pha'],
    vsic: '1080',
    product: { name: 'Thức ăn gia súc', unit: 'tấn', capacityPerYear: '24000', productCode: 'THUCAN' },
  },
  {
    prefix: 'Công ty Cổ phần Cơ khí',
    names: ['Lạng Sơn', 'Hữu Nghị'],
    vsic: '2592',
    product: { name: 'Sản phẩm cơ khí', unit: 'tấn', capacityPerYear: '1500', productCode: 'COKHI' },
  },
  {
    prefix: 'Công ty TNHH Chế biến nông sản',
    names: ['Na Sầm', 'Hữu Lũng', 'Chi Lăng'],
    vsic: '1030',
    product: { name: 'Rau quả chế biến', unit: 'tấn', capacityPerYear: '5000', productCode: 'RAUQUA' },
  },
  {
    prefix: 'Công ty TNHH Nước uống',
    names: ['Mẫu Sơn', 'Suối Ngà'],
    vsic: '1104',
    product: {
      name: 'Nước khoáng, nước tinh khiết',
      unit: 'nghìn lít',
      capacityPerYear: '8000',
      productCode: 'NUOC',
    },
  },
  {
    prefix: 'Công ty TNHH In',
    names: ['Lạng Sơn'],
    vsic: '1811',
    product: { name: 'Trang in', unit: 'triệu trang', capacityPerYear: '900', productCode: 'IN' },
  },
  {
    prefix: 'Công ty TNHH Khai thác than',
    names: ['Na Dương'],
    vsic: '0520',
    ownership: 'state',
    product: { name: 'Than nâu', unit: 'tấn', capacityPerYear: '600000', productCode: 'THAN' },
  },
  {
    prefix: 'Công ty TNHH Điện tử',
    names: ['Đồng Đăng'],
    vsic: '2610',
    ownership: 'fdi',
    product: {
      name: 'Linh kiện điện tử',
      unit: 'nghìn chiếc',
      capacityPerYear: '12000',
      productCode: 'LINHKIEN',
    },
  },
  {
    prefix: 'Công ty Cổ phần Cấp thoát nước',
    names: ['Lạng Sơn'],
    vsic: '3600',
    ownership: 'state',
    product: { name: 'Nước máy', unit: 'nghìn m3', capacityPerYear: '12000', productCode: 'NUOCMAY' },
  },
  {
    prefix: 'Công ty Cổ phần Môi trường đô thị',
    names: ['Lạng Sơn'],
    vsic: '3811',
    ownership: 'state',
    product: { name: 'Rác thải thu gom', unit: 'tấn', capacityPerYear: '60000', productCode: 'RAC' },
  },
];

const DISTRICTS = ['178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189'];
const DISTRICT_NAMES: Record<string, string> = {
  '178': 'thành phố Lạng Sơn',
  '180': 'huyện Tràng Định',
  '181': 'huyện Bình Gia',
  '182': 'huyện Văn Lãng',
  '183': 'huyện Cao Lộc',
  '184': 'huyện Văn Quan',
  '185': 'huyện Bắc Sơn',
  '186': 'huyện Hữu Lũng',
  '187': 'huyện Chi Lăng',
  '188': 'huyện Lộc Bình',
  '189': 'huyện Đình Lập',
};

/** Deterministic pseudo-random numbers, so that every demo install is the same. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoEnterprises(): DemoEnterprise[] {
  const rnd = seededRandom(2014);
  const out: DemoEnterprise[] = [...ARTICLE_ENTERPRISES];
  for (const t of TEMPLATES) {
    for (const n of t.names) {
      const areaCode = DISTRICTS[Math.floor(rnd() * DISTRICTS.length)]!;
      const employees = 10 + Math.floor(rnd() * 240);
      const scale = 0.4 + rnd();
      out.push({
        key: `${t.vsic}-${n}`,
        name: `${t.prefix} ${n}`,
        areaCode,
        address: `Số ${1 + Math.floor(rnd() * 200)}, ${DISTRICT_NAMES[areaCode]}, tỉnh Lạng Sơn`,
        vsic: t.vsic,
        ownership: t.ownership ?? 'non_state',
        sizeClass:
          employees < 10 ? 'micro' : employees < 100 ? 'small' : employees < 200 ? 'medium' : 'large',
        employees,
        foundedOn: `${1995 + Math.floor(rnd() * 18)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-15`,
        reportsMonthly: rnd() < 0.8,
        products: [
          {
            ...t.product,
            capacityPerYear: t.product.capacityPerYear
              ? String(Math.round(Number(t.product.capacityPerYear) * scale))
              : null,
          },
        ],
      });
    }
  }
  return out;
}
