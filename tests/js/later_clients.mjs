// A Groove client of the 0.27.79-0.27.216 line, in plain Node (node:crypto, JSON.stringify, fetch): it sends
// every envelope shape those clients send (docs/PROTOCOL.md, "Later clients") and every compatibility hazard
// to a running server, and prints one JSON line per answer for the Python test to judge.
//
//   node later_clients.mjs URL first       all sessions; last line: {"state": ...} to give to `late`
//   node later_clients.mjs URL late        reads that state line on stdin: feedback and closes that come late
//
// Output lines: {"session": NAME, "what": WHAT, "status": HTTP status, "body": parsed answer}.

import { createECDH, createHmac, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

const [url, phase] = process.argv.slice(2);
const APP_HASH = "4a527565d85cc601d3c47c376e4f361d5af987de58f60cf71dbc263a0de91247"; // 0.27.91-0.27.216
const FINGERPRINT = randomBytes(16).toString("hex"); // one machine runs every session, as one daemon does
const T0 = Math.round(Date.now() / 1000) - 600;
const at = (seconds) => Math.round((T0 + seconds) * 1000) / 1000;

function say(session, what, status, body) {
  process.stdout.write(JSON.stringify({ session, what, status, body }) + "\n");
}

async function post(path, text) {
  const response = await fetch(url + path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: text,
  });
  const answer = await response.text();
  let body;
  try {
    body = JSON.parse(answer);
  } catch {
    body = { unparsed: answer.slice(0, 200) };
  }
  return [response.status, body];
}

class Session {
  constructor(name, { provider, model, groove = "0.27.216" }) {
    this.name = name;
    this.provider = provider;
    this.model = model;
    this.groove = groove;
    this.sessionId = `sess_${randomUUID()}`;
    this.contributorId = randomBytes(16).toString("hex");
    this.sequence = 0; // the next attestation.sequence: every envelope built takes one, sent or not
    this.chunk = 0; // the next chunk_sequence
  }

  static restore(name, saved) {
    const session = new Session(name, saved);
    Object.assign(session, { sessionId: saved.sessionId, sequence: saved.sequence });
    session.secret = Buffer.from(saved.secret, "hex");
    return session;
  }

  saved() {
    const { provider, model, groove, sessionId, sequence, refusedBytes } = this;
    return { provider, model, groove, sessionId, sequence, refusedBytes, secret: this.secret.toString("hex") };
  }

  async open() {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const [status, body] = await post(
      "/v1/sessions/open",
      JSON.stringify({
        session_id: this.sessionId,
        public_key: ecdh.getPublicKey("base64"),
        provider: this.provider,
        model: this.model,
        machine_fingerprint: FINGERPRINT,
        app_version_hash: APP_HASH,
        groove_version: this.groove,
      }),
    );
    say(this.name, "open", status, body);
    if (status === 200) this.secret = ecdh.computeSecret(Buffer.from(body.server_public_key, "base64"));
  }

  metadata(extra = {}) {
    return {
      model_engine: this.model,
      provider: this.provider,
      agent_role: "backend",
      agent_id: "backend-1",
      task_complexity: "medium",
      team_size: 2,
      session_quality: 0,
      groove_version: this.groove,
      leaf_context: null,
      ...extra,
    };
  }

  // The envelope with its attestation in the client's key position, signed over the rest as JSON.stringify
  // writes it: HMAC-SHA256(secret, sequence as 4 bytes big-endian || text).
  signed(head, tail, { hmac } = {}) {
    const sequence = this.sequence++;
    const unsigned = { ...head, ...tail };
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32BE(sequence);
    const mac = createHmac("sha256", this.secret).update(prefix).update(JSON.stringify(unsigned)).digest("hex");
    const attestation = { session_hmac: hmac ?? mac, sequence, app_version_hash: APP_HASH };
    return JSON.stringify({ ...head, attestation, ...tail });
  }

  chunkEnvelope(steps, metadata = this.metadata(), options = {}) {
    const head = {
      envelope_id: `env_${randomUUID()}`,
      session_id: this.sessionId,
      chunk_sequence: this.chunk++,
      contributor_id: this.contributorId,
    };
    return this.signed(head, { metadata, trajectory_log: steps }, options);
  }

