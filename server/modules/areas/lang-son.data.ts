/**
 * Lạng Sơn province (GSO code 20): administrative units.
 *
 * 1. Province + the 11 district-level units of the 2014–2025 period, with
 *    their 3-digit GSO district codes. The codes (178 TP Lạng Sơn, 180 Tràng Định,
 *    181 Bình Gia, 182 Văn Lãng, 183 Cao Lộc, 184 Văn Quan, 185 Bắc Sơn,
 *    186 Hữu Lũng, 187 Chi Lăng, 188 Lộc Bình, 189 Đình Lập) agree across several
 *    unrelated public datasets. Found with the code search tool as index ids
 *    34263292948, 61537274729, 12935410109 and 25036420004: a SQL seed, a JS
 *    options list, a Dart model and a JSON dump of the GSO list.
 *    validFrom '2008-08-01' is a CONSERVATIVE placeholder, not an establishment
 *    date. validTo '2025-06-30': district level abolished 2025-07-01. No
 *    successorCode for districts: each was split among several new communes.
 *
 * 2. The 65 commune-level units (61 xã + 4 phường) in force from 2025-07-01
 *    (Nghị quyết 1672/NQ-UBTVQH15). Names and 5-digit codes come from two
 *    independent SQL seeds of the post-2025 list (index ids 41846540633 and
 *    57542028317). They match exactly, 65/65. parentCode is the province (the
 *    two-tier system has no district level).
 *
 * 3. LANG_SON_COMMUNE_ORIGIN: the 2014 district each new unit came from.
 *    Taken from a public restructuring script (index id 67208031387; it lists
 *    the predecessor communes of every new unit, grouped by old district).
 *    "Mostly" was NOT measured by area or population. Three entries are marked
 *    'uncertain' where the source's grouping conflicts with the predecessor
 *    list or the code ordering (see notes).
 *
 * Unverified: the exact legal start dates of the province and districts; the
 * ward/commune codes against the official GSO decision text (taken from two
 * matching secondary datasets); the origin mapping (secondary source).
 * No English names are given.
 */

export type LangSonAreaLevel = 'province' | 'district' | 'commune';

export interface LangSonArea {
  code: string;
  name: string;
  nameEn?: string;
  level: LangSonAreaLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  successorCode?: string | null;
}

export const LANG_SON_PROVINCE_CODE = '20';

