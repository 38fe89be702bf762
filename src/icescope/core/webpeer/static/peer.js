// IceScope browser peer: one RTCPeerConnection driven over IceScope's WebSocket signaling.
// Plain script, no build step. Every state change is shown here and reported back to IceScope
// as {"type": "event", ...} so both peers appear in one timeline; so are this page's own
// getStats() entries and heartbeat counts, every second (STATS_INTERVAL_MS).
"use strict";

const $ = (id) => document.getElementById(id);
const token = new URLSearchParams(location.search).get("token") || "";
const RESTART_WAIT_MS = 10000;  // give up tracking a restart after this long
const STATS_INTERVAL_MS = 1000;
// What IceScope keeps of getStats() (core/remotestats.py checks the same bounds).
const STATS_TYPES = new Set(["candidate-pair", "local-candidate", "remote-candidate", "transport"]);
const MAX_STATS_ENTRIES = 64;
const MAX_STATS_FIELDS = 48;
const MAX_TEXT = 256;

const icescope = {
  states: {}, events: [], role: null, loadedAt: performance.timeOrigin,
  connectedAt: null, closedBy: null, hbSent: 0, hbReceived: 0, peerSent: null,
  restarts: [], pair: null, errors: [], marks: [], statsSent: 0, lastStats: null,
};
window.icescope = icescope;

let ws = null;
let pc = null;
let channel = null;
let hbTimer = null;
let hbInterval = 100;
const hbSeen = new Set();
let watchedTransport = null;
let statsTimer = null;

// Signaling milestones with their page time, for timing the page's own steps.
function mark(name, detail) {
  icescope.marks.push({ name, detail: detail || "", at: performance.now() });
}

function log(text) {
  const li = document.createElement("li");
  li.textContent = `${(performance.now() / 1000).toFixed(3)} s  ${text}`;
  $("log").prepend(li);
}

// Sent before the WebSocket is open (the page answers an inlined offer before opening it).
const outbox = [];

function send(message) {
  if (message.type !== "event") mark(`sent ${message.type}`);
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  else if (!ws || ws.readyState === WebSocket.CONNECTING) outbox.push(JSON.stringify(message));
}

function report(event, fields) {
  const message = { type: "event", event, at: performance.now(), ...fields };
  // Statistics and counts go out every second: kept as the latest only, not in the list.
  if (event !== "stats" && event !== "heartbeat") icescope.events.push(message);
  send(message);
}

function notice(level, code, text) {
  log(`${level}: ${text}`);
  if (level === "error") icescope.errors.push(text);
  report("notice", { level, code, message: text });
}

function ufragOf(sdp) {
  const match = /a=ice-ufrag:(\S+)/.exec(sdp || "");
  return match ? match[1] : "";
}

function localUfrag() {
  return pc && pc.localDescription ? ufragOf(pc.localDescription.sdp) : "";
}

function setState(key, event, value, extra) {
  if (icescope.states[key] === value) return;
  icescope.states[key] = value;
  $(key).textContent = value;
  $(key).className = `state ${value}`;
  log(`${event}: ${value}`);
  report(event, { state: value, ufrag: localUfrag(), ...(extra || {}) });
  if (key === "ice" && (value === "connected" || value === "completed")) {
    if (icescope.connectedAt === null) icescope.connectedAt = performance.now();
    reportSelectedPair();
  }
}

function describe(c) {
  return `${c.candidateType} ${c.protocol} ${c.address || c.ip}:${c.port}`;
}

// The selected pair from getStats (RTCTransportStats.selectedCandidatePairId).
async function selectedPair() {
  if (!pc || pc.connectionState === "closed") return null;
  const stats = await pc.getStats();
  for (const s of stats.values()) {
    if (s.type !== "transport" || !s.selectedCandidatePairId) continue;
    const pair = stats.get(s.selectedCandidatePairId);
    if (!pair) continue;
    const local = stats.get(pair.localCandidateId);
    const remote = stats.get(pair.remoteCandidateId);
    if (local && remote) return { local, remote };
  }
  return null;
}

async function reportSelectedPair() {
  try {
    const pair = await selectedPair();
    if (!pair) return null;
    const text = `${describe(pair.local)} ⇄ ${describe(pair.remote)}`;
    if (text !== icescope.pair) {
      icescope.pair = text;
      $("pair").textContent = text;
      report("selectedcandidatepairchange", {
        local: describe(pair.local), remote: describe(pair.remote),
        local_type: pair.local.candidateType, remote_type: pair.remote.candidateType,
      });
    }
    return pair;
  } catch (err) {
    return null;
  }
}

