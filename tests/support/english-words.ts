/**
 * English words that must not appear in Lithuanian text shown to staff or subjects. Identifiers
 * (references, e-mail addresses, file names, ETSI indications) are not words, so only these count.
 */
// Letters on either side (š, ė, …) mean part of a Lithuanian word: `\b` would not see them.
export const ENGLISH = /(?<![\p{L}\p{N}_-])(the|and|of|to|is|was|for|with|by|from|not|no|case|request|subject|identity|answer|due|overdue|status|staff|review|approved|verified|received|sent|failed|pending|attention|reasons|decision|draft|extended|extension|notice|timeline|e-mail|read|nothing|done|error|page|found|step|workflow|rights|access)(?![\p{L}\p{N}_-])/giu;
