/**
 * n8n's wording rules for parameter descriptions (its linter's): one sentence carries no final
 * period, several keep theirs. The catalogue writes full sentences for every platform.
 */
export function n8nDescription(help: string): string {
  const text = help.trim();
  const sentences = text.split(/[.!?]\s+(?=[A-Z])/).length;
  return sentences === 1 && text.endsWith('.') ? text.slice(0, -1) : text;
}
