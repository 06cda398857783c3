/**
 * One CSV record's fields (RFC 4180: commas, double quotes, "" inside quotes). Null for a quote
 * left open: rosters carry no line breaks inside fields, so such a line is refused, not joined.
 * Linear in the line's length.
 */
export function csvFields(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) return null;
        value += line.slice(i, close);
        if (line[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      const comma = line.indexOf(',', i);
      // characters between the closing quote and the comma are kept, as spreadsheets do
      value += comma < 0 ? line.slice(i) : line.slice(i, comma);
      fields.push(value);
      if (comma < 0) return fields;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}
