// The colours every web page uses, light and dark, as CSS custom properties: the classic pages'
// stylesheet and the live UI's both start with these.

export const PALETTE = `:root {
  color-scheme: light dark;
  --ink: #1d2430;
  --muted: #5b6678;
  --paper: #ffffff;
  --band: #f3f5f8;
  --line: #d9dee6;
  --accent: #2f6fb3;
  --running: #1e7d3a;
  --error: #b3261e;
  --nominal: #6b7280;
  --notice: #fff6d6;
  --notice-line: #e5c65a;
  --mark: #ffe066;
}

@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e4e8ee;
    --muted: #9aa4b2;
    --paper: #161a20;
    --band: #1e232b;
    --line: #323945;
    --accent: #79b0ec;
    --running: #58c27d;
    --error: #f2857d;
    --nominal: #a1a8b3;
    --notice: #3a3317;
    --notice-line: #8a7428;
    --mark: #6b5a12;
  }
}
`;