function watchTransport() {
  const transport = pc && pc.sctp && pc.sctp.transport && pc.sctp.transport.iceTransport;
  if (!transport || transport === watchedTransport) return;
  watchedTransport = transport;
  transport.addEventListener("statechange", () =>
    setState("transport", "icetransportstatechange", transport.state));
  transport.addEventListener("selectedcandidatepairchange", () => {
    reportSelectedPair();
    wakeRestart();
  });
  setState("transport", "icetransportstatechange", transport.state);
}

function startHeartbeat() {
  if (hbTimer !== null) return;
  hbTimer = setInterval(() => {
    if (channel && channel.readyState === "open") {
      channel.send(JSON.stringify({ hb: icescope.hbSent }));
      icescope.hbSent += 1;
      $("heartbeats").textContent = `${icescope.hbSent} / ${hbSeen.size}`;
    }
  }, hbInterval);
}

function stopHeartbeat() {
  if (hbTimer !== null) clearInterval(hbTimer);
  hbTimer = null;
  if (channel && channel.readyState === "open") {
    channel.send(JSON.stringify({ hb_fin: icescope.hbSent }));
  }
}

// One getStats() entry as IceScope accepts it: JSON scalars only, bounded.
function statsEntry(s) {
  const entry = {};
  let fields = 0;
  for (const [key, value] of Object.entries(s)) {
    if (fields >= MAX_STATS_FIELDS) break;
    const kind = typeof value;
    if (kind === "string") entry[key] = value.slice(0, MAX_TEXT);
    else if (kind === "boolean" || (kind === "number" && Number.isFinite(value))) entry[key] = value;
    else continue;
    fields += 1;
  }
  return entry;
}

async function reportStats() {
  if (!pc || pc.connectionState === "closed") return;
  try {
    const stats = await pc.getStats();
    const entries = [];
    for (const s of stats.values()) {
      if (STATS_TYPES.has(s.type) && entries.length < MAX_STATS_ENTRIES) entries.push(statsEntry(s));
    }
    if (icescope.closedBy) return;  // closed while getStats() ran: the final counts went out
    icescope.lastStats = entries;
    icescope.statsSent += 1;
    report("stats", { report: entries });
    reportHeartbeat(false);
  } catch (err) { /* closed meanwhile */ }
}

// This page's heartbeat counts; final once it has stopped sending and receiving.
function reportHeartbeat(final) {
  report("heartbeat", { sent: icescope.hbSent, received: hbSeen.size, final });
}

function startStats() {
  if (statsTimer === null) statsTimer = setInterval(reportStats, STATS_INTERVAL_MS);
}

function stopStats() {
  if (statsTimer !== null) clearInterval(statsTimer);
  statsTimer = null;
}

function createPeer(hello) {
  pc = new RTCPeerConnection(hello.config);
  mark("peer created");
  startStats();
  pc.addEventListener("iceconnectionstatechange", () =>
    setState("ice", "iceconnectionstatechange", pc.iceConnectionState));
  pc.addEventListener("connectionstatechange", () =>
    setState("connection", "connectionstatechange", pc.connectionState));
  pc.addEventListener("icegatheringstatechange", () =>
    setState("gathering", "icegatheringstatechange", pc.iceGatheringState));
  pc.addEventListener("signalingstatechange", () =>
    setState("signaling", "signalingstatechange", pc.signalingState));
  pc.addEventListener("icecandidate", (e) => {
    const c = e.candidate;
    if (!c) {
      // null: gathering complete (webrtc-pc §4.4.1.6): end-of-candidates (RFC 8838 §13),
      // sent once per gathering, since aioice refuses a second one.
      send({ type: "candidate", candidate: "", usernameFragment: localUfrag() });
      report("icecandidate", { end: true, ufrag: localUfrag() });
      return;
    }
    if (!c.candidate) return;  // per-generation end marker; the null event follows
    send({
      type: "candidate", candidate: c.candidate, sdpMid: c.sdpMid,
      sdpMLineIndex: c.sdpMLineIndex, usernameFragment: c.usernameFragment,
    });
    report("icecandidate", {
      candidate_type: c.type || "", protocol: c.protocol || "", address: c.address || "",
      port: c.port || 0, ufrag: c.usernameFragment || "",
    });
  });
  // Negotiated out of band, as IceScope's heartbeat channel (core/heartbeat.py).
  channel = pc.createDataChannel(hello.heartbeat.label, { negotiated: true, id: hello.heartbeat.id });
  hbInterval = Math.max(10, hello.heartbeat.interval * 1000);
  channel.addEventListener("open", () => {
    report("datachannel", { label: channel.label, state: "open" });
    log("heartbeat channel open");
    startHeartbeat();
  });
  channel.addEventListener("close", () => report("datachannel", { label: channel.label, state: "closed" }));
  channel.addEventListener("message", (e) => {
    // Chromium may still dispatch a message queued before close(); the bye already
    // reported our count, so one arriving now must not change it.
    if (pc.signalingState === "closed") return;
    try {
      const data = JSON.parse(e.data);
      if (Number.isInteger(data.hb)) hbSeen.add(data.hb);
      else if (Number.isInteger(data.hb_fin)) {
        // The peer stopped and is closing: a heartbeat sent now would arrive after its close
        // and count as lost. Stop sending too (our hb_fin still goes out when we close).
        icescope.peerSent = data.hb_fin;
        if (hbTimer !== null) clearInterval(hbTimer);
        hbTimer = null;
      }
      icescope.hbReceived = hbSeen.size;
    } catch (err) { /* not a heartbeat */ }
  });
}

