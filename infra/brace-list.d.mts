/** The `A` or `A as B` items of an import or export brace list (brace-list.mjs). */
export function braceItems(list: string): Array<[string, string]>;
