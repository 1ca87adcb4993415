const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Everything interpolated into a page goes through this: request values are attacker-controlled. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

// Inline only: the page's CSP is default-src 'none', so no external file could load anyway.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f3f5f8;color:#1b1f24;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{width:min(26rem,100% - 2rem);background:#fff;border:1px solid #d5dbe3;border-radius:8px;padding:2rem}
h1{font-size:1.4rem;margin:0 0 .25rem}
p{margin:.25rem 0 1rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{width:100%;padding:.6rem;border:1px solid #8a96a3;border-radius:4px;font:inherit}
input:focus,button:focus{outline:3px solid #1a5fb4;outline-offset:2px}
button{margin-top:1.5rem;width:100%;padding:.7rem;border:0;border-radius:4px;background:#1a5fb4;color:#fff;font:inherit;font-weight:600;cursor:pointer}
.alert{padding:.75rem;border-radius:4px;background:#fdecea;border:1px solid #b3261e;color:#7a1a14}
@media (prefers-color-scheme:dark){body{background:#16191d;color:#e8eaed}main{background:#1f2328;border-color:#3a4048}input{background:#16191d;color:#e8eaed}.alert{background:#3b1513;color:#ffb4ab}}
`;

export function htmlPage(title: string, body: string, lang = 'en'): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export function errorPage(title: string, message: string, lang = 'en'): string {
  return htmlPage(title, `<h1>${escapeHtml(title)}</h1>\n<p role="alert" class="alert">${escapeHtml(message)}</p>`, lang);
}
