/**
 * VSIC 2018 (Hệ thống ngành kinh tế Việt Nam, Quyết định 27/2018/QĐ-TTg,
 * in force from 2018-08-20), industrial sections only: B, C, D, E (divisions 05–39).
 *
 * Sources (public repositories, found with the code search tool):
 *  - Section and division Vietnamese names: SQL seed `NGANHNGHE_KINHTE_CAP01/02`
 *    (index id 9365030746) and `ducanhtranptit/ESG-tool-backend`
 *    `seeders/dummy/industry.dummy.cjs`. The two match word for word on
 *    divisions 05–39. For 05–18 a third seed that cites "QĐ 27/2018/QĐ-TTg"
 *    says the same (index id 55827109448). Division 09 is "Hoạt động dịch vụ hỗ
 *    trợ khai khoáng", which is the 2018 wording; VSIC 2007 used "… hỗ trợ
 *    khai thác mỏ và quặng".
 *  - Per GSO pages (dieutradantoc.gso.gov.vn, tdtnn2025.gso.gov.vn), VSIC 2018
 *    has 21 sections, 88 divisions, 242 groups, 486 classes (cấp 4) and
 *    734 subclasses (cấp 5).
 *
 * NOT included: the 4-digit classes. VSIC_CLASSES is an empty array on purpose.
 * The complete class lists found in the corpus are VSIC 2025 (QĐ 36/2025/QĐ-TTg,
 * from 2025-11-15): they have 0729 instead of 0722, 033x, and 1103/1104/1105
 * split differently. Other lists are VSIC 2007, partial (≤100 classes), or a
 * mix. None of them is a complete VSIC 2018 list, so no class is listed here
 * rather than a guessed one. Fill it from the official Phụ lục I of QĐ 27/2018.
 *
 * nameEn: the ISIC Rev.4 section and division titles, which VSIC 2018
 * follows at this level. They were not checked against GSO's own English
 * edition. Vietnamese strings are NFC and keep the sources' spelling
 * (e.g. "hoá", "điều hoà").
 */

export type VsicIndustrialSection = 'B' | 'C' | 'D' | 'E';

export const VSIC_SECTIONS: readonly { code: VsicIndustrialSection; nameVi: string; nameEn: string }[] = [
  { code: 'B', nameVi: 'KHAI KHOÁNG', nameEn: 'Mining and quarrying' },
  { code: 'C', nameVi: 'CÔNG NGHIỆP CHẾ BIẾN, CHẾ TẠO', nameEn: 'Manufacturing' },
  {
    code: 'D',
    nameVi: 'SẢN XUẤT VÀ PHÂN PHỐI ĐIỆN, KHÍ ĐỐT, NƯỚC NÓNG, HƠI NƯỚC VÀ ĐIỀU HOÀ KHÔNG KHÍ',
    nameEn: 'Electricity, gas, steam and air conditioning supply',
  },
  {
    code: 'E',
    nameVi: 'CUNG CẤP NƯỚC; HOẠT ĐỘNG QUẢN LÝ VÀ XỬ LÝ RÁC THẢI, NƯỚC THẢI',
    nameEn: 'Water supply; sewerage, waste management and remediation activities',
  },
];

