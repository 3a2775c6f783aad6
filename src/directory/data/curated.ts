/** Hand-curated facts per office that the generic table cannot give: sourced entries, customs, name order, holders. */

import type { Caveat, Custom, Gender, Holder, OfficeChange, Style } from '../types.js';

/** What curation may set on an office; everything else comes from `SEATS` and the kind's defaults. */
export interface Curation {
  readonly verified?: boolean;
  readonly style?: Style;
  readonly customs?: readonly Custom[];
  readonly nameOrder?: 'family-first' | 'given-first';
  readonly addressedBy?: 'family' | 'given';
  readonly gender?: Gender;
  /** Terms, oldest first, each with its source: never a holder without one. */
  readonly holders?: readonly Holder[];
  /** People holding the office at once, where the kind does not say (it does for Captains Regent and Co-Princes). */
  readonly seats?: number;
  readonly caveat?: Caveat;
  readonly note?: string;
  /** A dated change of the office's kind, with its source: letters dated before it go to the former office. */
  readonly changed?: OfficeChange;
}

const SECTION5 = 'protocol.md §5 (titles and salutations, sourced)';
const CONVENTION = 'protocol.md §5, marked (c): some forms rest on convention';
// The English address block's style where protocol.md gives one other than "H.E." (locales/en/directory.json
// offices.<id>.address): Commonwealth prime ministers and governors-general (§5 rows UK, Canada, Australia; §1.1
// Governor-General row: formsofaddress.info/governor_general, Wikipedia "Australian honorifics" citing gg.gov.au) and
// the US President (§1.1: "His Excellency the Honourable", Canadian Heritage, Styles of address – foreign dignitaries).
const styleOf = (style: string, row: string) => `en address style "${style}": protocol.md ${row}`;

// Holder sources. Each holder below names one; the day is the one the source reported it on (`asOf`).
const ODA =
  'open-data-archive/world-leaders-current, snapshot 2026-08-22 (git b06a144; Wikidata/Wikipedia, CC BY-SA 4.0), data/by-region/{g20,asean}/leaders.csv';
const ODA_DAY = '2026-08-22';
// A Wikidata-derived table whose stored copy carries no date; its newest rows start in 2026, so 2026-01-01 is the
// safe bound for asOf (these holders read as stale until someone re-checks them).
const EPS =
  'every-politician-scrapers/world-leaders-2021 data/wikidata.csv (stored copy 05e3baa, Wikidata-derived, rows starting 2026)';
const EPS_DAY = '2026-01-01';
const KO_PRESS =
  'ko names: seoul.co.kr 2025-09-24, fnnews.com 2025-09-23 (도널드 트럼프, 에마뉘엘 마크롱, 안토니우 구테흐스)';

/** A holder reported by the G20/ASEAN snapshot; `from` is the snapshot's "since". */
const oda = (en: string, from: string | undefined, more: Partial<Holder> = {}): Holder => ({
  name: { en },
  ...(from ? { from } : {}),
  asOf: ODA_DAY,
  source: ODA,
  ...more,
});
/** A holder from the undated Wikidata-derived table (start year only, so no `from`). */
const eps = (en: string, more: Partial<Holder> = {}): Holder => ({
  name: { en },
  asOf: EPS_DAY,
  source: EPS,
  ...more,
});
const family = (en: string) => ({ family: { en } });

/**
 * The offices of protocol.md §5 (verified unless §5 marks a form "(c)"), the offices whose titles a review corrected
 * (each with its source), and holders: ONLY with a source; never add one without a source. Each office's facts are
 * made when it is first looked up (offices.ts makes an office once): a letter asks for one or two, and building all of
 * them at every start was ~3 M instructions of a one-letter build.
 */
