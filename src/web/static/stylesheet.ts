// The classic pages' stylesheet (served as /stylesheets/supervisor.css, the URL supervisord's
// pages use): a plain table that reads well on a desktop and scrolls sideways on a phone.

import { PALETTE } from './palette.js';

export const STYLESHEET = `${PALETTE}
* {
  box-sizing: border-box;
}

body {
  margin: 0;
  background: var(--paper);
  color: var(--ink);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}

a {
  color: var(--accent);
}

.masthead {
  display: flex;
  align-items: center;
  gap: 0.75rem;
  padding: 0.9rem 1.25rem;
  border-bottom: 1px solid var(--line);
}

.masthead h1 {
  margin: 0;
  font-size: 1.3rem;
  font-weight: 600;
}

main {
  padding: 1rem 1.25rem 2rem;
}

.status-message {
  margin: 0 0 1rem;
  padding: 0.6rem 0.9rem;
  border: 1px solid var(--notice-line);
  border-radius: 6px;
  background: var(--notice);
  overflow-wrap: anywhere;
}

.buttons {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
  margin: 0 0 1rem;
  padding: 0;
  list-style: none;
}

.button,
button {
  display: inline-block;
  padding: 0.35rem 0.85rem;
  border: 1px solid var(--line);
  border-radius: 6px;
  background: var(--band);
  color: var(--ink);
  font: inherit;
  text-decoration: none;
  cursor: pointer;
}

.button:hover,
button:hover {
  border-color: var(--accent);
}

.table-frame {
  overflow-x: auto;
}

table.processes {
  width: 100%;
  border-collapse: collapse;
}

.processes th,
.processes td {
  padding: 0.45rem 0.6rem;
  border-bottom: 1px solid var(--line);
  text-align: left;
  vertical-align: top;
}

.processes th {
  color: var(--muted);
  font-size: 0.85rem;
  font-weight: 600;
  text-transform: uppercase;
  letter-spacing: 0.03em;
}

.processes tr.shade td {
  background: var(--band);
}

.processes td.name {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  overflow-wrap: anywhere;
}

.statusrunning,
.statuserror,
.statusnominal {
  display: inline-block;
  min-width: 5.5em;
  padding: 0.05rem 0.5rem;
  border-radius: 999px;
  color: #fff;
  font-size: 0.8rem;
  font-weight: 600;
  text-align: center;
  text-transform: uppercase;
}

.statusrunning {
  background: var(--running);
}

.statuserror {
  background: var(--error);
}

.statusnominal {
  background: var(--nominal);
}

td.action ul {
  display: flex;
  flex-wrap: wrap;
  gap: 0.2rem 0.9rem;
  margin: 0;
  padding: 0;
  list-style: none;
}

td.action li.placeholder {
  display: none;
}

.empty {
  color: var(--muted);
}

footer {
  padding: 0.75rem 1.25rem;
  border-top: 1px solid var(--line);
  color: var(--muted);
  font-size: 0.85rem;
}

pre.tail {
  margin: 0 0 1rem;
  padding: 0.75rem;
  border: 1px solid var(--line);
  border-radius: 6px;
  background: var(--band);
  font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}

.refusal form {
  margin-top: 1rem;
}
`;
