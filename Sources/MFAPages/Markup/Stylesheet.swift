/// The one inline style sheet every page carries; the CSP allows inline styles and nothing external.
enum Stylesheet {
    /// System fonts only, a phone-first column, large touch targets, and a dark scheme.
    static let css: HTML = """
        :root{color-scheme:light dark;--text:#1b1f24;--muted:#57606a;--page:#f3f5f8;--card:#fff;\
        --line:#cdd4dc;--accent:#0b57d0;--on-accent:#fff;--danger:#b3261e;--problem:#fdecea;\
        --warning:#fff6d6;--warning-line:#d4a200;--success:#e6f4ea;--success-line:#1e8e3e}
        @media (prefers-color-scheme:dark){:root{--text:#e6edf3;--muted:#9da7b3;--page:#0d1117;\
        --card:#161b22;--line:#3a424c;--accent:#8ab4f8;--on-accent:#0d1117;--danger:#ffb4ab;\
        --problem:#3b1a17;--warning:#332b0f;--warning-line:#c9a227;--success:#10291a;--success-line:#4caf50}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--page);color:var(--text);\
        font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        main{margin:0 auto;padding:1.25rem .75rem 3rem}
        main.narrow{max-width:34rem}
        main.wide{max-width:62rem}
        .card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1.25rem}
        h1{font-size:1.55rem;line-height:1.25;margin:0 0 .75rem}
        h2{font-size:1.2rem;margin:1.75rem 0 .5rem}
        h3{font-size:1.05rem;margin:1.5rem 0 .4rem}
        p{margin:.5rem 0}
        .muted,.hint{color:var(--muted)}
        .hint{font-size:.9rem;margin:.25rem 0 0}
        label{display:block;font-weight:600;margin:1rem 0 .3rem}
        input{display:block;width:100%;font:inherit;padding:.7rem .75rem;border:1px solid var(--line);\
        border-radius:8px;background:var(--card);color:var(--text)}
        input:focus,button:focus,summary:focus{outline:3px solid var(--accent);outline-offset:2px}
        input[aria-invalid=true]{border:2px solid var(--danger)}
        .field-error{color:var(--danger);font-size:.9rem;font-weight:600;margin:.3rem 0 0}
        button{display:block;width:100%;margin-top:1.5rem;font:inherit;font-weight:600;padding:.8rem 1rem;\
        border:0;border-radius:8px;background:var(--accent);color:var(--on-accent);cursor:pointer}
        button.danger{background:var(--danger);color:var(--card)}
        .notice{border-left:5px solid;border-radius:8px;padding:.6rem 1rem;margin:1rem 0}
        .notice.problem{background:var(--problem);border-color:var(--danger)}
        .notice.warning{background:var(--warning);border-color:var(--warning-line)}
        .notice.success{background:var(--success);border-color:var(--success-line)}
        ul.actions{padding-left:1.25rem;font-size:1.1rem}
        ul.actions li{margin:.4rem 0}
        ul.passkeys{list-style:none;padding:0}
        ul.passkeys li{border-top:1px solid var(--line);padding:.75rem 0}
        .notice ul{margin:.25rem 0;padding-left:1.25rem}
        code,.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.95em}
        .secret{font-size:1.15rem;word-spacing:.35em;overflow-wrap:anywhere}
        .token{overflow-wrap:anywhere}
        .qr{text-align:center;margin:1rem 0}
        .qr svg{max-width:100%;height:auto}
        ol.codes{columns:13rem 2;column-gap:2rem;padding-left:2rem;font-size:1.05rem}
        ol.codes li{margin:.15rem 0}
        dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem 1rem;margin:.75rem 0}
        dl.facts dt{color:var(--muted)}
        dl.facts dd{margin:0;overflow-wrap:anywhere}
        details{margin-top:1.5rem;border-top:1px solid var(--line);padding-top:1rem}
        summary{cursor:pointer;font-weight:600;color:var(--accent)}
        a{color:var(--accent)}
        .table,pre{overflow-x:auto}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
        th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
        th{font-weight:600}
        .route{margin:2rem 0;padding-top:.5rem;border-top:2px solid var(--line)}
        .method{display:inline-block;min-width:3.5rem;font-weight:700;color:var(--accent)}
        """
}
