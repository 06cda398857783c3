import { GraphQLError, parse } from 'graphql';
import { makeFictionalIdNumber } from '@app/domain';
import { graphqlErrorFormatter, withoutValues } from './graphql-error-formatter';

const ID_NUMBER = makeFictionalIdNumber('370302', '2014-05-06', 123);

function syntaxError(document: string): GraphQLError {
  try {
    parse(document);
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('the document parsed');
}

describe('withoutValues', () => {
  it('drops the quoted values of syntax errors and keeps names and punctuators', () => {
    expect(withoutValues('Syntax Error: Expected Name, found String "王小明".')).toBe(
      'Syntax Error: Expected Name, found String "…".',
    );
    expect(withoutValues(`Syntax Error: Expected Name, found String "${ID_NUMBER}".`)).toBe(
      'Syntax Error: Expected Name, found String "…".',
    );
    expect(withoutValues('Cannot query field "nmae" on type "Case". Did you mean "name"?')).toBe(
      'Cannot query field "nmae" on type "Case". Did you mean "name"?',
    );
    expect(withoutValues('Syntax Error: Expected Name, found "{".')).toBe(
      'Syntax Error: Expected Name, found "{".',
    );
  });
});

describe('graphqlErrorFormatter', () => {
  it('answers a syntax error without the string it stumbled on', () => {
    const error = syntaxError(`{ case(id: "x") { "王小明 ${ID_NUMBER}" } }`);
    const { response } = graphqlErrorFormatter({ errors: [error] }, {});
    const text = JSON.stringify(response);
    expect(text).not.toContain('王小明');
    expect(text).not.toContain(ID_NUMBER);
    expect(response.errors?.[0]).toMatchObject({
      message: 'Syntax Error: Expected Name, found String "…".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
