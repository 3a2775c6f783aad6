/** Hand-curated facts per office that the generic table cannot give: sourced entries, customs, name order, holders. */

import type { Custom, Gender, Holder, Style } from '../types.js';

/** What curation may set on an office; everything else comes from `SEATS` and the kind's defaults. */
export interface Curation {
  readonly verified?: boolean;
  readonly style?: Style;
  readonly customs?: readonly Custom[];
  readonly nameOrder?: 'family-first' | 'given-first';
  readonly addressedBy?: 'family' | 'given';
  readonly gender?: Gender;
  readonly holder?: Holder;
  readonly note?: string;
}

const SECTION5 = 'protocol.md §5 (titles and salutations, sourced)';
const CONVENTION = 'protocol.md §5, marked (c): some forms rest on convention';

/**
 * The offices of protocol.md §5 (verified unless §5 marks a form "(c)"), plus the few generic offices whose facts
 * differ from the kind's defaults. Holders: ONLY those §5 names with a source; never add one without a source.
 */
export const CURATED: Readonly<Record<string, Curation>> = {
  cn: {
    verified: true,
    nameOrder: 'family-first',
    note: SECTION5,
    holder: {
      name: { en: 'Xi Jinping', ko: '시진핑', zh: '习近平' },
      family: { en: 'Xi', ko: '시', zh: '习' },
      gender: 'male',
      asOf: '2025-09-09',
      source: 'Xinhua 2025-09-09 ("国家主席"), cited in protocol.md §5',
    },
  },
  'cn/government': { nameOrder: 'family-first' },
  kp: {
    verified: false,
    nameOrder: 'family-first',
    note: CONVENTION,
    holder: {
      name: { en: 'Kim Jong Un', ko: '김정은', zh: '金正恩' },
      family: { en: 'Kim', ko: '김', zh: '金' },
      gender: 'male',
      asOf: '2025-09-09',
      source: 'Xinhua 2025-09-09 ("国务委员长"), cited in protocol.md §5',
    },
  },
  'kp/government': { nameOrder: 'family-first' },
  kr: {
    verified: true,
    nameOrder: 'family-first',
    note: SECTION5,
    holder: {
      name: { en: 'Lee Jae Myung', ko: '이재명', zh: '李在明' },
      family: { en: 'Lee', ko: '이', zh: '李' },
      gender: 'male',
      // The source is "ROK press, Nov 2025–Jan 2026" without a day: the first day of the latest month is the safe bound.
      asOf: '2026-01-01',
      source: 'ROK press, Nov 2025–Jan 2026, cited in protocol.md §5',
    },
  },
  us: { verified: true, customs: ['no-excellency'], note: SECTION5 },
  jp: { verified: true, note: SECTION5 },
  'jp/government': { verified: true, note: SECTION5 },
  ru: { verified: true, note: SECTION5 },
  gb: { verified: false, note: CONVENTION },
  'gb/government': { verified: true, note: SECTION5 },
  fr: { verified: true, note: SECTION5 },
  de: { verified: false, customs: ['no-excellency'], note: CONVENTION },
  'de/government': { verified: true, customs: ['no-excellency'], note: SECTION5 },
  mx: { customs: ['no-excellency'], note: 'zh custom without 阁下: protocol.md §1.3 (yaan.gov.cn)' },
  ca: { verified: true, note: SECTION5 },
  'ca/government': { verified: true, note: SECTION5 },
  mn: { verified: true, note: SECTION5 },
  vn: { verified: true, nameOrder: 'family-first', addressedBy: 'given', note: SECTION5 },
  'vn/government': { nameOrder: 'family-first', addressedBy: 'given' },
  la: { verified: true, note: SECTION5 },
  th: { verified: true, note: SECTION5 },
  au: { verified: true, note: SECTION5 },
  'au/government': { verified: true, note: SECTION5 },
  in: { verified: true, note: SECTION5 },
  br: { verified: true, note: SECTION5 },
  za: { verified: true, note: SECTION5 },
  kh: { nameOrder: 'family-first' },
  'kh/government': { nameOrder: 'family-first' },
  // The President of the UAE is styled His Highness (he is also Ruler of Abu Dhabi).
  ae: { style: 'Highness' },
  va: {
    verified: false,
    note: CONVENTION,
    holder: {
      name: { en: 'Leo XIV', ko: '레오 14세', zh: '良十四世' },
      asOf: '2025-05-10',
      source: 'elected 2025-05-08; Vatican News ko 2025-05-10, cited in protocol.md §5',
    },
  },
  un: {
    verified: true,
    note: SECTION5,
    holder: {
      name: { en: 'António Guterres' },
      gender: 'male',
      asOf: '2025-01-01',
      source: 'press.un.org pages 2024–25, cited in protocol.md §5; second term runs to 2026-12-31',
    },
  },
  'eu/council': {
    verified: false,
    note: CONVENTION,
    holder: {
      name: { en: 'António Costa' },
      gender: 'male',
      asOf: '2026-07-03',
      source: 'elected 2024-06-27 (sggp.org.vn); open-data-archive/world-leaders-current 2026-07-03; protocol.md §5',
    },
  },
  'eu/commission': {
    verified: false,
    note: CONVENTION,
    holder: {
      name: { en: 'Ursula von der Leyen' },
      family: { en: 'von der Leyen' },
      gender: 'female',
      asOf: '2026-07-03',
      source: 'open-data-archive/world-leaders-current 2026-07-03, cited in protocol.md §5',
    },
  },
};