export const LANG_SON_AREAS: readonly LangSonArea[] = [
  // validFrom is a conservative placeholder (the province existed long before 2008).
  {
    code: '20',
    name: 'Tỉnh Lạng Sơn',
    level: 'province',
    parentCode: null,
    validFrom: '2008-08-01',
    validTo: null,
  },
  {
    code: '178',
    name: 'Thành phố Lạng Sơn',
    level: 'district',
    parentCode: '20',
    validFrom: '2008-08-01',
    validTo: '2025-06-30',
    successorCode: null,
  },
  {
    code: '180',
    name: 'Huyện Tràng Định',
    level: 'district',
    parentCode: '20',
    validFrom: '2008-08-01',
    validTo: '2025-06-30',
    successorCode: null,
  },
  {
    code: '181',
    name: 'Huyện Bình Gia',
    level: 'district',
    parentCode: '20',
    validFrom: '2008-08-01',
    validTo: '2025-06-30',
    successorCode: null,
  },
  {
    code: '182',
    name: 'Huyện Văn Lãng',
    level: 'district',
    parentCode: '20',
    validFrom: '2008-08-01',
    validTo: '2025-06-30',
    successorCode: null,
  },
  {
    code: '183',
    name: 'Huyện Cao Lộc',
    level: 'district',
    parentCode: '20',
    validFrom: '2008-08-01',
    validTo: '2025-06-30',
    successorCode: null,
  },
  {
    code: '184',
    name: 'Huyện Văn Quan',
    level: 'district',
    parentCode: '20',
    validFrom: '2008-08-01',
    validTo: '2025-06-30',
    successorCode: null,
  },
  {
    code: '185',
    name: 'Huyện Bắc Sơn',
    level: 'district',
    parentCode: '20',
    validFrom: '2008-08-01',
    validTo: '2025-06-30',
    successorCode: null,
  },
  {
    code: '186',
    name: 'Huyện Hữu Lũng',
    level: 'district',
    parentCode: '20',
    validFrom: '2008-08-01',
    validTo: '2025-06-30',
    successorCode: null,
  },
  {
    code: '187',
    name: 'Huyện Chi Lăng',
    level: 'district',
    parentCode: '20',
    validFrom: '2008-08-01',
    validTo: '2025-06-30',
    successorCode: null,
  },
  {
    code: '188',
    name: 'Huyện Lộc Bình',
    level: 'district',
    parentCode: '20',
    validFrom: '2008-08-01',
    validTo: '2025-06-30',
    successorCode: null,
  },
  {
    code: '189',
    name: 'Huyện Đình Lập',
    level: 'district',
    parentCode: '20',
    validFrom: '2008-08-01',
    validTo: '2025-06-30',
    successorCode: null,
  },
  // Commune level from 2025-07-01 (NQ 1672/NQ-UBTVQH15): 4 wards + 61 communes, ordered by code.
  {
    code: '05977',
    name: 'Phường Đông Kinh',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '05983',
    name: 'Phường Lương Văn Tri',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '05986',
    name: 'Phường Tam Thanh',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06001',
    name: 'Xã Đoàn Kết',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06004',
    name: 'Xã Quốc Khánh',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06019',
    name: 'Xã Tân Tiến',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06037',
    name: 'Xã Kháng Chiến',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06040',
    name: 'Xã Thất Khê',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06046',
    name: 'Xã Tràng Định',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06058',
    name: 'Xã Quốc Việt',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06073',
    name: 'Xã Hoa Thám',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06076',
    name: 'Xã Quý Hòa',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06079',
    name: 'Xã Hồng Phong',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06085',
    name: 'Xã Thiện Hòa',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06091',
    name: 'Xã Thiện Thuật',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06103',
    name: 'Xã Thiện Long',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06112',
    name: 'Xã Bình Gia',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06115',
    name: 'Xã Tân Văn',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06124',
    name: 'Xã Na Sầm',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06148',
    name: 'Xã Thụy Hùng',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06151',
    name: 'Xã Hội Hoan',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06154',
    name: 'Xã Văn Lãng',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06172',
    name: 'Xã Hoàng Văn Thụ',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06184',
    name: 'Xã Đồng Đăng',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06187',
    name: 'Phường Kỳ Lừa',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06196',
    name: 'Xã Ba Sơn',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06211',
    name: 'Xã Cao Lộc',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06220',
    name: 'Xã Công Sơn',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06253',
    name: 'Xã Văn Quan',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06280',
    name: 'Xã Điềm He',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06286',
    name: 'Xã Khánh Khê',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06298',
    name: 'Xã Yên Phúc',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06313',
    name: 'Xã Tri Lễ',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06316',
    name: 'Xã Tân Đoàn',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06325',
    name: 'Xã Bắc Sơn',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06337',
    name: 'Xã Tân Tri',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06349',
    name: 'Xã Hưng Vũ',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06364',
    name: 'Xã Vũ Lễ',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06367',
    name: 'Xã Vũ Lăng',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06376',
    name: 'Xã Nhất Hòa',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06385',
    name: 'Xã Hữu Lũng',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06391',
    name: 'Xã Yên Bình',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06400',
    name: 'Xã Hữu Liên',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06415',
    name: 'Xã Vân Nham',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06427',
    name: 'Xã Cai Kinh',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06436',
    name: 'Xã Thiện Tân',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06445',
    name: 'Xã Tân Thành',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06457',
    name: 'Xã Tuấn Sơn',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06463',
    name: 'Xã Chi Lăng',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06475',
    name: 'Xã Bằng Mạc',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06481',
    name: 'Xã Chiến Thắng',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06496',
    name: 'Xã Nhân Lý',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06505',
    name: 'Xã Vạn Linh',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06517',
    name: 'Xã Quan Sơn',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06526',
    name: 'Xã Na Dương',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06529',
    name: 'Xã Lộc Bình',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06541',
    name: 'Xã Mẫu Sơn',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06565',
    name: 'Xã Khuất Xá',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06577',
    name: 'Xã Thống Nhất',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06601',
    name: 'Xã Lợi Bác',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06607',
    name: 'Xã Xuân Dương',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06613',
    name: 'Xã Đình Lập',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06616',
    name: 'Xã Thái Bình',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06625',
    name: 'Xã Kiên Mộc',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
  {
    code: '06637',
    name: 'Xã Châu Sơn',
    level: 'commune',
    parentCode: '20',
    validFrom: '2025-07-01',
    validTo: null,
  },
];

/** 2014 district (3-digit code) that each 2025 unit came from, per the restructuring source. See header. */
export const LANG_SON_COMMUNE_ORIGIN: readonly {
  code: string;
  formerDistrictCode: string;
  confidence: 'source' | 'uncertain';
  note?: string;
}[] = [
  { code: '05977', formerDistrictCode: '178', confidence: 'source' }, // Phường Đông Kinh
  { code: '05983', formerDistrictCode: '178', confidence: 'source' }, // Phường Lương Văn Tri
  { code: '05986', formerDistrictCode: '178', confidence: 'source' }, // Phường Tam Thanh
  { code: '06001', formerDistrictCode: '180', confidence: 'source' }, // Xã Đoàn Kết
  { code: '06004', formerDistrictCode: '180', confidence: 'source' }, // Xã Quốc Khánh
  { code: '06019', formerDistrictCode: '180', confidence: 'source' }, // Xã Tân Tiến
  { code: '06037', formerDistrictCode: '180', confidence: 'source' }, // Xã Kháng Chiến
  { code: '06040', formerDistrictCode: '180', confidence: 'source' }, // Xã Thất Khê
  { code: '06046', formerDistrictCode: '180', confidence: 'source' }, // Xã Tràng Định
  { code: '06058', formerDistrictCode: '180', confidence: 'source' }, // Xã Quốc Việt
  { code: '06073', formerDistrictCode: '181', confidence: 'source' }, // Xã Hoa Thám
  { code: '06076', formerDistrictCode: '181', confidence: 'source' }, // Xã Quý Hòa
  { code: '06079', formerDistrictCode: '181', confidence: 'source' }, // Xã Hồng Phong
  { code: '06085', formerDistrictCode: '181', confidence: 'source' }, // Xã Thiện Hòa
  { code: '06091', formerDistrictCode: '181', confidence: 'source' }, // Xã Thiện Thuật
  { code: '06103', formerDistrictCode: '181', confidence: 'source' }, // Xã Thiện Long
  { code: '06112', formerDistrictCode: '181', confidence: 'source' }, // Xã Bình Gia
  { code: '06115', formerDistrictCode: '181', confidence: 'source' }, // Xã Tân Văn
  { code: '06124', formerDistrictCode: '182', confidence: 'source' }, // Xã Na Sầm
  { code: '06148', formerDistrictCode: '182', confidence: 'source' }, // Xã Thụy Hùng
  { code: '06151', formerDistrictCode: '182', confidence: 'source' }, // Xã Hội Hoan
  { code: '06154', formerDistrictCode: '182', confidence: 'source' }, // Xã Văn Lãng
  { code: '06172', formerDistrictCode: '182', confidence: 'source' }, // Xã Hoàng Văn Thụ
  { code: '06184', formerDistrictCode: '183', confidence: 'source' }, // Xã Đồng Đăng
  {
    code: '06187',
    formerDistrictCode: '178',
    confidence: 'uncertain',
    note: 'Source groups Kỳ Lừa under TP Lạng Sơn. Its listed predecessors are P. Hoàng Văn Thụ, TT Cao Lộc, Hợp Thành, Tân Liên, Gia Cát, and its code sits among the Cao Lộc-range codes, so Cao Lộc (183) may hold most of its territory. Which district the three communes belonged to was not checked.',
  }, // Phường Kỳ Lừa
  { code: '06196', formerDistrictCode: '183', confidence: 'source' }, // Xã Ba Sơn
  { code: '06211', formerDistrictCode: '183', confidence: 'source' }, // Xã Cao Lộc
  { code: '06220', formerDistrictCode: '183', confidence: 'source' }, // Xã Công Sơn
  { code: '06253', formerDistrictCode: '184', confidence: 'source' }, // Xã Văn Quan
  { code: '06280', formerDistrictCode: '184', confidence: 'source' }, // Xã Điềm He
  {
    code: '06286',
    formerDistrictCode: '183',
    confidence: 'uncertain',
    note: 'Source groups Khánh Khê under Cao Lộc (predecessors Xuân Long, Bình Trung, Khánh Khê), but its code sits among the Văn Quan-range codes, so Văn Quan (184) is possible. Not checked.',
  }, // Xã Khánh Khê
  { code: '06298', formerDistrictCode: '184', confidence: 'source' }, // Xã Yên Phúc
  { code: '06313', formerDistrictCode: '184', confidence: 'source' }, // Xã Tri Lễ
  {
    code: '06316',
    formerDistrictCode: '183',
    confidence: 'uncertain',
    note: 'Source groups Tân Đoàn under Cao Lộc (predecessors Tân Thành, Tràng Phái, Tân Đoàn), but its code sits among the Văn Quan-range codes, so Văn Quan (184) is possible. Not checked.',
  }, // Xã Tân Đoàn
  { code: '06325', formerDistrictCode: '185', confidence: 'source' }, // Xã Bắc Sơn
  { code: '06337', formerDistrictCode: '185', confidence: 'source' }, // Xã Tân Tri
  { code: '06349', formerDistrictCode: '185', confidence: 'source' }, // Xã Hưng Vũ
  { code: '06364', formerDistrictCode: '185', confidence: 'source' }, // Xã Vũ Lễ
  { code: '06367', formerDistrictCode: '185', confidence: 'source' }, // Xã Vũ Lăng
  { code: '06376', formerDistrictCode: '185', confidence: 'source' }, // Xã Nhất Hòa
  { code: '06385', formerDistrictCode: '186', confidence: 'source' }, // Xã Hữu Lũng
  { code: '06391', formerDistrictCode: '186', confidence: 'source' }, // Xã Yên Bình
  { code: '06400', formerDistrictCode: '186', confidence: 'source' }, // Xã Hữu Liên
  { code: '06415', formerDistrictCode: '186', confidence: 'source' }, // Xã Vân Nham
  { code: '06427', formerDistrictCode: '186', confidence: 'source' }, // Xã Cai Kinh
  { code: '06436', formerDistrictCode: '186', confidence: 'source' }, // Xã Thiện Tân
  { code: '06445', formerDistrictCode: '186', confidence: 'source' }, // Xã Tân Thành
  { code: '06457', formerDistrictCode: '186', confidence: 'source' }, // Xã Tuấn Sơn
  { code: '06463', formerDistrictCode: '187', confidence: 'source' }, // Xã Chi Lăng
  { code: '06475', formerDistrictCode: '187', confidence: 'source' }, // Xã Bằng Mạc
  { code: '06481', formerDistrictCode: '187', confidence: 'source' }, // Xã Chiến Thắng
  { code: '06496', formerDistrictCode: '187', confidence: 'source' }, // Xã Nhân Lý
  { code: '06505', formerDistrictCode: '187', confidence: 'source' }, // Xã Vạn Linh
  { code: '06517', formerDistrictCode: '187', confidence: 'source' }, // Xã Quan Sơn
  { code: '06526', formerDistrictCode: '188', confidence: 'source' }, // Xã Na Dương
  { code: '06529', formerDistrictCode: '188', confidence: 'source' }, // Xã Lộc Bình
  { code: '06541', formerDistrictCode: '188', confidence: 'source' }, // Xã Mẫu Sơn
  { code: '06565', formerDistrictCode: '189', confidence: 'source' }, // Xã Khuất Xá
  { code: '06577', formerDistrictCode: '188', confidence: 'source' }, // Xã Thống Nhất
  { code: '06601', formerDistrictCode: '188', confidence: 'source' }, // Xã Lợi Bác
  { code: '06607', formerDistrictCode: '188', confidence: 'source' }, // Xã Xuân Dương
  { code: '06613', formerDistrictCode: '189', confidence: 'source' }, // Xã Đình Lập
  { code: '06616', formerDistrictCode: '189', confidence: 'source' }, // Xã Thái Bình
  { code: '06625', formerDistrictCode: '189', confidence: 'source' }, // Xã Kiên Mộc
  { code: '06637', formerDistrictCode: '189', confidence: 'source' }, // Xã Châu Sơn
];
