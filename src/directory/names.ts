/** Family names: taken from the holder data, or derived from a full name by the office's name order. */

import { HAN_OR_HANGUL } from '../unicode/index.js';
import type { Office } from './types.js';

// Two-character family names, so that 欧阳修 gives 欧阳 and 남궁민 gives 남궁 rather than the first character.
const COMPOUND_FAMILY = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '长孙',
  '慕容',
  '司徒',
  '令狐',
  '夏侯',
  '端木',
  '남궁',
  '황보',
  '제갈',
  '선우',
  '독고',
  '사공',
  '서문',
];

// Name parts are separated by spaces, or in Chinese transcriptions of foreign names by a middle dot (埃马纽埃尔·马克龙).
const PART_SEPARATOR = /[\s·・‧]+/u;

/** Offices whose holders go by a regnal name ("Charles III", "Leo XIV") have no family name to derive. */
export function hasRegnalName(office: Office): boolean {
  return (
    office.style === 'Majesty' ||
    office.style === 'Holiness' ||
    ['emir', 'grand-duke', 'prince'].includes(office.kind)
  );
}

/**
 * The part of `name` that follows a short title ("President Xi", "President Macron"): for family-first names the
 * first part (or, written without spaces in Han or Hangul, the first syllable or a known two-syllable family name),
 * otherwise the last part. Undefined for regnal names.
 */
export function deriveFamilyName(name: string, office: Office): string | undefined {
  if (hasRegnalName(office)) return undefined;
  const parts = name.trim().split(PART_SEPARATOR).filter(Boolean);
  if (parts.length === 0) return undefined;
  const familyFirst = office.nameOrder === 'family-first' && office.addressedBy === 'family';
  if (parts.length > 1) return familyFirst ? parts[0] : parts[parts.length - 1];
  const only = parts[0]!;
  if (familyFirst && HAN_OR_HANGUL.everyIn(only) && [...only].length >= 2) {
    const compound = COMPOUND_FAMILY.find((f) => only.startsWith(f) && [...only].length > 2);
    return compound ?? [...only][0];
  }
  return only;
}
