// Preloaded into the Portkey gateway (node --require) by `./aigw bench overhead`: its start script
// listens on every interface and has no option for the address, and the benchmark binds only to
// 127.0.0.1. Rewrites a listen(port[, undefined]) without a host to listen(port, "127.0.0.1").
"use strict";
const net = require("net");
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && (args[1] === undefined || typeof args[1] === "function")) {
    if (args[1] === undefined && args.length > 1) {
      args[1] = "127.0.0.1";
    } else {
      args.splice(1, 0, "127.0.0.1");
    }
  } else if (args[0] && typeof args[0] === "object" && args[0].port !== undefined && !args[0].host) {
    args[0] = { ...args[0], host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};

// Portkey adds its headers to the upstream's fetch Response, whose headers Node's fetch makes
// immutable; on Node 20 every stream then fails with 500 "TypeError: immutable"
// (Portkey-AI/gateway#1389, #1550). Streams get a copy with mutable headers, as the fix proposed
// there does; the body is the same stream, passed on untouched. Other answers are left as they are.
const nativeFetch = globalThis.fetch;
globalThis.fetch = async function (...args) {
  const response = await nativeFetch.apply(this, args);
  if (!String(response.headers.get("content-type") || "").startsWith("text/event-stream")) {
    return response;
  }
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: new Headers(response.headers),
  });
};
