// Types of markdown-roff.mjs, for the tests that import it.

export declare const inlineRoff: (text: string) => string;

export declare const markdownToRoff: (
  markdown: string,
  options?: { readonly source?: string; readonly manual?: string },
) => string;