export const VSIC_DIVISIONS: readonly {
  code: string;
  section: VsicIndustrialSection;
  nameVi: string;
  nameEn: string;
}[] = [
  {
    code: '05',
    section: 'B',
    nameVi: 'Khai thác than cứng và than non',
    nameEn: 'Mining of coal and lignite',
  },
  {
    code: '06',
    section: 'B',
    nameVi: 'Khai thác dầu thô và khí đốt tự nhiên',
    nameEn: 'Extraction of crude petroleum and natural gas',
  },
  { code: '07', section: 'B', nameVi: 'Khai thác quặng kim loại', nameEn: 'Mining of metal ores' },
  { code: '08', section: 'B', nameVi: 'Khai khoáng khác', nameEn: 'Other mining and quarrying' },
  {
    code: '09',
    section: 'B',
    nameVi: 'Hoạt động dịch vụ hỗ trợ khai khoáng',
    nameEn: 'Mining support service activities',
  },
  {
    code: '10',
    section: 'C',
    nameVi: 'Sản xuất, chế biến thực phẩm',
    nameEn: 'Manufacture of food products',
  },
  { code: '11', section: 'C', nameVi: 'Sản xuất đồ uống', nameEn: 'Manufacture of beverages' },
  {
    code: '12',
    section: 'C',
    nameVi: 'Sản xuất sản phẩm thuốc lá',
    nameEn: 'Manufacture of tobacco products',
  },
  { code: '13', section: 'C', nameVi: 'Dệt', nameEn: 'Manufacture of textiles' },
  { code: '14', section: 'C', nameVi: 'Sản xuất trang phục', nameEn: 'Manufacture of wearing apparel' },
  {
    code: '15',
    section: 'C',
    nameVi: 'Sản xuất da và các sản phẩm có liên quan',
    nameEn: 'Manufacture of leather and related products',
  },
  {
    code: '16',
    section: 'C',
    nameVi:
      'Chế biến gỗ và sản xuất sản phẩm từ gỗ, tre, nứa (trừ giường, tủ, bàn, ghế); sản xuất sản phẩm từ rơm, rạ và vật liệu tết bện',
    nameEn:
      'Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and plaiting materials',
  },
  {
    code: '17',
    section: 'C',
    nameVi: 'Sản xuất giấy và sản phẩm từ giấy',
    nameEn: 'Manufacture of paper and paper products',
  },
  {
    code: '18',
    section: 'C',
    nameVi: 'In, sao chép bản ghi các loại',
    nameEn: 'Printing and reproduction of recorded media',
  },
  {
    code: '19',
    section: 'C',
    nameVi: 'Sản xuất than cốc, sản phẩm dầu mỏ tinh chế',
    nameEn: 'Manufacture of coke and refined petroleum products',
  },
  {
    code: '20',
    section: 'C',
    nameVi: 'Sản xuất hoá chất và sản phẩm hoá chất',
    nameEn: 'Manufacture of chemicals and chemical products',
  },
  {
    code: '21',
    section: 'C',
    nameVi: 'Sản xuất thuốc, hoá dược và dược liệu',
    nameEn: 'Manufacture of basic pharmaceutical products and pharmaceutical preparations',
  },
  {
    code: '22',
    section: 'C',
    nameVi: 'Sản xuất sản phẩm từ cao su và plastic',
    nameEn: 'Manufacture of rubber and plastics products',
  },
  {
    code: '23',
    section: 'C',
    nameVi: 'Sản xuất sản phẩm từ khoáng phi kim loại khác',
    nameEn: 'Manufacture of other non-metallic mineral products',
  },
  { code: '24', section: 'C', nameVi: 'Sản xuất kim loại', nameEn: 'Manufacture of basic metals' },
  {
    code: '25',
    section: 'C',
    nameVi: 'Sản xuất sản phẩm từ kim loại đúc sẵn (trừ máy móc, thiết bị)',
    nameEn: 'Manufacture of fabricated metal products, except machinery and equipment',
  },
  {
    code: '26',
    section: 'C',
    nameVi: 'Sản xuất sản phẩm điện tử, máy vi tính và sản phẩm quang học',
    nameEn: 'Manufacture of computer, electronic and optical products',
  },
  {
    code: '27',
    section: 'C',
    nameVi: 'Sản xuất thiết bị điện',
    nameEn: 'Manufacture of electrical equipment',
  },
  {
    code: '28',
    section: 'C',
    nameVi: 'Sản xuất máy móc, thiết bị chưa được phân vào đâu',
    nameEn: 'Manufacture of machinery and equipment n.e.c.',
  },
  {
    code: '29',
    section: 'C',
    nameVi: 'Sản xuất ô tô và xe có động cơ khác',
    nameEn: 'Manufacture of motor vehicles, trailers and semi-trailers',
  },
  {
    code: '30',
    section: 'C',
    nameVi: 'Sản xuất phương tiện vận tải khác',
    nameEn: 'Manufacture of other transport equipment',
  },
  { code: '31', section: 'C', nameVi: 'Sản xuất giường, tủ, bàn, ghế', nameEn: 'Manufacture of furniture' },
  { code: '32', section: 'C', nameVi: 'Công nghiệp chế biến, chế tạo khác', nameEn: 'Other manufacturing' },
  {
    code: '33',
    section: 'C',
    nameVi: 'Sửa chữa, bảo dưỡng và lắp đặt máy móc và thiết bị',
    nameEn: 'Repair and installation of machinery and equipment',
  },
  {
    code: '35',
    section: 'D',
    nameVi: 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí',
    nameEn: 'Electricity, gas, steam and air conditioning supply',
  },
  {
    code: '36',
    section: 'E',
    nameVi: 'Khai thác, xử lý và cung cấp nước',
    nameEn: 'Water collection, treatment and supply',
  },
  { code: '37', section: 'E', nameVi: 'Thoát nước và xử lý nước thải', nameEn: 'Sewerage' },
  {
    code: '38',
    section: 'E',
    nameVi: 'Hoạt động thu gom, xử lý và tiêu hủy rác thải; tái chế phế liệu',
    nameEn: 'Waste collection, treatment and disposal activities; materials recovery',
  },
  {
    code: '39',
    section: 'E',
    nameVi: 'Xử lý ô nhiễm và hoạt động quản lý chất thải khác',
    nameEn: 'Remediation activities and other waste management services',
  },
];

/**
 * VSIC 2018 4-digit classes (cấp 4) for divisions 05–39.
 * EMPTY ON PURPOSE: no complete VSIC 2018 class list could be confirmed from sources (see header).
 */
export const VSIC_CLASSES: readonly { code: string; nameVi: string; nameEn?: string }[] = [];
