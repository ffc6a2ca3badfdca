/**
 * The dashboard's one stylesheet, served from /dashboard/assets (the CSP allows no inline style). Phone first:
 * wide tables scroll inside their own box, so the page itself never scrolls sideways at 390 px.
 */
export const STYLESHEET = `
:root { color-scheme: light; --ink: #0f172a; --muted: #475569; --line: #e2e8f0; --accent: #1d4ed8; --bad: #b91c1c; --good: #15803d; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f8fafc; }
header.top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .75rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; color: var(--accent); text-decoration: none; }
.team { color: var(--muted); }
nav { display: flex; flex-wrap: wrap; gap: .25rem .9rem; flex: 1 1 auto; }
nav a { color: var(--ink); text-decoration: none; padding: .2rem 0; border-bottom: 2px solid transparent; }
nav a[aria-current="page"] { border-bottom-color: var(--accent); font-weight: 600; }
.account { display: flex; gap: .5rem; }
.account form { margin: 0; }
button, select, input { font: inherit; }
button { border: 1px solid var(--line); background: #fff; border-radius: .4rem; padding: .3rem .7rem; cursor: pointer; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); padding: .6rem 1.2rem; }
a.button { display: inline-block; background: var(--accent); color: #fff; border-radius: .4rem; padding: .6rem 1.2rem; text-decoration: none; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.35rem; margin: .25rem 0 .75rem; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
p { margin: .35rem 0; overflow-wrap: anywhere; }
.period { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: 0 0 1rem; padding: .75rem; background: #fff; border: 1px solid var(--line); border-radius: .5rem; }
.period label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
.period select, .period input { min-width: 0; padding: .3rem; border: 1px solid var(--line); border-radius: .3rem; background: #fff; }
.notice { padding: .5rem .75rem; border-left: 4px solid var(--bad); background: #fef2f2; }
.card { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; }
.scroll { overflow-x: auto; max-width: 100%; background: #fff; border: 1px solid var(--line); border-radius: .5rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); white-space: nowrap; vertical-align: top; }
td.num, th.num { text-align: right; }
td.text { white-space: normal; min-width: 12rem; overflow-wrap: anywhere; }
tr.withdrawn td { color: var(--muted); text-decoration: line-through; }
tr.withdrawn td.mark { text-decoration: none; }
.behind { color: var(--bad); }
.ahead { color: var(--good); }
figure { margin: .75rem 0; }
figcaption { color: var(--muted); font-size: .85rem; margin-top: .25rem; }
figure svg { display: block; width: 100%; max-width: 34rem; height: auto; border: 1px solid var(--line); border-radius: .5rem; background: #fff; }
.downloads { margin: 1.5rem 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
.downloads a { color: var(--accent); }
code { background: #eef2ff; padding: 0 .25rem; border-radius: .2rem; }
.signin { max-width: 28rem; margin: 3rem auto; text-align: center; }
@media print { header.top, .period, .downloads { display: none; } .scroll { overflow: visible; border: 0; } }
`;
