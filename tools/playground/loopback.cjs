// Preloaded into the Agents Playground (node --require): every server it starts listens on
// 127.0.0.1 only. The Playground itself calls server.listen(port) with no host, which would
// open the emulator (and the unauthenticated bot behind it) to the whole network.
"use strict";
const net = require("node:net");

const LOOPBACK = "127.0.0.1";
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function (...args) {
  const [first] = args;
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    // listen(port[, host][, backlog][, callback]): add the host when it is missing.
    if (typeof args[1] !== "string") args.splice(1, 0, LOOPBACK);
  } else if (first && typeof first === "object" && !("path" in first) && !first.host) {
    args[0] = { ...first, host: LOOPBACK };
  } else if (first === undefined || typeof first === "function") {
    args.unshift(0, LOOPBACK);
  }
  return listen.apply(this, args);
};
