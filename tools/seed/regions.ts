/** Fictional but well-formed administrative codes for the demo presets (GB/T 2260 shapes). */
export interface RegionPreset {
  name: string;
  /** the prefix civil affairs of the preset acts in */
  root: string;
  counties: string[];
  townships: number;
  villagesPerTownship: number;
  children: number;
}

// Zibo (3703): 5 districts and 3 counties; 88 township stations; 2,953 child directors.
const ZIBO_COUNTIES = [
  '370302',
  '370303',
  '370304',
  '370305',
  '370306',
  '370321',
  '370322',
  '370323',
];

// Zhejiang (33): 11 cities, a few counties each (enough townships for a province-sized load).
const ZHEJIANG_COUNTIES = Array.from(
  { length: 11 },
  (_, c) => `33${String(c + 1).padStart(2, '0')}`,
).flatMap((city) =>
  Array.from({ length: 8 }, (_, k) => `${city}${String(k + 2).padStart(2, '0')}`),
);

export const PRESETS: Record<string, RegionPreset> = {
  zibo: {
    name: 'Zibo',
    root: '3703',
    counties: ZIBO_COUNTIES,
    townships: 88,
    villagesPerTownship: 34,
    children: 1312,
  },
  province: {
    name: 'Zhejiang',
    root: '33',
    counties: ZHEJIANG_COUNTIES,
    townships: 1320,
    villagesPerTownship: 20,
    children: 65000, // about 1.01 million events
  },
};

export interface Township {
  code: string;
  villages: string[];
}

/** Townships spread over the counties in turn, each with its villages. */
export function townshipsOf(preset: RegionPreset): Township[] {
  return Array.from({ length: preset.townships }, (_, i) => {
    const county = preset.counties[i % preset.counties.length];
    const code = `${county}${String(Math.floor(i / preset.counties.length) + 1).padStart(3, '0')}`;
    const villages = Array.from(
      { length: preset.villagesPerTownship },
      (_, v) => `${code}${String(v + 1).padStart(3, '0')}`,
    );
    return { code, villages };
  });
}