  closeEnvelope(outcome, metadata) {
    const head = { envelope_id: `env_${randomUUID()}`, session_id: this.sessionId, type: "SESSION_CLOSE" };
    return this.signed(head, metadata === undefined ? { outcome } : { metadata, outcome });
  }

  feedbackEnvelope(feedback) {
    const head = { envelope_id: `env_${randomUUID()}`, session_id: this.sessionId, type: "USER_FEEDBACK" };
    return this.signed(head, { feedback });
  }

  async send(what, text) {
    const [status, body] = await post("/v1/training/ingest", text);
    say(this.name, what, status, body);
    return status;
  }

  // What the client's drain does after its queue is empty (unsigned, by session id).
  async closeRequest(what = "close request") {
    const [status, body] = await post("/v1/sessions/close", JSON.stringify({ session_id: this.sessionId }));
    say(this.name, what, status, body);
  }
}

function outcome(status, steps, chunks, extra = {}) {
  return {
    status,
    session_quality: 80,
    quality_tier: "TIER_A",
    quality_tier_reason: "high_quality_errors_recovered",
    user_interventions: 0,
    total_steps: steps,
    total_chunks: chunks,
    total_tokens: 89,
    duration_seconds: 95,
    files_modified: 0,
    errors_encountered: 1,
    errors_recovered: 1,
    coordination_events: 1,
    training_eligible: false,
    training_exclusion_reason: "insufficient_tokens",
    ...extra,
  };
}

const keywordTags = {
  primary: { domain: "typescript_node", confidence: 0.0667 },
  secondary: { domain: "python", confidence: 0 },
  tertiary: { domain: "react_frontend", confidence: 0 },
};

function accepted(targetStep, timestamp) {
  return {
    signal: "accepted",
    timestamp,
    context: "session completed successfully with no user interventions",
    target_step: targetStep,
    revision_rounds: 0,
    delta_summary: null,
  };
}

function plainSteps(first, count, start) {
  const kinds = ["thought", "action", "observation", "resolution"];
  return Array.from({ length: count }, (_, i) => {
    const type = kinds[i % kinds.length];
    const step = { step: first + i, type, timestamp: at(start + i) };
    if (type === "action") Object.assign(step, { tool: "Bash", arguments: { command: `ls src/${i}` } });
    return Object.assign(step, { content: `${type} ${first + i}`, token_count: 5 });
  });
}

// Section 7: one resumed claude-code session (chunk 0, SESSION_CLOSE 1, USER_FEEDBACK 2).
async function resumed() {
  const s = new Session("resumed", { provider: "claude-code", model: "claude-opus-4-6" });
  await s.open();
  const steps = [
    { step: 1, type: "instruction", timestamp: at(0.101), content: "Add retry with backoff to the upload client", source: "user", token_count: 11 },
    { step: 2, type: "instruction", timestamp: at(0.102), content: "Also keep the old 5 s timeout.", source: "user", token_count: 8 },
    { step: 3, type: "thought", timestamp: at(4.215), content: "Let me fix the timeout handling in the Express upload client first.", correction_context: true, token_count: 17 },
    { step: 4, type: "action", timestamp: at(4.219), tool: "Grep", arguments: { pattern: "TIMEOUT" }, content: "Using Grep", token_count: 8 },
    { step: 5, type: "observation", timestamp: at(5.002), content: "src/upload.js:3:const TIMEOUT = 5000;", truncated: false, original_token_count: 10, is_error: false, tool: "Grep", token_count: 10 },
    { step: 6, type: "action", timestamp: at(24.8), tool: "Bash", arguments: { command: "npm run tset" }, content: "Using Bash", token_count: 9 },
    { step: 7, type: "error", timestamp: at(26.13), content: 'npm ERR! Missing script: "tset"', is_error: true, tool: "Bash", token_count: 8 },
    { step: 8, type: "coordination", timestamp: at(71.4), coordination_id: "", direction: "outbound", target_agent: "", protocol: "knock", content: "", token_count: 1 },
    { step: 9, type: "resolution", timestamp: at(95.62), content: "Added retry with exponential backoff to upload(); timeout unchanged.", token_count: 17 },
  ];
  await s.send("chunk", s.chunkEnvelope(steps));
  const closeMeta = s.metadata({ session_quality: 80, domain_tags: keywordTags, session_embedding: null });
  await s.send("SESSION_CLOSE", s.closeEnvelope(outcome("SUCCESS", 9, 1), closeMeta));
  const feedback = s.feedbackEnvelope(accepted(9, at(96.004)));
  await s.send("USER_FEEDBACK", feedback);
  await s.send("USER_FEEDBACK retry", feedback);
  await s.closeRequest();
  return s;
}

