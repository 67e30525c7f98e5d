// The fixture server: the team's fixture pages under the real AliExpress host names (Chromium
// maps them to this server with --host-resolver-rules). A page is asked for at its real path
// with ?dgfx=<fixture name>; &csp=strict serves it with a CSP that forbids wasm in the page.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const { render, listFixtures, FIXTURES } = require('./templates');

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.png': 'image/png' };

function start(port = 0, extraPages = {}) {
  const served = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, `http://${req.headers.host || 'localhost'}`);
    served.push(url.href);
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
  return new Promise(resolve => server.listen(port, '127.0.0.1', () => resolve({ server, port: server.address().port, served })));
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
