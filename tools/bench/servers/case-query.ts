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