async function offer() {
  const description = await pc.createOffer();
  await pc.setLocalDescription(description);
  watchTransport();
  send({ type: "offer", sdp: pc.localDescription.sdp });
}

// Wakes a restart tracker at once when the selected pair changes (else it polls).
let wakeRestart = () => {};

// An ICE restart is done when the selected pair's local candidate has the new ufrag.
// Chromium may show no state change at all for it (spec-notes.md §6), hence the polling;
// the transport's selectedcandidatepairchange wakes the poll early.
async function trackRestart(initiator, oldUfrag, startedAt) {
  const newUfrag = localUfrag();
  const entry = { initiator, old_ufrag: oldUfrag, new_ufrag: newUfrag, phase: "start" };
  icescope.restarts.push(entry);
  if (initiator === "remote") report("icerestart", { ...entry });
  const deadline = startedAt + RESTART_WAIT_MS;
  while (performance.now() < deadline && pc.connectionState !== "closed") {
    const pair = await reportSelectedPair();
    if (pair && pair.local.usernameFragment === newUfrag) {
      entry.phase = "complete";
      entry.duration = (performance.now() - startedAt) / 1000;
      report("icerestart", { ...entry });
      log(`ICE restart complete in ${(entry.duration * 1000).toFixed(0)} ms`);
      return;
    }
    await new Promise((resolve) => {
      wakeRestart = resolve;
      setTimeout(resolve, 20);
    });
  }
  entry.phase = "abandoned";
  entry.duration = (performance.now() - startedAt) / 1000;
  entry.detail = "the selected pair never moved to the new ufrag";
  report("icerestart", { ...entry });
}

let pendingRestart = null;

async function restart() {
  if (!pc || pc.signalingState !== "stable") return;
  const oldUfrag = localUfrag();
  const startedAt = performance.now();
  report("icerestart", { phase: "start", old_ufrag: oldUfrag, new_ufrag: "", initiator: "local" });
  pc.restartIce();
  pendingRestart = { oldUfrag, startedAt };
  await offer();
}

const BYE_ANSWER_MS = 1000;  // how long Close waits for IceScope's answering bye
let byeAnswered = () => {};

function bye() {
  send({ type: "bye", heartbeats_sent: icescope.hbSent, heartbeats_received: hbSeen.size });
}

async function closePeer(by) {
  if (!pc || icescope.closedBy) return;
  icescope.closedBy = by;
  stopStats();
  stopHeartbeat();
  if (by === "local") {
    // Tell IceScope first and wait (bounded) for its answer: a connection closed under it
    // before it knows why would read as the library closing on its own.
    const answered = new Promise((resolve) => {
      byeAnswered = resolve;
      setTimeout(resolve, BYE_ANSWER_MS);
    });
    bye();
    await answered;
  } else {
    await new Promise((resolve) => setTimeout(resolve, 50));  // let hb_fin leave
  }
  pc.close();
  // webrtc-pc §4.4.2.2: close() fires no state events, so report them ourselves, with the
  // cause as IceScope names it: this page's Close button, or IceScope's bye.
  const detail = by === "local" ? "Close pressed on the page" : "after IceScope's bye";
  const provenance = by === "local" ? "page-closed" : "remote-close";
  for (const [key, event] of [["ice", "iceconnectionstatechange"], ["connection", "connectionstatechange"],
    ["signaling", "signalingstatechange"], ["transport", "icetransportstatechange"]]) {
    setState(key, event, "closed", { provenance, detail });
  }
  // Closed: the counts are final. In answer to IceScope's bye, ours goes last, with them.
  reportHeartbeat(true);
  if (by === "remote") bye();
  $("restart").disabled = true;
  $("close").disabled = true;
  $("status").textContent = by === "local" ? "Closed here." : "Closed by IceScope.";
  setTimeout(() => ws && ws.close(), 200);
}

