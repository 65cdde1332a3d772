import type { Keyset } from "./population-source";

type KeysetReader<Row> = {
  page(after: Keyset | null, take: number): Promise<Row[]>;
  keyOf(row: Row): Keyset;
};

/**
 * A whole population as keyset pages of `take` rows, each page asked for
 * before the previous one is handed on, so a driver that does not block
 * works on it while the caller renders.
 */
export async function* readKeysetPages<Row>(reader: KeysetReader<Row>, take: number): AsyncGenerator<Row[]> {
  let next = prefetch(reader.page(null, take));
  for (;;) {
    const rows = await next;
    const last = rows.at(-1);
    const more = rows.length === take && last !== undefined;
    if (more) next = prefetch(reader.page(reader.keyOf(last), take));
    yield rows;
    if (!more) return;
  }
}

/** A page read started ahead; if the reading is abandoned first, its failure must not go unhandled. */
function prefetch<T>(page: Promise<T>): Promise<T> {
  page.catch(() => undefined);
  return page;
}
