// node-postgres's parameter conversion, which @types/pg does not declare: the
// array-literal test compares ingest's own encoding against it.
declare module "pg/lib/utils" {
  export function prepareValue(value: unknown): unknown;
}
