/**
 * One message per rule: what a refused field reads, wherever the rule is checked (the domain,
 * the API's DTOs, GraphQL's own coercion of a value). Messages name rules, never values.
 */
export const MESSAGES = {
  required: 'is required',
  text: (max: number) => `must be non-empty text of at most ${max} characters`,
  optionalText: (max: number) => `must be text of at most ${max} characters`,
  date: 'must be a calendar date YYYY-MM-DD',
  dateTime: 'must be an ISO-8601 date-time with an offset',
  month: 'must be a month YYYY-MM',
  notInFuture: 'must not be in the future',
  beforeIdentification: 'is before the case was identified',
  beforeBirth: 'is before the birth date',
  villageCode: 'must be a 12-digit village or community code',
  regionPrefix: 'must be a region code prefix of 2, 4, 6, 9 or 12 digits',
  oneOf: (values: readonly (string | number)[]) => `must be one of ${values.join(', ')}`,
  boolean: 'must be true or false',
  integer: 'must be an integer',
  number: 'must be a number',
  string: 'must be text',
  riskScore: 'must be an integer from 0 to 3',
  revision: 'must be a revision number (0 or more)',
  caseId: 'must be a case id (a UUID)',
  /** consistentWith: what a mutation answered */
  position: 'must be a position returned by a mutation',
  cursor: 'not a cursor of this list',
  pageSize: (max: number) => `must be between 1 and ${max}`,
  offset: 'must be 0 or more',
  yuan: 'must be an amount in yuan with at most two decimals, e.g. "1978.00"',
  positiveAmount: 'must be more than 0.00',
  atLeastOneCategory: 'must name at least one category',
  noMonthlyAllowance: (categories: readonly string[]) =>
    `no monthly allowance is paid for this category (only for ${categories.join(', ')})`,
  object: 'must be an object',
  list: 'must be a list',
  unknownField: 'is not a field of this input',
  /** a resident ID number (GB 11643), by what is wrong with it */
  idNumber: {
    shape: 'must be 17 digits followed by a digit or X',
    checkDigit: 'check character does not match (GB 11643)',
    birthDate: 'characters 7-14 are not a calendar date',
    bornAfterToday: 'birth date is in the future',
  },
} as const;

/** The message of a refusal naming bad fields (the fields themselves travel alongside). */
export function invalidInputMessage(fields: readonly { field: string }[]): string {
  return `invalid input: ${fields.map((f) => f.field).join(', ')}`;
}
