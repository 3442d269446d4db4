// The stylesheet of the HTML report (one <style> element carrying the CSP nonce).

/** Base CSS of the report; timeline positions are appended per report. */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fff; --muted: #666; --line: #ddd; --warn: #b3261e; --ok: #1e7b34; --ins: #d7f5dd; --del: #fbdada; --card: #f7f7f9; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e8e8; --bg: #1b1b1d; --muted: #a0a0a0; --line: #3a3a3c; --warn: #ff8a80; --ok: #7ddc92; --ins: #1f4d2a; --del: #5c2323; --card: #232326; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 1px solid var(--line); } h3 { margin-bottom: 0.3em; }
.muted, .meta { color: var(--muted); } .nowrap { white-space: nowrap; } .summary { font-size: 1.05em; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; border-bottom: 1px solid var(--line); padding: 4px 8px; vertical-align: top; }
.cluster { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 16px 0; }
.version { margin: 6px 0; } .version .who { font-weight: 600; } .version .text { display: block; margin-left: 1em; white-space: pre-wrap; }
ins { background: var(--ins); text-decoration: none; } del { background: var(--del); }
.div { margin: 4px 0; } .div.substantive::before { content: "⚠ "; color: var(--warn); }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 0.85em; border: 1px solid var(--line); margin-left: 6px; }
.badge.confirmed { color: var(--ok); border-color: var(--ok); } .badge.dismissed { color: var(--muted); } .badge.needs-re-review { color: var(--warn); border-color: var(--warn); }
.dismissed-item { opacity: 0.6; }
.timeline { position: relative; height: 90px; border-bottom: 2px solid var(--line); margin: 24px 12px 40px; }
.tick { position: absolute; bottom: -6px; width: 2px; height: 12px; background: var(--fg); }
.tick .lbl { position: absolute; bottom: 16px; transform: translateX(-50%) rotate(-20deg); transform-origin: bottom center; white-space: nowrap; font-size: 0.85em; }
.tick .date { position: absolute; top: 16px; transform: translateX(-50%); white-space: nowrap; font-size: 0.8em; color: var(--muted); }
.first { font-weight: 600; }
`;