// Every later step type and field, the content limit in UTF-16 units, an embedding, an iterated feedback.
async function iterated() {
  const s = new Session("iterated", { provider: "codex", model: "gpt-5.5" });
  await s.open();
  const meta = s.metadata({ team_size: 120 }); // H9: agents counted daemon-wide
  // 96,000 UTF-16 units in 95,500 code points (the client's truncation counts JavaScript string length).
  const big = "x".repeat(95000) + "\u{1F389}".repeat(500);
  await s.send("chunk 0", s.chunkEnvelope([
    { step: 1, type: "instruction", timestamp: at(1), content: "Make the upload client retry", source: "user", token_count: 6 },
    { step: 2, type: "thought", timestamp: at(2), content: "Looking at the client first.", token_count: 6 },
    { step: 3, type: "action", timestamp: at(3), tool: "Bash", arguments: { command: "cat build.log" }, content: "Using Bash", token_count: 7 },
    { step: 4, type: "observation", timestamp: at(4), content: big + "\n[TRUNCATED \u2014 original output was 31250 tokens]", truncated: true, original_token_count: 31250, is_error: false, tool: "Bash", token_count: 24012 },
    { step: 5, type: "correction", timestamp: at(5), content: "that's wrong, keep the old timeout", source: "user", token_count: 9 },
    { step: 6, type: "clarification", timestamp: at(6), content: "I meant the S3 client, not the local one", source: "user", token_count: 10 },
  ], meta));
  await s.send("chunk 1", s.chunkEnvelope([
    { step: 7, type: "approval", timestamp: at(7), content: "looks good, go ahead", source: "user", token_count: 5 },
    { step: 8, type: "edit", timestamp: at(8), file_path: "src/upload.js", edit_type: "modify", content: null, old_string: "const TIMEOUT = 5000;", new_string: "const TIMEOUT = 5000;\nconst RETRIES = 3;", token_count: 16 },
    { step: 9, type: "delegate", content: "Implement the S3 multipart upload endpoint", timestamp: at(9), token_count: 11 },
    { step: 10, type: "yield", content: "Upload client with retries is ready for the frontend", timestamp: at(10), token_count: 13, path: "src/upload.js" },
    // H3: over 400,000 characters of output; H11: a lone surrogate, which JSON.stringify escapes.
    { step: 11, type: "observation", timestamp: at(11), content: "tail of a huge log \uD83D and an em dash \u2014", truncated: true, original_token_count: 150000, is_error: false, tool: "Bash", token_count: 12 },
  ], meta));
  await s.send("chunk 2", s.chunkEnvelope([
    { step: 12, type: "thought", timestamp: at(12), content: "Retries in place \u2014 running the tests.", token_count: 8 },
    { step: 13, type: "resolution", timestamp: at(13), content: "Upload retries three times with backoff.", token_count: 8 },
  ], meta));
  // H11: hundreds of floats as JavaScript writes them (1.5e-7, not 1.5e-07).
  const vector = Array.from({ length: 768 }, (_, i) => Math.sin(i + 1) / (i % 7 === 0 ? 1e6 : 10));
  vector[3] = 1.5e-7;
  const closeMeta = s.metadata({
    team_size: 120,
    session_quality: 62,
    domain_tags: keywordTags,
    session_embedding: { model: "BAAI/bge-base-en-v1.5", vector, source_text: "backend\nRetries \u2014 upload client" },
  });
  const closing = outcome("SUCCESS", 13, 3, {
    session_quality: 62,
    quality_tier: "TIER_B",
    quality_tier_reason: "moderate_quality",
    user_interventions: 2,
    total_tokens: 2_500_000, // H4
    duration_seconds: 90_061,
    training_eligible: true,
    training_exclusion_reason: null,
  });
  await s.send("SESSION_CLOSE", s.closeEnvelope(closing, closeMeta));
  await s.send("USER_FEEDBACK", s.feedbackEnvelope({
    signal: "iterated",
    timestamp: at(14.25),
    context: "user requested 2 revision(s) before completion",
    target_step: 13,
    revision_rounds: 2,
    delta_summary: null,
  }));
  return s;
}