async function handle(message) {
  switch (message.type) {
    case "hello":
      icescope.role = message.role;
      createPeer(message);
      send({ type: "hello", agent: navigator.userAgent });
      $("status").textContent = `Connected to IceScope; the browser is the ${message.role}.`;
      $("restart").disabled = false;
      $("close").disabled = false;
      if (message.role === "offerer") await offer();
      break;
    case "offer": {
      const remoteBefore = pc.remoteDescription ? ufragOf(pc.remoteDescription.sdp) : "";
      const oldLocal = localUfrag();
      const startedAt = performance.now();
      await pc.setRemoteDescription({ type: "offer", sdp: message.sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      watchTransport();
      send({ type: "answer", sdp: pc.localDescription.sdp });
      const remoteAfter = ufragOf(message.sdp);
      if (remoteBefore && remoteAfter !== remoteBefore) trackRestart("remote", oldLocal, startedAt);
      break;
    }
    case "answer":
      await pc.setRemoteDescription({ type: "answer", sdp: message.sdp });
      if (pendingRestart) {
        const { oldUfrag, startedAt } = pendingRestart;
        pendingRestart = null;
        trackRestart("local", oldUfrag, startedAt);
      }
      break;
    case "candidate":
      if (message.candidate) {
        await pc.addIceCandidate({
          candidate: message.candidate, sdpMid: message.sdpMid ?? "0",
          sdpMLineIndex: message.sdpMLineIndex ?? 0, usernameFragment: message.usernameFragment ?? null,
        });
      } else {
        await pc.addIceCandidate({ candidate: "", sdpMid: message.sdpMid ?? "0", sdpMLineIndex: 0 });
      }
      break;
    case "bye":
      if (Number.isInteger(message.heartbeats_sent)) icescope.peerSent = message.heartbeats_sent;
      if (icescope.closedBy) byeAnswered();  // IceScope's answer to our Close
      else await closePeer("remote");
      break;
    case "restart-request":
      await restart();
      break;
    default:
      break;
  }
}

// Messages are handled strictly in order: an answer must not overtake its offer.
let queue = Promise.resolve();
let inlinedHello = false;
let inlinedOffer = null;

// The inlined hello and offer arrive over the WebSocket too: skip each once.
function inlinedAlready(message) {
  if (message.type === "hello" && inlinedHello) {
    inlinedHello = false;
  } else if (message.type === "offer" && inlinedOffer !== null && message.sdp === inlinedOffer) {
    inlinedOffer = null;
  } else {
    return false;
  }
  mark("skipped inlined", message.type);
  return true;
}

function dispatch(message) {
  queue = queue.then(async () => {
    try {
      await handle(message);
    } catch (err) {
      notice("error", "signaling-rejected", `could not apply ${message.type}: ${err}`);
    }
  });
}

function connect() {
  if (ws) return;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  ws = new WebSocket(`${scheme}://${location.host}/ws?token=${encodeURIComponent(token)}`);
  ws.addEventListener("open", () => {
    mark("ws open");
    for (const text of outbox.splice(0)) ws.send(text);
  });
  ws.addEventListener("message", (e) => {
    mark("ws message", String(e.data).slice(0, 40));
    let message;
    try {
      message = JSON.parse(e.data);
    } catch (err) {
      notice("warning", "signaling-garbage", `ignored signaling message: ${err}`);
      return;
    }
    if (!inlinedAlready(message)) dispatch(message);
  });
  ws.addEventListener("close", () => {
    if (!icescope.closedBy) $("status").textContent = "Signaling to IceScope lost.";
    log("signaling closed");
  });
}

mark("script start");
$("restart").addEventListener("click", () => { restart(); });
$("close").addEventListener("click", () => { closePeer("local"); });
// The tab goes away without Close: its counts are final (IceScope's peer stays up, the remote
// shows as stale once the socket is gone).
window.addEventListener("pagehide", () => {
  if (pc && !icescope.closedBy) {
    stopStats();
    stopHeartbeat();
    reportHeartbeat(true);
  }
});
// IceScope inlines its hello and its pending offer in the page (server.py render_page), so
// the page builds its peer connection and its answer first and opens the WebSocket after:
// on a busy machine the handshake and the WebRTC set-up otherwise compete for the CPU, and
// the answer is what the connection waits for. Messages sent before the socket is open wait
// in the outbox. The inlined messages also arrive over the WebSocket and are skipped once (a
// page fetched by anything but this script consumes nothing).
const inlined = document.getElementById("icescope-inline");
let messages = [];
if (inlined) {
  try {
    messages = JSON.parse(inlined.textContent);
  } catch (err) {
    log(`ignored the inlined messages: ${err}`);
  }
}
for (const message of messages) {
  if (message.type === "hello") inlinedHello = true;
  if (message.type === "offer") inlinedOffer = message.sdp;
  dispatch(message);
}
// After the inlined messages are handled (each one's failure is reported, never thrown).
queue = queue.then(() => connect());
