// The e2e workloads' web server: answers on port 80 (PORT), /healthz only after READY_AFTER_MS, so a
// readiness probe sees the delay a spec asks for; exits at once on SIGTERM so pruning is quick.
const http = require('node:http');
const os = require('node:os');

const readyAt = Date.now() + Number(process.env.READY_AFTER_MS || 0);
process.on('SIGTERM', () => process.exit(0));
http
  .createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(Date.now() >= readyAt ? 200 : 503).end();
      return;
    }
    res.end(`hello from ${os.hostname()}\n`);
  })
  .listen(Number(process.env.PORT || 80));
