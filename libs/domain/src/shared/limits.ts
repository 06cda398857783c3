/**
 * Every length limit of the inputs, defined once: the domain's checks and the API's DTOs (GraphQL
 * and the agency API) read them from here. Lengths count characters as a person does: Unicode
 * code points, so a character outside the Basic Multilingual Plane (𠀀) is one, not two.
 */
export const TEXT_LIMITS = {
  /** the child's name (a Chinese name is 2-4 characters; transliterated ones run longer) */
  childName: 50,
  /** a guardian: a person or an organisation (杭州市上城区民政局) */
  guardianName: 100,
  /** the guardian's relation to the child (祖母, 姨妈) */
  relation: 50,
  sourceDetail: 500,
  /** why: a closure, a reopening, a correction, the end of a programme */
  reason: 500,
  notes: 2000,
  caseworkerId: 128,
  docketNumber: 100,
  petitioner: 200,
} as const;

/** The number of characters (code points) of a text. */
export function textLength(value: string): number {
  let length = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // a high surrogate followed by a low one is one character
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}
