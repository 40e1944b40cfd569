/**
 * A parser for the JQL subset the emulator evaluates. Anything outside the subset is a
 * syntax error, answered with 400 the way Jira answers JQL it cannot parse.
 */
export type JqlValue =
  | { kind: 'literal'; text: string; quoted: boolean }
  | { kind: 'function'; name: string; args: string[] }
  | { kind: 'empty' }
  | { kind: 'list'; items: JqlValue[] };

export type JqlOperator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export type JqlExpr =
  | { kind: 'clause'; field: string; op: JqlOperator; value: JqlValue }
  | { kind: 'and'; items: JqlExpr[] }
  | { kind: 'or'; items: JqlExpr[] }
  | { kind: 'not'; expr: JqlExpr };

export interface JqlOrder {
  field: string;
  direction: 'asc' | 'desc';
}

export interface JqlQuery {
  where: JqlExpr | null;
  orderBy: JqlOrder[];
}

export class JqlError extends Error {}

interface Token {
  type: 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma' | 'end';
  text: string;
  position: number;
}

const OPERATORS = ['!=', '>=', '<=', '!~', '=', '>', '<', '~'];
const WORD_CHAR = /[A-Za-z0-9_.\-[\]/:*@+$#]/;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const start = i;
    if (ch === '(') tokens.push({ type: 'lparen', text: ch, position: start });
    else if (ch === ')') tokens.push({ type: 'rparen', text: ch, position: start });
    else if (ch === ',') tokens.push({ type: 'comma', text: ch, position: start });
    else if (ch === '"' || ch === "'") {
      let text = '';
      i += 1;
      while (i < input.length && input.charAt(i) !== ch) {
        if (input.charAt(i) === '\\' && i + 1 < input.length) i += 1;
        text += input.charAt(i);
        i += 1;
      }
      if (i >= input.length) throw new JqlError(`Error in the JQL Query: The quoted string '${text}' has not been completed. (line 1, character ${start + 1})`);
      tokens.push({ type: 'string', text, position: start });
    } else {
      const op = OPERATORS.find((candidate) => input.startsWith(candidate, i));
      if (op) {
        tokens.push({ type: 'op', text: op, position: start });
        i += op.length;
        continue;
      }
      if (!WORD_CHAR.test(ch)) {
        throw new JqlError(`Error in the JQL Query: The character '${ch}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}' instead. (line 1, character ${start + 1})`);
      }
      let text = '';
      while (i < input.length && WORD_CHAR.test(input.charAt(i))) {
        text += input.charAt(i);
        i += 1;
      }
      tokens.push({ type: 'word', text, position: start });
      continue;
    }
    i += 1;
  }
  tokens.push({ type: 'end', text: '', position: input.length });
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] ?? { type: 'end', text: '', position: 0 };
  }
  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }
  private isWord(text: string): boolean {
    const token = this.peek();
    return token.type === 'word' && token.text.toLowerCase() === text;
  }
  private fail(expected: string): never {
    const token = this.peek();
    const got = token.type === 'end' ? 'the end of the query' : `'${token.text}'`;
    throw new JqlError(`Error in the JQL Query: Expecting ${expected} but got ${got}. (line 1, character ${token.position + 1})`);
  }

  parseQuery(): JqlQuery {
    let where: JqlExpr | null = null;
    if (!this.isWord('order') && this.peek().type !== 'end') where = this.parseOr();
    const orderBy: JqlOrder[] = [];
    if (this.isWord('order')) {
      this.next();
      if (!this.isWord('by')) this.fail("'by'");
      this.next();
      do {
        if (orderBy.length > 0) this.next();
        const field = this.next();
        if (field.type !== 'word' && field.type !== 'string') this.fail('a field name');
        let direction: 'asc' | 'desc' = 'asc';
        if (this.isWord('asc') || this.isWord('desc')) direction = this.next().text.toLowerCase() === 'desc' ? 'desc' : 'asc';
        orderBy.push({ field: field.text, direction });
      } while (this.peek().type === 'comma');
    }
    if (this.peek().type !== 'end') this.fail(where ? "either 'OR' or 'AND'" : 'a field name');
    return { where, orderBy };
  }

  private parseOr(): JqlExpr {
    const items = [this.parseAnd()];
    while (this.isWord('or') || (this.peek().type === 'word' && this.peek().text === '||')) {
      this.next();
      items.push(this.parseAnd());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private parseAnd(): JqlExpr {
    const items = [this.parseNot()];
    while (this.isWord('and')) {
      this.next();
      items.push(this.parseNot());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  private parseNot(): JqlExpr {
    if (this.isWord('not')) {
      this.next();
      return { kind: 'not', expr: this.parseNot() };
    }
    if (this.peek().type === 'lparen') {
      this.next();
      const inner = this.parseOr();
      if (this.peek().type !== 'rparen') this.fail("')'");
      this.next();
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): JqlExpr {
    const fieldToken = this.next();
    if (fieldToken.type !== 'word' && fieldToken.type !== 'string') {
      this.index -= 1;
      this.fail('a field name');
    }
    const op = this.parseOperator();
    const value = this.parseValue(op);
    return { kind: 'clause', field: fieldToken.text, op, value };
  }

  private parseOperator(): JqlOperator {
    const token = this.peek();
    if (token.type === 'op') {
      this.next();
      return token.text as JqlOperator;
    }
    if (this.isWord('in')) {
      this.next();
      return 'in';
    }
    if (this.isWord('is')) {
      this.next();
      if (this.isWord('not')) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    if (this.isWord('not')) {
      this.next();
      if (this.isWord('in')) {
        this.next();
        return 'not in';
      }
      this.fail("'in'");
    }
    return this.fail("operator");
  }

  private parseValue(op: JqlOperator): JqlValue {
    if (op === 'is' || op === 'is not') {
      if (this.isWord('empty') || this.isWord('null')) {
        this.next();
        return { kind: 'empty' };
      }
      this.fail("'EMPTY' or 'NULL'");
    }
    if (op === 'in' || op === 'not in') {
      if (this.peek().type === 'word' && this.tokens[this.index + 1]?.type === 'lparen') return this.parseSingle();
      if (this.peek().type !== 'lparen') this.fail("'('");
      this.next();
      const items: JqlValue[] = [];
      while (this.peek().type !== 'rparen') {
        if (items.length > 0) {
          if (this.peek().type !== 'comma') this.fail("',' or ')'");
          this.next();
        }
        items.push(this.parseSingle());
      }
      this.next();
      if (items.length === 0) this.fail('a value');
      return { kind: 'list', items };
    }
    return this.parseSingle();
  }

  private parseSingle(): JqlValue {
    const token = this.next();
    if (token.type === 'string') return { kind: 'literal', text: token.text, quoted: true };
    if (token.type !== 'word') {
      this.index -= 1;
      this.fail('either a value, list or function');
    }
    const lower = token.text.toLowerCase();
    if (lower === 'empty' || lower === 'null') return { kind: 'empty' };
    if (this.peek().type === 'lparen') {
      this.next();
      const args: string[] = [];
      while (this.peek().type !== 'rparen') {
        const arg = this.next();
        if (arg.type === 'comma') continue;
        if (arg.type !== 'word' && arg.type !== 'string') {
          this.index -= 1;
          this.fail("')'");
        }
        args.push(arg.text);
      }
      this.next();
      return { kind: 'function', name: token.text, args };
    }
    const reserved = ['and', 'or', 'not', 'order', 'by', 'in', 'is'];
    if (reserved.includes(lower)) {
      this.index -= 1;
      this.fail('either a value, list or function');
    }
    return { kind: 'literal', text: token.text, quoted: false };
  }
}

export function parseJql(input: string): JqlQuery {
  return new Parser(tokenize(input)).parseQuery();
}
