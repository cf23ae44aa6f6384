// The portal's one stylesheet: small, mobile first, logical properties (so Arabic mirrors by
// itself), visible focus, 44-pixel touch targets, AA contrast, and a clean print view for the
// attendance record.
export const APP_CSS = `
:root{--ink:#1b1b1f;--muted:#4a4a55;--bg:#fff;--soft:#f3f4f6;--line:#c9ccd3;--brand:#0b5cad;--brand-ink:#fff;--ok:#135e2a;--ok-bg:#e6f4ea;--err:#a3111b;--err-bg:#fdecee;--info-bg:#e8f0fb;--exit:#8a1c1c}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;font-size:100%;line-height:1.5;color:var(--ink);background:var(--bg);-webkit-text-size-adjust:100%}
body{margin:0;max-inline-size:44rem;margin-inline:auto;padding:0 1rem 2rem}
a{color:var(--brand)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
h1{font-size:1.5rem;line-height:1.25;margin:1rem 0}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.quick-exit{position:sticky;inset-block-start:0;display:block;z-index:9;margin-inline:-1rem;padding:.75rem 1rem;min-block-size:44px;background:var(--exit);color:#fff;font-weight:700;text-align:center;text-decoration:none}
.skip{position:absolute;inset-inline-start:-999px}
.skip:focus{position:static;display:inline-block;padding:.5rem}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;border-block-end:1px solid var(--line);padding-block:.5rem}
.brand{font-weight:700;margin:0}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:0;padding:0}
nav a{display:inline-block;padding:.6rem .7rem;min-block-size:44px;text-decoration:none;border-radius:.4rem}
nav a[aria-current=page]{background:var(--brand);color:var(--brand-ink)}
main{display:block;outline:none}
.bottom{margin-block-start:2.5rem;padding-block-start:1rem;border-block-start:1px solid var(--line);display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;justify-content:space-between}
.lang{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
button,.button{display:inline-flex;align-items:center;justify-content:center;min-block-size:44px;min-inline-size:44px;padding:.55rem 1rem;border:2px solid var(--brand);border-radius:.5rem;background:var(--brand);color:var(--brand-ink);font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
button.secondary,.button.secondary{background:var(--bg);color:var(--brand)}
button.danger{background:var(--err);border-color:var(--err)}
button.link{background:none;border:none;color:var(--brand);text-decoration:underline;padding-inline:0}
input,select,textarea{font:inherit;color:inherit;min-block-size:44px;padding:.5rem;border:2px solid var(--muted);border-radius:.4rem;background:var(--bg);max-inline-size:100%}
textarea{inline-size:100%;min-block-size:6rem}
input[type=checkbox],input[type=radio]{min-block-size:auto;inline-size:1.4rem;block-size:1.4rem}
.field{margin-block:1rem}
.field label{display:block;font-weight:600}
.field.invalid input,.field.invalid textarea,.field.invalid select{border-color:var(--err)}
.hint{margin:.1rem 0 .3rem;color:var(--muted)}
.error{margin:.1rem 0 .3rem;color:var(--err);font-weight:600}
.choice{display:flex;gap:.6rem;align-items:center;min-block-size:44px}
.notice{padding:.75rem 1rem;border-radius:.5rem;margin-block:1rem;border-inline-start:.4rem solid}
.notice.ok{background:var(--ok-bg);border-color:var(--ok)}
.notice.error{background:var(--err-bg);border-color:var(--err)}
.notice.info{background:var(--info-bg);border-color:var(--brand)}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
.card{border:1px solid var(--line);border-radius:.6rem;padding:.9rem 1rem;background:var(--bg)}
.card h2,.card h3{margin:0 0 .3rem;font-size:1.1rem}
.card p{margin:.25rem 0}
.meta{color:var(--muted)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-block-start:.6rem}
.actions form{margin:0}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:1rem;background:var(--soft);border:1px solid var(--line);font-size:.9rem}
.badge.ok{background:var(--ok-bg);border-color:var(--ok);color:var(--ok)}
.badge.warn{background:var(--err-bg);border-color:var(--err);color:var(--err)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
table{border-collapse:collapse;inline-size:100%}
th,td{text-align:start;padding:.4rem .5rem;border-block-end:1px solid var(--line);vertical-align:top}
.thread{list-style:none;padding:0;display:grid;gap:.6rem}
.msg{padding:.6rem .8rem;border-radius:.7rem;max-inline-size:85%;white-space:pre-wrap;overflow-wrap:anywhere}
.msg.in{background:var(--soft);justify-self:end}
.msg.out{background:var(--info-bg);justify-self:start}
.msg .meta{display:block;font-size:.85rem;white-space:normal}
.visually-hidden{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (min-width:40rem){h1{font-size:1.8rem}}
@media print{.quick-exit,.skip,.top nav,.bottom,.actions,.no-print,form{display:none!important}body{max-inline-size:none;padding:0;font-size:11pt}a{color:inherit;text-decoration:none}.card{border:none;padding:0}table{font-size:10pt}th,td{border-block-end:1px solid #999}}
fieldset{border:1px solid var(--line);border-radius:.5rem;margin:.75rem 0 0;padding:.25rem .9rem .9rem}legend{font-weight:600;padding-inline:.25rem}.scroll{overflow-x:auto}@media print{.scroll{overflow:visible}}
`.trim();