export const CURATED: Readonly<Record<string, () => Curation>> = {
  cn: () => ({
    verified: true,
    nameOrder: 'family-first',
    note: SECTION5,
    holders: [
      {
        name: { en: 'Xi Jinping', ko: '시진핑', zh: '习近平' },
        family: { en: 'Xi', ko: '시', zh: '习' },
        gender: 'male',
        from: '2013-03-14',
        asOf: ODA_DAY,
        source: `Xinhua 2025-09-09 ("国家主席"), cited in protocol.md §5; ${ODA}`,
      },
    ],
  }),
  'cn/government': () => ({
    nameOrder: 'family-first',
    // 李强 is the snapshot's local name; 리창 is protocol.md §2's example of Mandarin-sound transcription.
    holders: [
      oda('Li Qiang', '2023-03-11', {
        name: { en: 'Li Qiang', ko: '리창', zh: '李强' },
        family: { en: 'Li', ko: '리', zh: '李' },
      }),
    ],
  }),
  kp: () => ({
    verified: false,
    nameOrder: 'family-first',
    note: CONVENTION,
    // protocol.md §5 dates the English title; it gives none for before (ko 국무위원장, zh 国务委员长 did not change).
    caveat: {
      kind: 'retitled',
      text: "'President of the State Affairs' is KCNA's English title since February 2021; a letter dated before then gets a title the office did not yet use in English: give the English title of that day, and the salutation (and vocative) that go with it, in letter.yaml.",
      source: 'protocol.md §5 (KCNA English since Feb 2021, KBS 2021-02-16)',
      until: '2021-02-15',
      langs: ['en'],
      answeredBy: ['title', 'salutation', 'vocative'],
    },
    holders: [
      {
        name: { en: 'Kim Jong Un', ko: '김정은', zh: '金正恩' },
        family: { en: 'Kim', ko: '김', zh: '金' },
        gender: 'male',
        asOf: '2025-09-09',
        source: 'Xinhua 2025-09-09 ("国务委员长"), cited in protocol.md §5',
      },
    ],
  }),
  'kp/government': () => ({ nameOrder: 'family-first' }),
  kr: () => ({
    verified: true,
    nameOrder: 'family-first',
    // 각하 is avoided in ROK use since the Kim Dae-jung era (protocol.md §1.2); §5's ROK row gives 대통령님께 only.
    customs: ['no-gakha'],
    note: `${SECTION5}; ko 님, not 각하, in both registers: protocol.md §1.2 (ko.wikipedia "각하", JTBC 2015)`,
    holders: [
      {
        name: { en: 'Lee Jae Myung', ko: '이재명', zh: '李在明' },
        family: { en: 'Lee', ko: '이', zh: '李' },
        gender: 'male',
        from: '2025-06-04',
        asOf: ODA_DAY,
        source: `${ODA} (local name 이재명); zh 李在明: protocol.md §2`,
      },
    ],
  }),
  us: () => ({
    verified: true,
    customs: ['no-excellency'],
    note: `${SECTION5}; "Dear Mr. President" / "Dear Madam President" is the US custom (protocol.md §1.1, §5); ${styleOf('H.E. the Hon', '§1.1 US row')}`,
    // Gender: Wikidata Q22686 (sex or gender: male), which the snapshot's record points to.
    // zh: PRC press names foreign leaders by surname (特朗普: People's Daily copy at hengyuejishu.com; 新华社).
    holders: [
      oda('Donald Trump', '2025-01-20', {
        name: { en: 'Donald Trump', ko: '도널드 트럼프', zh: '特朗普' },
        gender: 'male',
        source: `${ODA}; ${KO_PRESS}; zh 特朗普: People's Daily (唐纳德·特朗普)`,
      }),
    ],
  }),
  jp: () => ({ verified: true, note: SECTION5, holders: [oda('Naruhito', '2019-05-01')] }),
  'jp/government': () => ({ verified: true, note: SECTION5, holders: [oda('Sanae Takaichi', '2025-10-21')] }),
  ru: () => ({ verified: true, note: SECTION5, holders: [oda('Vladimir Putin', '2012-05-07')] }),
  'ru/government': () => ({ holders: [oda('Mikhail Mishustin', '2020-01-16')] }),
  gb: () => ({ verified: false, note: CONVENTION, holders: [oda('Charles III', '2022-09-08')] }),
  'gb/government': () => ({
    verified: true,
    note: `${SECTION5}; ${styleOf('The Rt Hon', '§5 UK')}`,
    // The 2026-07-03 snapshot (README of git 0243afe) still had Keir Starmer; the 2026-08-22 one has Andy Burnham
    // from 2026-07-20, which ends the earlier term the day before.
    holders: [oda('Keir Starmer', '2024-07-05', { until: '2026-07-19' }), oda('Andy Burnham', '2026-07-20')],
  }),
  fr: () => ({
    verified: true,
    note: SECTION5,
    holders: [
      oda('Emmanuel Macron', '2017-05-14', {
        name: { en: 'Emmanuel Macron', ko: '에마뉘엘 마크롱', zh: '马克龙' },
        gender: 'male',
        source: `${ODA}; ${KO_PRESS}; zh 马克龙: Xinhua 2024-05-12 ("马克龙总统", tonggei.cn copy)`,
      }),
    ],
  }),
  'fr/government': () => ({ holders: [oda('Sébastien Lecornu', '2025-09-09')] }),
  de: () => ({
    verified: false,
    customs: ['no-excellency'],
    note: CONVENTION,
    holders: [oda('Frank-Walter Steinmeier', '2017-03-19')],
  }),
  'de/government': () => ({
    verified: true,
    customs: ['no-excellency'],
    note: SECTION5,
    holders: [oda('Friedrich Merz', '2025-05-06')],
  }),
  mx: () => ({
    customs: ['no-excellency'],
    note: 'zh custom without 阁下: protocol.md §1.3 (yaan.gov.cn)',
    // Gender: Wikidata Q5771800 (female).
    holders: [oda('Claudia Sheinbaum', '2024-10-01', { gender: 'female' })],
  }),
  ca: () => ({ verified: true, note: `${SECTION5}; ${styleOf('H.E. the Rt Hon', '§5 Canada, §1.1')}` }),
  'ca/government': () => ({
    verified: true,
    note: `${SECTION5}; ${styleOf('The Rt Hon', '§5 Canada')}`,
    holders: [oda('Mark Carney', undefined)],
  }),
  mn: () => ({ verified: true, note: SECTION5, holders: [eps('Khurelsukh Ukhnaa', family('Khurelsukh'))] }),
  'mn/government': () => ({ holders: [eps('Uchral Nyam-Osor', family('Uchral'))] }),
  vn: () => ({
    verified: true,
    nameOrder: 'family-first',
    addressedBy: 'given',
    note: SECTION5,
    holders: [oda('Tô Lâm', '2026-04-07')],
  }),
  'vn/government': () => ({
    nameOrder: 'family-first',
    addressedBy: 'given',
    holders: [oda('Lê Minh Hưng', '2026-04-07')],
  }),
  // Lao usage addresses people by their first name ("President Thongloun").
  la: () => ({
    verified: true,
    note: SECTION5,
    holders: [oda('Thongloun Sisoulith', '2021-03-22', family('Thongloun'))],
  }),
  'la/government': () => ({ holders: [oda('Sonexay Siphandone', '2022-12-30', family('Sonexay'))] }),
  th: () => ({ verified: true, note: SECTION5, holders: [oda('Vajiralongkorn', '2016-10-13')] }),
  // Thai usage addresses people by their first name ("Prime Minister Anutin").
  'th/government': () => ({ holders: [oda('Anutin Charnvirakul', '2025-09-07', family('Anutin'))] }),
  au: () => ({ verified: true, note: `${SECTION5}; ${styleOf('H.E. the Hon', '§5 Australia, §1.1')}` }),
  'au/government': () => ({
    verified: true,
    note: `${SECTION5}; ${styleOf('The Hon', '§5 Australia')}`,
    holders: [oda('Anthony Albanese', '2022-05-23')],
  }),
  in: () => ({
    verified: true,
    note: SECTION5,
    holders: [oda('Droupadi Murmu', '2022-07-25', { gender: 'female' })],
  }),
  'in/government': () => ({ holders: [oda('Narendra Modi', '2014-05-26')] }),
  br: () => ({
    verified: true,
    note: SECTION5,
    holders: [oda('Luiz Inácio Lula da Silva', '2023-01-01', family('Lula'))],
  }),
  za: () => ({ verified: true, note: SECTION5, holders: [oda('Cyril Ramaphosa', '2018-02-15')] }),
  ar: () => ({ holders: [oda('Javier Milei', '2023-12-10')] }),
  // Indonesian names: "President Prabowo".
  id: () => ({ holders: [oda('Prabowo Subianto', '2024-10-20', family('Prabowo'))] }),
  it: () => ({ holders: [oda('Sergio Mattarella', '2015-02-03')] }),
  'it/government': () => ({ holders: [oda('Giorgia Meloni', '2022-10-22', { gender: 'female' })] }),
  tr: () => ({ holders: [oda('Recep Tayyip Erdoğan', '2014-08-28')] }),
  // The snapshot's Saudi head-of-state row names the Crown Prince as King (an error of the source): no King here.
  'sa/government': () => ({ holders: [oda('Mohammed bin Salman', '2022-09-27')] }),
  bn: () => ({ holders: [oda('Hassanal Bolkiah', '1984-01-01')] }),
  kh: () => ({ nameOrder: 'family-first', holders: [oda('Norodom Sihamoni', '2004-10-29')] }),
  'kh/government': () => ({ nameOrder: 'family-first', holders: [oda('Hun Manet', '2023-08-22')] }),
  // Malay names: "Prime Minister Anwar".
  'my/government': () => ({ holders: [oda('Anwar Ibrahim', '2022-11-24', family('Anwar'))] }),
  sg: () => ({ holders: [oda('Tharman Shanmugaratnam', '2023-09-14', family('Tharman'))] }),
  'sg/government': () => ({ holders: [oda('Lawrence Wong', '2024-05-15')] }),
  mm: () => ({
    caveat: {
      kind: 'contested',
      text: 'Myanmar has been ruled by its military since the February 2021 coup; the presidency its commander took in 2026 follows elections many governments and the UN do not recognise as free. Writing to it may be read as recognition.',
      source: `${ODA} (President Min Aung Hlaing since 2026-04-10)`,
    },
    // Burmese names have no family name: "President Min Aung Hlaing".
    holders: [oda('Min Aung Hlaing', '2026-04-10', family('Min Aung Hlaing'))],
  }),
  af: () => ({
    caveat: {
      kind: 'contested',
      text: 'The Taliban government (the Islamic Emirate, led by its Supreme Leader) is recognised by very few states; most governments and the UN deal with it without recognising it.',
    },
  }),
  ht: () => ({
    caveat: {
      kind: 'transitional',
      text: "Haiti has had no president since July 2021; the Transitional Presidential Council's mandate ended on 2026-02-07, and the Council of Ministers under the Prime Minister holds executive power until elections.",
      source:
        'caribbeantoday.com, "Haiti\'s Transitional Presidential Council Mandate Ends" (2026-02-07); haitian-truth.org / Miami Herald 2026-02-04',
    },
    note: 'The head of state seat is vacant: `ht` is the Prime Minister, who holds executive power (see the caveat).',
    holders: [
      {
        name: { en: 'Alix Didier Fils-Aimé' },
        family: { en: 'Fils-Aimé' },
        asOf: '2026-02-07',
        source:
          'caribbeantoday.com 2026-02-07 (the council hands executive power to Prime Minister Fils-Aimé)',
      },
    ],
  }),
  sd: () => ({
    caveat: {
      kind: 'transitional',
      text: 'Sudan is governed by a military-led Sovereignty Council, chaired by the army chief, during a civil war with the Rapid Support Forces; a rival authority claims parts of the country.',
      source: 'trt.global 2025-05-19 (SUNA); middleeastmonitor.com 2025-06-01',
    },
    note: 'Head of state: Chairman of the Transitional Sovereignty Council (trt.global 2025-05-19; middleeastmonitor.com 2025-06-01).',
    holders: [
      {
        name: { en: 'Abdel Fattah al-Burhan' },
        family: { en: 'al-Burhan' },
        asOf: '2025-05-19',
        source:
          'trt.global 2025-05-19 ("Chairman of Sudan\'s Sovereign Council General Abdel Fattah al-Burhan")',
      },
    ],
  }),
  'sd/government': () => ({
    holders: [
      {
        name: { en: 'Kamil Idris' },
        from: '2025-05-31',
        asOf: '2025-06-01',
        source: 'middleeastmonitor.com 2025-06-01 (sworn in on Saturday 2025-05-31)',
      },
    ],
  }),
  ws: () => ({
    note: 'Head of state: the O le Ao o le Malo (Wikidata Q1258128, in every-politician-scrapers/world-leaders-2021).',
    style: 'Highness',
    holders: [eps('Tuimalealiʻifano Vaʻaletoa Sualauvi II')],
  }),
  'kg/government': () => ({
    note: "Chairman of the Cabinet of Ministers (and head of the Presidential Administration) since 2021: 1news.az 2024-12-18, quoting the President's decree.",
    holders: [
      {
        name: { en: 'Adylbek Kasymaliev' },
        from: '2024-12-18',
        asOf: '2024-12-18',
        source: 'president.kg decree quoted by 1news.az 2024-12-18 ("председателем Кабинета министров")',
      },
    ],
  }),
  'bd/government': () => ({
    note: 'From 2024-08-08 to 2026-02-17 an interim government was led by Chief Adviser Muhammad Yunus (no prime minister); Tarique Rahman was sworn in as Prime Minister on 2026-02-17 (nationalheraldindia.com, menafn.com 2026-02-17).',
    // The note's interim government, for letters dated in it: the directory has no title for the Chief Adviser in
    // ko or zh, so the letter must give it.
    caveat: {
      kind: 'transitional',
      text: "From 2024-08-08 to 2026-02-17 Bangladesh had no Prime Minister: an interim government was led by Chief Adviser Muhammad Yunus. A letter dated then is addressed to the Prime Minister, an office no one held; give the Chief Adviser's title, salutation (and vocative) and name in letter.yaml.",
      source: 'nationalheraldindia.com, menafn.com 2026-02-17',
      from: '2024-08-08',
      until: '2026-02-16',
      answeredBy: ['title', 'salutation', 'vocative'],
    },
    holders: [
      {
        name: { en: 'Tarique Rahman' },
        from: '2026-02-17',
        asOf: '2026-02-17',
        source:
          'nationalheraldindia.com 2026-02-17 ("sworn in as Bangladesh\'s prime minister on Tuesday, 17 February")',
      },
    ],
  }),
  ni: () => ({
    note: 'Co-Presidents since the constitutional reform ratified in January 2025 (helm.news 2025-01-31).',
    // The reform's day is not in the source: the co-presidency is known from the source's report on. Before it the
    // office was one President (the table's entry before the review, 7f252c7: ['president', '=']).
    changed: {
      on: '2025-01-31',
      formerKind: 'president',
      source: 'helm.news 2025-01-31 (Co-Presidents since the constitutional reform ratified in January 2025)',
    },
    caveat: {
      kind: 'joint',
      text: 'Nicaragua has two Co-Presidents (Daniel Ortega and Rosario Murillo) since the 2025 constitutional reform; letters address both.',
      source: 'helm.news 2025-01-31',
    },
    holders: [
      eps('Daniel Ortega', {
        with: [{ name: { en: 'Rosario Murillo' } }],
        source: `${EPS} (both as President of Nicaragua from 2025); helm.news 2025-01-31`,
      }),
    ],
  }),
  tg: () => ({
    note: 'Since the Fifth Republic (2025-05-03) the President of the Republic is ceremonial; the President of the Council of Ministers holds executive power.',
  }),
  'tg/government': () => ({
    note: 'President of the Council of Ministers since 2025-05-03 (actu-togo.tg 2025-05-03; republicoftogo.com).',
    // Before the Fifth Republic the head of government was a Prime Minister (the table's entry before the review,
    // 7f252c7: ['president', 'prime-minister']).
    changed: {
      on: '2025-05-03',
      formerKind: 'prime-minister',
      source:
        'actu-togo.tg 2025-05-03 (the President of the Council of Ministers takes office with the Fifth Republic)',
    },
    holders: [
      {
        name: { en: 'Faure Gnassingbé' },
        from: '2025-05-03',
        asOf: '2025-05-03',
        source:
          'actu-togo.tg 2025-05-03 ("a prêté serment … en tant que Président du Conseil des ministres")',
      },
    ],
  }),
  sm: () => ({
    caveat: {
      kind: 'rotating',
      text: 'San Marino has two Captains Regent at once, elected for six months (1 April and 1 October); letters address both, and their names change twice a year.',
    },
  }),
  ad: () => ({
    caveat: {
      kind: 'joint',
      text: 'Andorra has two Co-Princes, the Bishop of Urgell and the President of France; letters address both.',
    },
    holders: [
      eps('Josep-Lluís Serrano Pentinat', {
        with: [{ name: { en: 'Emmanuel Macron' } }],
        source: `${EPS} (Episcopal Co-Prince from 2025; French Co-Prince Q3052772 = Emmanuel Macron, from 2017)`,
      }),
    ],
  }),
  ch: () => ({
    caveat: {
      kind: 'rotating',
      text: 'The Swiss Federal Council of seven is the collective head of state; its President is one of them for one calendar year.',
    },
    holders: [
      eps('Guy Parmelin', {
        from: '2026-01-01',
        until: '2026-12-31',
        source: `${EPS} (President of the Swiss Confederation, 2026; the presidency is one calendar year)`,
      }),
    ],
  }),
  ba: () => ({
    caveat: {
      kind: 'rotating',
      text: 'Bosnia and Herzegovina has a three-member Presidency whose Chair rotates every eight months; a letter to the Chair may be meant for all three members.',
    },
  }),
  bf: () => ({
    caveat: {
      kind: 'transitional',
      text: 'Burkina Faso is ruled by a military transitional government since the 2022 coups.',
      source: EPS,
    },
  }),
  ml: () => ({
    caveat: {
      kind: 'transitional',
      text: 'Mali is ruled by a military transitional government since the 2020–21 coups.',
      source: `${EPS} (President of Mali Assimi Goïta, 2021)`,
    },
  }),
  ne: () => ({
    caveat: {
      kind: 'transitional',
      text: 'Niger is ruled by a military government since the July 2023 coup.',
      source: EPS,
    },
  }),
  mg: () => ({
    caveat: {
      kind: 'transitional',
      text: 'Madagascar is led by a military officer who took power in October 2025.',
      source: `${EPS} (President of Madagascar Michael Randrianirina, 2025)`,
    },
  }),
  gw: () => ({
    caveat: {
      kind: 'transitional',
      text: 'Guinea-Bissau is led by a military transitional authority since November 2025.',
      source: `${EPS} (President of Guinea-Bissau Horta Inta-A Na Man, 2025)`,
    },
  }),
  sy: () => ({
    caveat: {
      kind: 'transitional',
      text: 'Syria has a transitional president since the fall of the previous government in December 2024.',
      source: `${EPS} (President of Syria Ahmed al-Sharaa, 2025)`,
    },
  }),
  ly: () => ({
    caveat: {
      kind: 'contested',
      text: 'Libya has rival governments in Tripoli and the east; the Presidential Council is the one the UN recognises.',
      source: `${EPS} (Chairman of the Presidential Council; two Prime Ministers listed)`,
    },
  }),
  ye: () => ({
    caveat: {
      kind: 'contested',
      text: "Yemen's Presidential Leadership Council is the internationally recognised authority; the Houthis hold the capital and much of the north.",
    },
  }),
  // UN Security Council members of 2026 and others whose holders the Wikidata-derived table gives.
  dk: () => ({ holders: [eps('Frederik X')] }),
  'dk/government': () => ({ holders: [eps('Mette Frederiksen', { gender: 'female' })] }),
  gr: () => ({ holders: [eps('Konstantinos Tasoulas')] }),
  'gr/government': () => ({ holders: [eps('Kyriakos Mitsotakis')] }),
  pk: () => ({ holders: [eps('Asif Ali Zardari')] }),
  'pk/government': () => ({ holders: [eps('Shehbaz Sharif')] }),
  pa: () => ({ holders: [eps('José Raúl Mulino')] }),
  lv: () => ({ holders: [eps('Edgars Rinkēvičs')] }),
  lr: () => ({ holders: [eps('Joseph Boakai')] }),
  cd: () => ({ holders: [eps('Félix Tshisekedi')] }),
  'cd/government': () => ({ holders: [eps('Judith Suminwa', { gender: 'female' })] }),
  // The President of the UAE is styled His Highness (he is also Ruler of Abu Dhabi).
  ae: () => ({ style: 'Highness' }),
  va: () => ({
    verified: false,
    note: `${CONVENTION}; zh writes 教宗 (the Holy See's and Catholic usage); PRC media also write 教皇 (a search alias)`,
    holders: [
      {
        name: { en: 'Leo XIV', ko: '레오 14세', zh: '良十四世' },
        from: '2025-05-08',
        asOf: '2025-05-10',
        source: 'elected 2025-05-08; Vatican News ko 2025-05-10, cited in protocol.md §5',
      },
    ],
  }),
  un: () => ({
    verified: true,
    note: SECTION5,
    holders: [
      {
        name: { en: 'António Guterres', ko: '안토니우 구테흐스', zh: '古特雷斯' },
        gender: 'male',
        from: '2017-01-01',
        until: '2026-12-31',
        asOf: '2025-01-01',
        source: `press.un.org pages 2024–25, cited in protocol.md §5 (second term 2022-01-01 to 2026-12-31); ${KO_PRESS}; zh 古特雷斯: Xinhua 2025-08-31 (crntt.com copy, "联合国秘书长古特雷斯")`,
      },
    ],
  }),
  'eu/council': () => ({
    verified: false,
    note: CONVENTION,
    holders: [
      oda('António Costa', '2024-12-01', {
        gender: 'male',
        source: `elected 2024-06-27 (sggp.org.vn, protocol.md §5); ${ODA}`,
      }),
    ],
  }),
  'eu/commission': () => ({
    verified: false,
    note: CONVENTION,
    holders: [
      oda('Ursula von der Leyen', '2019-12-01', { family: { en: 'von der Leyen' }, gender: 'female' }),
    ],
  }),
};
