// Escaping for HTML: every value a page shows (process names, descriptions, log text, messages
// from the query string) goes through here, so `<script>` renders as text, in content and in
// attribute values alike.

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
