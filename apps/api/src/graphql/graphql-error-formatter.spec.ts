import { Logger } from '@nestjs/common';
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

  it('logs a resolver that failed unexpectedly, by type, SQLSTATE and frames, never its values', () => {
    const failure = Object.assign(
      new Error(`duplicate key value: 王小明 ${ID_NUMBER}`, { cause: ID_NUMBER }),
      {
        code: '23505',
        constraint: 'audit_access_reads_pkey',
        table: 'audit_access_reads',
        detail: `Key (id_number)=(${ID_NUMBER}) already exists.`,
      },
    );
    const error = new GraphQLError(failure.message, { path: ['case'], originalError: failure });
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const { response } = graphqlErrorFormatter({ data: { case: null }, errors: [error] }, {});
      expect(response.errors?.[0]).toMatchObject({
        message: 'internal error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(logged).toHaveBeenCalledTimes(1);
      const [line, message] = logged.mock.calls[0] as [Record<string, unknown>, string];
      expect(message).toBe('resolver failed');
      expect(line).toMatchObject({
        path: ['case'],
        err: {
          type: 'Error',
          code: '23505',
          constraint: 'audit_access_reads_pkey',
          table: 'audit_access_reads',
          frames: expect.arrayContaining([expect.stringMatching(/graphql-error-formatter\.spec/)]),
        },
      });
      expect(JSON.stringify(logged.mock.calls)).not.toContain(ID_NUMBER);
      expect(JSON.stringify(logged.mock.calls)).not.toContain('王小明');
    } finally {
      logged.mockRestore();
    }
  });
});
