// Reads a SqlCondition's words (the manifest's grammar) as a predicate over a
// row, so tests can check that the words select exactly what the SQL selects.
// Grammar: or-expressions of and-expressions of terms; a term is `( … )`,
// `true`, or `column = v`, `column in (a, b)`, `column is null`,
// `column starts with "p"`, `column does not start with "p"`, `column`.
export type ConditionRow = Record<string, string | number | boolean | null>;

export function evaluateConditionText(text: string | null, row: ConditionRow): boolean {
  if (text === null) return true;
  const tokens = text.match(/"[^"]*"|\(|\)|,|[^\s(),]+/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const next = () => {
    const token = tokens[at++];
    if (token === undefined) throw new Error(`Unexpected end of "${text}"`);
    return token;
  };
  const expect = (token: string) => {
    if (next() !== token) throw new Error(`Expected ${token} at token ${at - 1} of "${text}"`);
  };
  const value = (column: string) => String(row[column] ?? "");

  const orExpression = (): boolean => {
    let result = andExpression();
    while (peek() === "or") {
      next();
      result = andExpression() || result;
    }
    return result;
  };
  const andExpression = (): boolean => {
    let result = term();
    while (peek() === "and") {
      next();
      result = term() && result;
    }
    return result;
  };
  const term = (): boolean => {
    const token = next();
    if (token === "(") {
      const result = orExpression();
      expect(")");
      return result;
    }
    if (token === "true") return true;
    const column = token;
    const operator = peek();
    if (operator === "=") {
      next();
      return row[column] !== null && value(column) === next();
    }
    if (operator === "in") {
      next();
      expect("(");
      const list = [next()];
      while (peek() === ",") {
        next();
        list.push(next());
      }
      expect(")");
      return row[column] !== null && list.includes(value(column));
    }
    if (operator === "is") {
      next();
      expect("null");
      return row[column] === null;
    }
    if (operator === "starts") {
      next();
      expect("with");
      return row[column] !== null && value(column).startsWith(next().slice(1, -1));
    }
    if (operator === "does") {
      next();
      expect("not");
      expect("start");
      expect("with");
      return row[column] !== null && !value(column).startsWith(next().slice(1, -1));
    }
    return row[column] === true || row[column] === 1;
  };

  const result = orExpression();
  if (at !== tokens.length) throw new Error(`Unread words in "${text}" from token ${at}`);
  return result;
}