// A chat turn (0.27.120-0.27.196), ended by the agent-loop stop path (STOPPED).
async function chat() {
  const s = new Session("chat", { provider: "claude-code", model: "claude-sonnet-4-6", groove: "0.27.150" });
  await s.open();
  const meta = s.metadata({
    agent_role: "chat",
    agent_id: `chat-api-3f9a1c2b-7d4-${Date.now()}`,
    team_size: 1,
  });
  await s.send("chunk", s.chunkEnvelope([
    { step: 1, type: "instruction", timestamp: at(20.123), content: "What is React?", source: "user", token_count: 4 },
    { step: 2, type: "thought", timestamp: at(26.5), content: "React is a JavaScript library for building user interfaces.", token_count: 15 },
    { step: 3, type: "resolution", timestamp: at(26.501), content: "React is a JavaScript library for building user interfaces.", token_count: 15 },
  ], meta));
  await s.send("SESSION_CLOSE", s.closeEnvelope(outcome("STOPPED", 3, 1), meta));
  return s;
}

// H8: a chat provider outside the CLI three, and no model chosen ("auto").
async function auto() {
  const s = new Session("auto", { provider: "ollama", model: "auto" });
  await s.open();
  await s.send("chunk", s.chunkEnvelope(plainSteps(1, 2, 30)));
  await s.send("SESSION_CLOSE", s.closeEnvelope(outcome("SUCCESS", 2, 1), s.metadata()));
  return s;
}

// H5 and H8: a model missing from the tier table, closed by the daemon stopping.
async function shutdown() {
  const s = new Session("shutdown", { provider: "claude-code", model: "claude-opus-5" });
  await s.open();
  await s.send("chunk", s.chunkEnvelope(plainSteps(1, 4, 40)));
  await s.send("SESSION_CLOSE", s.closeEnvelope(outcome("SHUTDOWN", 4, 1), s.metadata()));
  return s;
}

// H1 and H2: an authentic chunk refused for what it holds uses its number; the client retries it four more
// times, then goes on with the next number.
async function refused() {
  const s = new Session("refused", { provider: "gemini", model: "gemini-2.5-pro" });
  await s.open();
  await s.send("chunk 0", s.chunkEnvelope(plainSteps(1, 3, 50)));
  const tooLong = plainSteps(4, 1, 53);
  tooLong[0].content = "\u{1F600}".repeat(50001); // 100,002 UTF-16 units in 50,001 characters
  const bad = s.chunkEnvelope(tooLong);
  for (let attempt = 1; attempt <= 5; attempt++) await s.send(`chunk 1 attempt ${attempt}`, bad);
  s.refusedBytes = bad; // sent once more after the server restarted
  await s.send("chunk 2", s.chunkEnvelope(plainSteps(5, 3, 55)));
  await s.send("SESSION_CLOSE", s.closeEnvelope(outcome("SUCCESS", 7, 3), s.metadata()));
  return s;
}

// H1: an envelope the client gave up on (five failed attempts) leaves a number never received.
async function dropped() {
  const s = new Session("dropped", { provider: "claude-code", model: "claude-opus-4-6" });
  await s.open();
  await s.send("chunk 0", s.chunkEnvelope(plainSteps(1, 2, 60)));
  s.chunkEnvelope(plainSteps(3, 2, 62)); // built and signed, never delivered
  await s.send("chunk 2", s.chunkEnvelope(plainSteps(5, 2, 64)));
  await s.send("SESSION_CLOSE", s.closeEnvelope(outcome("CRASH", 6, 3), s.metadata()));
  return s;
}

