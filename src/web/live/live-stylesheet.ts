// The live UI's stylesheet (served as /ui/live-ui.css): a table on a desktop, one card per
// process on a phone; light and dark; states coloured as on the classic page.

import { PALETTE } from '../static/palette.js';

export const LIVE_STYLESHEET = `${PALETTE}
:root {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 15px;
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--paper); }
a { color: var(--accent); }
.masthead {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem;
  padding: 0.6rem 1rem; border-bottom: 1px solid var(--line); background: var(--band);
}
.masthead h1 { font-size: 1.2rem; margin: 0; }
.masthead h1 a { color: inherit; text-decoration: none; }
.masthead nav { display: flex; gap: 1rem; margin-left: auto; }
.masthead nav a[aria-current] { font-weight: 600; text-decoration: none; }
.connection {
  font-size: 0.8rem; padding: 0.1rem 0.5rem; border-radius: 1rem;
  border: 1px solid var(--line); color: var(--muted);
}
.connection[data-state="live"] { color: var(--running); border-color: var(--running); }
.connection[data-state="reconnecting"] { color: var(--error); border-color: var(--error); }
main { padding: 0.8rem 1rem 2rem; }
.messages {
  margin: 0; padding: 0 1rem; white-space: pre-wrap; font: inherit;
  background: var(--notice);
}
.messages:empty { display: none; }
.messages:not(:empty) { padding: 0.5rem 1rem; }
.notice { padding: 0.6rem 1rem; background: var(--notice); }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-bottom: 0.8rem; }
.bulk-actions { display: flex; gap: 0.4rem; margin-left: auto; }
input, select, button { font: inherit; color: inherit; }
input[type="search"], select {
  padding: 0.35rem 0.5rem; border: 1px solid var(--line); border-radius: 6px; background: var(--paper);
}
input[type="search"] { min-width: 12rem; flex: 1 1 12rem; max-width: 24rem; }
button {
  padding: 0.3rem 0.7rem; border: 1px solid var(--line); border-radius: 6px;
  background: var(--band); cursor: pointer; min-height: 2rem;
}
button:hover { border-color: var(--accent); }
button.danger:hover { border-color: var(--error); color: var(--error); }
button[aria-pressed="true"] { background: var(--accent); color: var(--paper); border-color: var(--accent); }
.table-frame { overflow-x: auto; }
table.processes { border-collapse: collapse; width: 100%; }
.processes th, .processes td {
  text-align: left; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: middle;
}
.processes thead th { font-size: 0.8rem; color: var(--muted); font-weight: 600; }
.processes th.name { font-weight: 600; word-break: break-all; }
.state { font-weight: 600; font-size: 0.85rem; }
.statusrunning { color: var(--running); }
.statuserror { color: var(--error); }
.statusnominal { color: var(--nominal); }
.health { display: block; font-size: 0.8rem; color: var(--muted); }
.figure { display: inline-block; min-width: 5.2rem; font-variant-numeric: tabular-nums; }
.spark { vertical-align: middle; background: var(--band); border-radius: 3px; }
.spark-line { fill: none; stroke: var(--accent); stroke-width: 1.5; }
.row-actions { display: flex; flex-wrap: wrap; gap: 0.3rem; }
.empty { color: var(--muted); }
.back { margin: 0 0 0.5rem; }
.process-detail h2 { word-break: break-all; margin: 0 0 0.6rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 1rem 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; word-break: break-all; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
.charts figure { margin: 0; padding: 0.5rem; border: 1px solid var(--line); border-radius: 6px; }
.charts figcaption { font-size: 0.85rem; color: var(--muted); }
.channels { display: flex; gap: 0.4rem; margin-bottom: 0.5rem; }
.log-lines {
  margin: 0; padding: 0.5rem; height: 60vh; overflow: auto; border: 1px solid var(--line);
  border-radius: 6px; background: var(--band); font-size: 0.82rem; line-height: 1.35;
}
.log-line { white-space: pre-wrap; word-break: break-all; }
.log-line mark { background: var(--mark); color: inherit; }
.log-count { color: var(--muted); font-size: 0.85rem; }
.log-problem { color: var(--error); margin: 0 0 0.5rem; }
dialog.confirm-dialog {
  border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem;
  color: var(--ink); background: var(--paper); max-width: min(90vw, 28rem);
}
dialog.confirm-dialog::backdrop { background: rgb(0 0 0 / 40%); }
.dialog-buttons { display: flex; justify-content: flex-end; gap: 0.5rem; }
.dialog-buttons .confirm { border-color: var(--error); color: var(--error); }
@media (max-width: 700px) {
  main { padding: 0.6rem; }
  .masthead nav { margin-left: 0; width: 100%; }
  .bulk-actions { margin-left: 0; }
  table.processes, .processes tbody, .processes tr, .processes td, .processes th { display: block; }
  .processes thead { display: none; }
  .processes tr { border: 1px solid var(--line); border-radius: 8px; margin-bottom: 0.7rem; padding: 0.3rem 0; }
  .processes th, .processes td { border: 0; padding: 0.2rem 0.7rem; }
  .processes td[data-label]::before {
    content: attr(data-label); display: inline-block; min-width: 5.5rem; color: var(--muted); font-size: 0.8rem;
  }
  .processes td.actions { padding-top: 0.4rem; }
  .facts { grid-template-columns: 1fr; }
  .log-lines { height: 55vh; }
}
`;
