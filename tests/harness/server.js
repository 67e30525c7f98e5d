// The fixture server: the team's fixture pages under the real AliExpress host names (Chromium
// maps them to this server with --host-resolver-rules). A page is asked for at its real path
// with ?dgfx=<fixture name>; &csp=strict serves it with a CSP that forbids wasm in the page.
// Tests may also register routes for addresses the extension builds itself (an order's detail
// page): `route(url, {html, delayMs, redirect, status})`; every request is logged in `served`.
// It also answers as an HTTP proxy (absolute request URLs), which the Firefox tests use.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const { render, listFixtures, FIXTURES } = require('./templates');

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.png': 'image/png' };

// A registered route answers a request when host and path are the same and every query
// parameter of its address has the same value in the request's.
function routeMatches(route, url) {
  if (route.url.host !== url.host || route.url.pathname !== url.pathname) return false;
  for (const [k, v] of route.url.searchParams) if (url.searchParams.get(k) !== v) return false;
  return true;
}

function answerRoute(spec, url, res) {
  if (spec.redirect) { res.writeHead(spec.status || 302, { location: spec.redirect, 'cache-control': 'no-store' }); return res.end(); }
  const html = typeof spec.html === 'function' ? spec.html(url) : String(spec.html ?? '');
  res.writeHead(spec.status || 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function start(port = 0, extraPages = {}) {
  const served = [];
  const routes = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, `http://${req.headers.host || 'localhost'}`);
    served.push(url.href);
    const route = routes.find(r => routeMatches(r, url));
    if (route) {
      // timer: a slow server, as a test asks for it (delayMs), not a wait of the test's.
      if (route.spec.delayMs) { setTimeout(() => answerRoute(route.spec, url, res), route.spec.delayMs); return; }
      return answerRoute(route.spec, url, res);
    }
    if (url.pathname.startsWith('/fixture-site/')) {
      const file = path.join(FIXTURES, 'site', path.basename(url.pathname));
      if (!fs.existsSync(file)) { res.writeHead(404); return res.end(); }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      return res.end(fs.readFileSync(file));
    }
    const name = url.searchParams.get('dgfx');
    const extra = name && extraPages[name];
    const fixture = name && !extra && listFixtures().find(f => f.name === name);
    if (!fixture && !extra) { res.writeHead(404, { 'content-type': 'text/plain' }); return res.end('no such fixture'); }
    let html;
    try { html = extra ? extra(url) : render(fixture.template); } catch (e) { res.writeHead(500); return res.end(String(e)); }
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    const csp = url.searchParams.get('csp') === 'strict' ? STRICT_CSP : fixture && fixture.meta.csp;
    if (csp) headers['content-security-policy'] = csp;
    res.writeHead(200, headers);
    res.end(html);
  });
  const route = (url, spec) => { routes.unshift({ url: new URL(url), spec }); };
  const clearRoutes = () => { routes.length = 0; };
  return new Promise(resolve => server.listen(port, '127.0.0.1', () => resolve({ server, port: server.address().port, served, route, clearRoutes })));
}

// The address of a fixture at its real URL (http, since the server speaks plain HTTP).
function fixtureUrl(fixture, params = {}) {
  const u = new URL(fixture.meta.url.replace(/^https:/, 'http:'));
  u.searchParams.set('dgfx', fixture.name);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.href;
}

module.exports = { start, fixtureUrl, STRICT_CSP };

if (require.main === module) {
  start(Number(process.env.PORT || 8080)).then(({ port }) => console.log(`fixture server on 127.0.0.1:${port}`));
}
