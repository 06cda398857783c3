/**
 * Names of the courts, procuratorates and bureaus a demo case meets, by county code: real-looking
 * for Zibo's districts and counties (淄博市张店区人民法院), fictional-plausible for the province
 * preset, whose county codes are invented.
 */
const ZIBO: Record<string, string> = {
  '370302': '淄博市淄川区',
  '370303': '淄博市张店区',
  '370304': '淄博市博山区',
  '370305': '淄博市临淄区',
  '370306': '淄博市周村区',
  '370321': '桓台县',
  '370322': '高青县',
  '370323': '沂源县',
};
const ZHEJIANG_CITIES = [
  '杭州市',
  '宁波市',
  '温州市',
  '嘉兴市',
  '湖州市',
  '绍兴市',
  '金华市',
  '衢州市',
  '舟山市',
  '台州市',
  '丽水市',
];
const INVENTED_DISTRICTS = [
  '城东区',
  '城西区',
  '江滨区',
  '湖畔区',
  '山前区',
  '新城区',
  '溪口县',
  '云岭县',
];
const PROVINCE_SHORT: Record<string, string> = { '33': '浙', '37': '鲁' };

/** 淄博市张店区, 桓台县 (Zibo's counties go by their own name), 杭州市城东区 (invented). */
export function countyName(county: string): string {
  if (ZIBO[county]) return ZIBO[county];
  const city = ZHEJIANG_CITIES[Number(county.slice(2, 4)) - 1] ?? '某市';
  return city + INVENTED_DISTRICTS[Number(county.slice(4, 6)) % INVENTED_DISTRICTS.length];
}

/** A county seat's agencies: 张店区 courts are 淄博市张店区人民法院; Zibo's counties, 桓台县人民法院. */
export const courtOf = (county: string) => `${countyName(county)}人民法院`;
export const procuratorateOf = (county: string) => `${countyName(county)}人民检察院`;
export const civilAffairsOf = (county: string) => `${countyName(county)}民政局`;

/** A special-procedure docket (民特), as a court of that county numbers it: (2025)鲁0303民特57号. */
export const docketNumber = (year: string, county: string, sequence: number) =>
  `(${year})${PROVINCE_SHORT[county.slice(0, 2)] ?? ''}${county.slice(2)}民特${sequence}号`;