// H12: an unsigned envelope is answered and uses nothing; the signed one with the same number then goes in.
async function unsigned() {
  const s = new Session("unsigned", { provider: "claude-code", model: "claude-opus-4-6" });
  await s.open();
  await s.send("unsigned chunk", s.chunkEnvelope(plainSteps(1, 2, 70), s.metadata(), { hmac: "" }));
  s.sequence = 0;
  s.chunk = 0;
  await s.send("chunk 0", s.chunkEnvelope(plainSteps(1, 2, 70)));
  await s.send("SESSION_CLOSE", s.closeEnvelope(outcome("SUCCESS", 2, 1), s.metadata()));
  return s;
}

// H6: a 0.27.180+ chunk of about 20 MB (action arguments are not capped).
async function large() {
  const s = new Session("large", { provider: "claude-code", model: "claude-opus-4-6" });
  await s.open();
  const steps = plainSteps(1, 2, 80);
  steps[1].arguments = { file_path: "src/big.json", content: "a".repeat(20_000_000) };
  await s.send("chunk", s.chunkEnvelope(steps));
  await s.send("SESSION_CLOSE", s.closeEnvelope(outcome("SUCCESS", 2, 1), s.metadata()));
  return s;
}

// H10: the SESSION_CLOSE was dropped, so USER_FEEDBACK comes on an open session with the number after it.
async function noClose() {
  const s = new Session("no-close", { provider: "codex", model: "o3" });
  await s.open();
  await s.send("chunk", s.chunkEnvelope(plainSteps(1, 2, 90)));
  s.closeEnvelope(outcome("SUCCESS", 2, 1), s.metadata()); // never delivered
  await s.send("USER_FEEDBACK", s.feedbackEnvelope(accepted(2, at(92))));
  await s.closeRequest();
  return s;
}

// H7: a session per resumed turn, all from this machine.
async function turns(count) {
  const sessions = [];
  for (let turn = 0; turn < count; turn++) {
    const s = new Session(`turn-${turn}`, { provider: "claude-code", model: "claude-opus-4-7" });
    await s.open();
    await s.send("chunk", s.chunkEnvelope(plainSteps(1, 1, 100 + turn)));
    await s.send("SESSION_CLOSE", s.closeEnvelope(outcome("SUCCESS", 1, 1), s.metadata()));
    await s.send("USER_FEEDBACK", s.feedbackEnvelope(accepted(1, at(101 + turn))));
    sessions.push(s);
  }
  return sessions;
}

// Section 4.9: a client asks <central>/v1/embed for a session embedding; any non-2xx means keyword tags.
async function embed() {
  const [status, body] = await post("/v1/embed", JSON.stringify({ input: "health check", model: "BAAI/bge-base-en-v1.5" }));
  say("embedding", "embed", status, body);
}

async function first() {
  await embed();
  const sessions = [
    await resumed(), await iterated(), await chat(), await auto(), await shutdown(), await refused(),
    await dropped(), await unsigned(), await large(), await noClose(), ...(await turns(25)),
  ];
  const state = Object.fromEntries(sessions.map((s) => [s.name, s.saved()]));
  process.stdout.write(JSON.stringify({ state }) + "\n");
}

// After the server restarted and credited everything: feedback past the close grace, the drain's close.
async function late() {
  const { state } = JSON.parse(readFileSync(0, "utf8"));
  const chatTurn = Session.restore("chat", state.chat);
  await chatTurn.send("late USER_FEEDBACK", chatTurn.feedbackEnvelope(accepted(3, at(27))));
  await chatTurn.closeRequest();
  await Session.restore("iterated", state.iterated).closeRequest();
  const refused = Session.restore("refused", state.refused);
  await refused.send("chunk 1 after a restart", state.refused.refusedBytes);
}

await (phase === "late" ? late() : first());
