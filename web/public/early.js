/*
 * Bước Tiến — the first requests, sent while the application's code is still loading.
 *
 * A plain script (not bundled; the CSP allows scripts from this origin): it asks for the session and, on the
 * dashboard, for the figures the page will ask for — the same GET to the same URL, with the same cookie. The
 * app's request() (web/lib/api.ts) takes such an answer instead of sending the request again, once, and only
 * within a few seconds of the page's start; anything else is fetched as usual.
 */
(() => {
  if (!window.fetch || !window.URLSearchParams) return;
  const early = new Map();
  window.__btEarly = early;
  const get = (url) => {
    const res = fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    early.set(url, res);
    return res;
  };
  const me = get('/api/auth/me');
  const home = get('/api/areas/home');
  if (location.pathname !== '/dashboard') return;
  // The route's own rules (web/app/router.tsx): area and period are short text; the area defaults to the
  // user's own area, else the installation's own (GET /api/areas/home).
  const search = new URLSearchParams(location.search);
  // The router reads a search value as JSON when it can (`?area=20` is the number 20, not a text); this
  // avoids a thrown exception (slow this early) for the plain text of nearly every URL.
  const text = (v) => {
    if (v === null || v === '' || /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)$/.test(v))
      return undefined;
    let x = v;
    if (/^["{[]/.test(v))
      try {
        x = JSON.parse(v);
      } catch {}
    return typeof x === 'string' && x.length <= 40 ? x : undefined;
  };
  const area = text(search.get('area'));
  const period = text(search.get('period'));
  const dashboard = (areaCode) => {
    const q = new URLSearchParams();
    q.set('area', areaCode);
    if (period) q.set('period', period);
    get(`/api/dashboard?${q}`);
  };
  const json = (p) => p.then((res) => (res.ok ? res.clone().json() : null));
  if (area) dashboard(area);
  else
    Promise.all([json(me), json(home)])
      .then(([m, h]) => {
        const code = m?.user?.areaCode ?? h?.area?.code;
        if (code && m.user.role !== 'enterprise' && m.user.role !== 'bank') dashboard(code);
      })
      .catch(() => {});
})();
