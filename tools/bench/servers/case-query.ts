/** The query both servers answer: a case screen without the personal fields (no access-log write). */
export const CASE_QUERY = `query Case($id: ID!) {
  case(id: $id) {
    id status regionCode categories riskLevel birthDate
    child { idNumberMasked }
    guardian { kind name relation }
    caseworkerId
    programmes { programme from to monthlyAmount coverageShare fastTrack }
    nextVisitDue revision
  }
}`;

/** The same shape for the bare server, enums and scalars as strings: it only serves a constant. */
export const BARE_SCHEMA = `
  type ChildInfo { idNumberMasked: String! }
  type GuardianInfo { kind: String! name: String! relation: String }
  type BenefitEntitlement {
    programme: String! from: String! to: String monthlyAmount: String coverageShare: Int fastTrack: Boolean!
  }
  type Case {
    id: ID! status: String! regionCode: String! categories: [String!]! riskLevel: String
    birthDate: String! child: ChildInfo! guardian: GuardianInfo caseworkerId: ID
    programmes: [BenefitEntitlement!]! nextVisitDue: String revision: Int!
  }
  type Query { case(id: ID!, consistentWith: String): Case }
`;

/** What the bare server answers when the real server gave no answer to copy (a typical case). */
export const SAMPLE_CASE = {
  id: '00000000-0000-4000-8000-000000000000',
  status: 'ENROLLED',
  regionCode: '370302001001',
  categories: ['DE_FACTO_UNSUPPORTED'],
  riskLevel: 'YELLOW',
  birthDate: '2014-05-06',
  child: { idNumberMasked: '370302************' },
  guardian: { kind: 'RELATIVE', name: '王小', relation: '祖父母' },
  caseworkerId: 'director-370302001001',
  programmes: [
    {
      programme: 'BASIC_LIVING_ALLOWANCE',
      from: '2024-02-01',
      to: null,
      monthlyAmount: '1978.00',
      coverageShare: null,
      fastTrack: false,
    },
  ],
  nextVisitDue: '2026-06-15',
  revision: 12,
};
