export const id = 424;
export const ids = [424];
export const modules = {

/***/ 8253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $y: () => (/* binding */ GATE_HEADERS),
/* harmony export */   Zl: () => (/* binding */ gateRows),
/* harmony export */   k0: () => (/* binding */ gateTable)
/* harmony export */ });
/* harmony import */ var _github_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1561);

const ICON = { pass: '✅ pass', fail: '❌ fail', skip: '➖ skip' };
/** Column headers of gateRows. */
const GATE_HEADERS = ['gate', 'result', 'reason', 'evidence'];
/** Rows for a job-summary table; reasons quote registry content, so they stay text (escaped). */
function gateRows(results) {
    return results.map((r) => [
        r.gate,
        ICON[r.status],
        r.reason,
        r.evidence ? (0,_github_summary_js__WEBPACK_IMPORTED_MODULE_0__.inlineCode)(r.evidence) : '',
    ]);
}
/** The gates as one markdown table. */
function gateTable(results) {
    return (0,_github_summary_js__WEBPACK_IMPORTED_MODULE_0__.table)(GATE_HEADERS, gateRows(results));
}


/***/ }),

/***/ 424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GATE_HEADERS: () => (/* reexport */ gate_rows/* GATE_HEADERS */.$y),
  GateRefusedError: () => (/* reexport */ GateRefusedError),
  assertGatesPassed: () => (/* reexport */ assertGatesPassed),
  digestExists: () => (/* reexport */ digestExists),
  gateLine: () => (/* reexport */ gateLine),
  gateRows: () => (/* reexport */ gate_rows/* gateRows */.Zl),
  gateTable: () => (/* reexport */ gate_rows/* gateTable */.k0),
  healthyIn: () => (/* reexport */ healthyIn),
  notQuarantined: () => (/* reexport */ notQuarantined),
  promotedInto: () => (/* reexport */ promotedInto),
  ranHealthyIn: () => (/* reexport */ ranHealthyIn),
  runGates: () => (/* reexport */ runGates),
  skipped: () => (/* reexport */ skipped),
  soakedFor: () => (/* reexport */ soakedFor),
  validated: () => (/* reexport */ validated)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
;// CONCATENATED MODULE: ./packages/core/src/gates/gate-result.ts

/** A gate that was not asked for, shown in the table so nobody thinks it passed. */
function skipped(gate, reason) {
    return { gate, status: 'skip', reason };
}
/** One log line per gate: `gate validated: pass: … (evidence sha256:…)`. */
function gateLine(r) {
    return `gate ${r.gate}: ${r.status}: ${r.reason}${r.evidence ? ` (evidence ${r.evidence})` : ''}`;
}
/**
 * Runs every check in order, even after a failure, so the log and the summary show each gate's
 * verdict at once rather than one refusal per run. A check that throws is an operational
 * failure (the registry could not answer), not a failed gate: it propagates.
 */
async function runGates(checks, opts = {}) {
    const results = [];
    for (const check of checks) {
        const r = await check();
        results.push(r);
        opts.log?.(gateLine(r));
    }
    return { passed: results.every((r) => r.status !== 'fail'), results };
}
/**
 * A digest refused by one or more gates: the user's to fix (exit 1). Nothing was copied,
 * deployed or recorded. The message names each failed gate and why.
 */
class GateRefusedError extends errors/* ConfigurationError */.j1 {
    results;
    /** What was refused, e.g. `promote of repo@sha256:… to production`. */
    what;
    constructor(results, what = 'refused') {
        const failed = results.filter((r) => r.status === 'fail');
        super(`${what}: ${failed.map((r) => `gate ${r.gate} failed: ${r.reason}`).join('; ') || 'no gate failed'}`);
        this.results = results;
        this.what = what;
    }
}
/** Throws GateRefusedError unless every gate passed or was skipped. */
function assertGatesPassed(outcome, what) {
    if (!outcome.passed)
        throw new GateRefusedError(outcome.results, what);
}

// EXTERNAL MODULE: ./packages/core/src/ledger/queries.ts
var queries = __webpack_require__(6711);
;// CONCATENATED MODULE: ./packages/core/src/gates/image-gates.ts

/** The digest is in `store` (a deploy, promote or rollback never acts on a digest that is gone). */
async function digestExists(store, digest) {
    const found = await store.resolve(digest);
    return found === digest
        ? {
            gate: 'digest-exists',
            status: 'pass',
            reason: `${store.label} holds ${digest}`,
            evidence: `${store.label}@${digest}`,
        }
        : {
            gate: 'digest-exists',
            status: 'fail',
            reason: `${store.label} has no manifest ${digest} (deleted, or never pushed there)`,
        };
}
/**
 * No environment quarantined the digest: the verified head of every ledger in scope (each
 * environment kiln.yml names) carries its quarantines, so no rewrite of a referrers index hides
 * one; the digest's referrers in each ledger store are searched too, for ledgers kiln.yml does
 * not name. Any one refuses it.
 */
async function notQuarantined(scope, digest) {
    const found = await firstQuarantine(scope, digest);
    if (!found)
        return {
            gate: 'not-quarantined',
            status: 'pass',
            reason: `no quarantine of ${digest} in the ledgers of ${[...new Set(scope.ledgers.map((l) => l.env))].join(', ')} (${[...new Set(scope.stores.map((s) => s.label))].join(', ')})`,
        };
    const e = found.entry;
    return {
        gate: 'not-quarantined',
        status: 'fail',
        reason: `${digest} was quarantined in ${e.env} (seq ${e.seq}, ${e.at}, by ${e.actor || 'unknown'}): ${e.reason ?? 'no reason given'}`,
        evidence: found.digest,
    };
}
async function firstQuarantine(scope, digest) {
    for (const ledger of scope.ledgers) {
        const entry = await (0,queries/* quarantineIn */.Iw)(ledger, digest);
        if (entry)
            return entry;
    }
    for (const store of scope.stores) {
        const q = await (0,queries/* isQuarantined */.fK)(store, digest);
        if (q.entry)
            return q.entry;
    }
    return undefined;
}
/** Validation evidence that passed exists for the digest (`require-validation`). */
async function validated(store, digest) {
    const v = await (0,queries/* isValidated */.ft)(store, digest);
    return {
        gate: 'validated',
        status: v.ok ? 'pass' : 'fail',
        reason: `${v.reason} in ${store.label}`,
        ...(v.evidence ? { evidence: v.evidence.digest } : {}),
    };
}

// EXTERNAL MODULE: ./packages/core/src/oci/registry/errors.ts
var registry_errors = __webpack_require__(5020);
// EXTERNAL MODULE: ./packages/core/src/ledger/chain.ts
var chain = __webpack_require__(4814);
;// CONCATENATED MODULE: ./packages/core/src/gates/ledger-gates.ts



const where = (ledger) => `${ledger.env} (ledger ${ledger.store.label})`;
/**
 * The digest is what runs, healthy, in the ledger's environment now: the head's current digest
 * (a deploy or rollback that ended deployed or unchanged). A digest that ran there once but was
 * replaced since is not "deployed and healthy" there.
 */
async function healthyIn(ledger, digest) {
    const gate = 'healthy';
    const head = await ledger.head();
    if (!head)
        return { gate, status: 'fail', reason: `nothing was ever deployed to ${where(ledger)}` };
    const effect = (0,chain/* effectOf */.$x)(head.entry);
    if (effect.current !== digest) {
        const runs = effect.current
            ? `${ledger.env} runs ${effect.current}${effect.since ? ` since ${effect.since}` : ''}`
            : `nothing runs in ${ledger.env}`;
        return {
            gate,
            status: 'fail',
            reason: `${digest} is not deployed and healthy in ${where(ledger)}: ${runs} (ledger seq ${head.entry.seq}: ${head.entry.action} ${head.entry.outcome})`,
        };
    }
    // The newest entry that ran it healthy: the head, or one the head carries in its list.
    const proof = (0,chain/* knownGoodAfter */.Vy)(head).find((k) => k.digest === digest);
    return {
        gate,
        status: 'pass',
        reason: `${digest} runs healthy in ${where(ledger)}${effect.since ? ` since ${effect.since}` : ''}${proof ? ` (ledger seq ${proof.seq})` : ''}`,
        ...(proof ? { evidence: proof.entry } : {}),
    };
}
/**
 * The digest has run in the ledger's environment for at least `minSoakMs` without being
 * replaced: counted from the start of its current run (an `unchanged` redeploy does not
 * restart it; a rollback away and back does). 0 skips the gate.
 */
async function soakedFor(ledger, digest, minSoakMs, now) {
    const gate = 'min-soak';
    if (minSoakMs <= 0)
        return { gate, status: 'skip', reason: 'min-soak is 0' };
    const since = await (0,queries/* deployedSince */.JZ)(ledger, digest);
    if (!since)
        return {
            gate,
            status: 'fail',
            reason: `${digest} is not running in ${where(ledger)}, so it has not soaked there (min-soak ${(0,registry_errors/* formatMs */._V)(minSoakMs)})`,
        };
    const soaked = now.getTime() - since.getTime();
    if (soaked >= minSoakMs)
        return {
            gate,
            status: 'pass',
            reason: `running in ${ledger.env} for ${(0,registry_errors/* formatMs */._V)(soaked)} since ${since.toISOString()} (min-soak ${(0,registry_errors/* formatMs */._V)(minSoakMs)})`,
        };
    return {
        gate,
        status: 'fail',
        reason: `running in ${ledger.env} for ${(0,registry_errors/* formatMs */._V)(Math.max(0, soaked))} since ${since.toISOString()}, min-soak is ${(0,registry_errors/* formatMs */._V)(minSoakMs)}: ${(0,registry_errors/* formatMs */._V)(minSoakMs - soaked)} to go`,
    };
}
/**
 * The digest was promoted into the ledger's environment (kiln.yml `requires: from`): a deploy
 * there refuses a digest that did not come through promote.
 */
async function promotedInto(ledger, digest, from) {
    const gate = 'promoted';
    return (await (0,queries/* wasPromotedTo */.V7)(ledger, digest))
        ? {
            gate,
            status: 'pass',
            reason: `${digest} was promoted into ${where(ledger)} (requires ${from})`,
        }
        : {
            gate,
            status: 'fail',
            reason: `${digest} was never promoted into ${where(ledger)}; ${ledger.env} requires ${from}: promote it from ${from} first`,
        };
}

;// CONCATENATED MODULE: ./packages/core/src/gates/rollback-gates.ts


/**
 * The digest ran healthy in the ledger's environment at some time (a deploy or rollback there
 * ended deployed or unchanged): a rollback goes only to a digest the environment has seen
 * working. The head's known-good list answers recent digests in one read; an older one is
 * looked up among the digest's own ledger referrers.
 */
async function ranHealthyIn(ledger, digest) {
    const gate = 'ran-healthy';
    const where = `${ledger.env} (ledger ${ledger.store.label})`;
    const head = await ledger.head();
    const kept = head ? (0,chain/* knownGoodAfter */.Vy)(head).find((k) => k.digest === digest) : undefined;
    if (kept)
        return {
            gate,
            status: 'pass',
            reason: `${digest} ran healthy in ${where} (ledger seq ${kept.seq}, ${kept.at})`,
            evidence: kept.entry,
        };
    if (head && (await (0,queries/* wasHealthy */.tj)(ledger, digest)))
        return {
            gate,
            status: 'pass',
            reason: `${digest} ran healthy in ${where} (an entry older than the head's known-good list)`,
        };
    return {
        gate,
        status: 'fail',
        reason: `${digest} never ran healthy in ${where}: a rollback goes only to a digest that did`,
    };
}

// EXTERNAL MODULE: ./packages/core/src/gates/gate-rows.ts
var gate_rows = __webpack_require__(8253);
;// CONCATENATED MODULE: ./packages/core/src/gates/index.ts
// Gates shared by promote, replace-fleet and rollback: each answers pass, fail or skip with
// the evidence it rests on; runGates collects them and GateRefusedError refuses (exit 1).







/***/ }),

/***/ 7642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ htmlText),
/* harmony export */   p: () => (/* binding */ markdownText)
/* harmony export */ });
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8315);

/**
 * Untrusted text (labels, USER, file names, registry and container output) for GitHub's
 * markdown: the job summary and check-run summaries and texts are rendered by cmark-gfm, so a
 * label could otherwise bring a link, an image, a table row, a heading or HTML of its own.
 * Entity and backslash escapes are never markup in CommonMark, so escaped text shows as itself.
 */
/** Characters that open or close markup anywhere in a line; `\` first, so escapes stay pairs. */
const MARKUP = /[\\`*_[\]|~#$]/g;
/**
 * Text as markdown inline content (a table cell, a heading, a list item): every character
 * that could be markup escaped, `<`, `>` and `&` as entities, line breaks as `<br>` so the text
 * stays in its cell or heading, autolinks broken (`https\://`, `www\.`, and `@` followed by an
 * empty HTML comment, since cmark-gfm links e-mail addresses even through escapes; GitHub drops
 * the comment), and a leading list or setext marker escaped in case the text starts a line.
 */
function markdownText(value) {
    return (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(value)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(MARKUP, (c) => `\\${c}`)
        .replace(/:(?=\/\/)/g, '\\:')
        .replace(/\b(www)\./gi, '$1\\.')
        .replace(/@/g, '@<!-- -->')
        .replace(/^(\d+)([.)])/, '$1\\$2')
        .replace(/^([-+=])/, '\\$1')
        .replace(/\n/g, '<br>');
}
/** Text inside an HTML block (such as `<summary>`), where markdown escapes do not apply. */
function htmlText(value) {
    return (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(value)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/\n/g, '<br>');
}


/***/ }),

/***/ 1561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Markdown: () => (/* binding */ Markdown),
/* harmony export */   code: () => (/* binding */ code),
/* harmony export */   details: () => (/* binding */ details),
/* harmony export */   heading: () => (/* binding */ heading),
/* harmony export */   inlineCode: () => (/* binding */ inlineCode),
/* harmony export */   table: () => (/* binding */ table),
/* harmony export */   writeSummary: () => (/* binding */ writeSummary)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8315);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7642);



/**
 * Markdown builders for job summaries (digests, sizes, gates, timings). They return strings so
 * callers compose a whole summary and write it once; each is plain GitHub-flavoured markdown.
 * A plain string given to a builder is text, wherever it came from, and is escaped
 * (escape.ts), so a label shows as itself; markup of Kiln's own is a `Markdown` value.
 */
/** Markdown source written by Kiln: used as it is where a plain string is escaped as text. */
class Markdown {
    source;
    constructor(source) {
        this.source = source;
    }
    toString() {
        return this.source;
    }
}
/**
 * A table cell is one line of markdown: a newline would end the row and an unescaped `|` the
 * cell, even inside a code span. A `|` after an even number of backslashes (none included)
 * gets one more, so it is escaped however a table parser pairs backslashes.
 */
function cell(value) {
    const source = value instanceof Markdown ? value.source : (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownText */ .p)(String(value ?? ''));
    return source
        .replace(/(\\*)\|/g, (m, bs) => (bs.length % 2 ? m : `${bs}\\|`))
        .replace(/\r?\n/g, '<br>');
}
function table(headers, rows) {
    const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
    const pad = (r) => Array.from({ length: headers.length }, (_, i) => r[i]);
    const rule = headers.map(() => new Markdown('---'));
    return [line(headers), line(rule), ...rows.map((r) => line(pad(r)))].join('\n');
}
/** A collapsed section; the blank lines let GitHub render markdown inside the HTML block. */
function details(summary, body) {
    return `<details><summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .htmlText */ .j)(summary)}</summary>\n\n${body}\n\n</details>`;
}
/** A fenced block whose fence is longer than any backtick run inside, so content cannot end it. */
function code(text, lang = '') {
    const shown = (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(text);
    const longest = Math.max(2, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${lang}\n${shown.replace(/\n$/, '')}\n${fence}`;
}
/**
 * Inline code; a value containing backticks gets a longer delimiter and padding spaces. A
 * code span shows its content literally; a newline in it would still end a table row, and
 * becomes the space markdown renders it as anyway.
 */
function inlineCode(text) {
    const shown = (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(text).replace(/\n/g, ' ');
    const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
    const tick = '`'.repeat(longest + 1);
    return new Markdown(longest ? `${tick} ${shown} ${tick}` : `${tick}${shown}${tick}`);
}
function heading(text, level = 3) {
    return `${'#'.repeat(level)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownText */ .p)(text)}`;
}
/**
 * Appends markdown to the step summary. Without GITHUB_STEP_SUMMARY (CLI, tests) it does
 * nothing: the summary is a runner feature and the same facts are also logged.
 */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown, true).write();
}


/***/ }),

/***/ 4814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ effectOf),
/* harmony export */   AH: () => (/* binding */ carryFrom),
/* harmony export */   H5: () => (/* binding */ verifyChain),
/* harmony export */   Vy: () => (/* binding */ knownGoodAfter),
/* harmony export */   jY: () => (/* binding */ quarantinedAfter),
/* harmony export */   kD: () => (/* binding */ linkProblem)
/* harmony export */ });
/* unused harmony exports quarantines, pickKnownGood */
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(307);

/** A deploy or rollback that ended deployed/unchanged runs its digest; anything else leaves `previous`. */
function effectOf(r) {
    const good = (r.action === 'deploy' || r.action === 'rollback') &&
        (r.outcome === 'deployed' || r.outcome === 'unchanged');
    const current = good ? r.digest : r.previous;
    const since = current === r.previous ? r.previous_since : r.at;
    return { current, since, good };
}
/** Whether the entry quarantines its digest. */
const quarantines = (r) => r.action === 'quarantine' && r.outcome === 'quarantined';
/** What the next entry after `head` (undefined: the first entry) must carry. */
function carryFrom(head) {
    if (!head)
        return {
            prev: null,
            seq: 1,
            previous: null,
            previous_since: null,
            known_good: [],
            quarantined: [],
        };
    const r = head.entry;
    const e = effectOf(r);
    const mark = { digest: r.digest, seq: r.seq, at: r.at, entry: head.digest };
    const good = e.good ? [mark] : [];
    // One mark per digest: a second quarantine of it replaces the first.
    const quarantined = quarantines(r)
        ? [mark, ...r.quarantined.filter((q) => q.digest !== r.digest)]
        : r.quarantined;
    return {
        prev: head.digest,
        seq: r.seq + 1,
        previous: e.current,
        previous_since: e.since,
        known_good: [...good, ...r.known_good].slice(0, _entry_js__WEBPACK_IMPORTED_MODULE_0__/* .KNOWN_GOOD_KEPT */ .Rc),
        quarantined: quarantined.slice(0, _entry_js__WEBPACK_IMPORTED_MODULE_0__/* .QUARANTINED_KEPT */ .CE),
    };
}
/** Digests quarantined as of after `head`, newest first (the head's own first when it is one). */
function quarantinedAfter(head) {
    return carryFrom(head).quarantined;
}
/** Known-good digests as of after `head`, newest first (the head's own first when it is good). */
function knownGoodAfter(head) {
    return carryFrom(head).known_good;
}
/**
 * The newest known-good digest other than `before` and those in `skip` (quarantined), older
 * than the newest time `before` itself was good: "what ran healthy before this digest". After
 * v1, v2, v3 and a rollback to v2 that quarantined v3, it is v1. undefined when there is none.
 */
function pickKnownGood(list, before, skip = new Set()) {
    const at = before ? list.findIndex((k) => k.digest === before) : -1;
    return list.slice(at + 1).find((k) => k.digest !== before && !skip.has(k.digest));
}
const short = (d) => d.slice(0, 19);
/** Each field an entry carries, checked against what the entry before it implies. */
function carriedProblem(r, want) {
    if (r.previous !== want.previous)
        return `entry edited: previous is ${r.previous ?? 'null'} but ${want.previous ?? 'nothing'} ran before it`;
    if (r.previous_since !== want.previous_since)
        return `entry edited: previous_since is ${r.previous_since ?? 'null'}, the history says ${want.previous_since ?? 'null'}`;
    if (JSON.stringify(r.known_good) !== JSON.stringify(want.known_good))
        return 'entry edited: its known-good list does not match the history before it';
    if (JSON.stringify(r.quarantined) !== JSON.stringify(want.quarantined))
        return 'entry edited: its quarantine list does not match the history before it';
    return undefined;
}
/**
 * What is wrong with `link` as the entry after `before` (undefined: the first entry) in `env`'s
 * chain: another environment's entry, a seq gap, a wrong prev, or a carried field that the
 * history does not imply. undefined when it follows.
 */
function linkProblem(env, link, before) {
    const r = link.entry;
    const want = carryFrom(before);
    return r.env !== env
        ? `env mismatch: entry ${short(link.digest)} is of environment ${JSON.stringify(r.env)}`
        : r.seq !== want.seq
            ? `seq gap: entry ${short(link.digest)} has seq ${r.seq} where seq ${want.seq} belongs`
            : r.prev !== want.prev
                ? `wrong prev: entry ${short(link.digest)} names ${r.prev ?? 'no entry'} as previous, not ${want.prev ?? 'no entry'}`
                : carriedProblem(r, want);
}
/**
 * Walks a chain (oldest first, as read by following `prev` from the head) and names the first
 * broken link: an entry missing, edited (content not an entry or not matching its digest,
 * annotations or history), a wrong prev, a seq gap, another environment's entry. `listed` are
 * this environment's entries listed as referrers of their images: one that is not in the chain
 * (and not recorded as abandoned by a retried append) was removed or replaced behind the
 * ledger's back.
 */
function verifyChain(env, links, listed = []) {
    const breaks = [];
    let before;
    const inChain = new Set();
    const abandoned = new Set();
    for (const [i, link] of links.entries()) {
        // The walk stops at a missing or broken entry, so only the oldest link can be one: its seq
        // is the one before the entry that named it.
        const next = links[i + 1];
        const seq = before
            ? before.entry.seq + 1
            : next && 'stored' in next
                ? Math.max(1, next.stored.entry.seq - 1)
                : 1;
        inChain.add(link.digest);
        if ('missing' in link) {
            breaks.push({ seq, reason: `entry missing: ${link.digest} is not in the store` });
            break;
        }
        if ('problem' in link) {
            breaks.push({ seq, reason: `entry edited: ${link.digest} ${link.problem}` });
            break;
        }
        const reason = linkProblem(env, link.stored, before);
        if (reason) {
            breaks.push({ seq: carryFrom(before).seq, reason });
            break;
        }
        for (const d of link.stored.entry.abandoned ?? [])
            abandoned.add(d);
        before = link.stored;
    }
    // A walk cut short by a break says nothing about entries older than it.
    const oldest = links[0] && 'stored' in links[0] ? 1 : (breaks[0]?.seq ?? 1);
    for (const d of listed) {
        if (d.annotations?.[_entry_js__WEBPACK_IMPORTED_MODULE_0__/* .LedgerAnnotation */ .zZ.Env] !== env)
            continue;
        if (inChain.has(d.digest) || abandoned.has(d.digest))
            continue;
        const seq = Number(d.annotations?.[_entry_js__WEBPACK_IMPORTED_MODULE_0__/* .LedgerAnnotation */ .zZ.Seq] ?? 0);
        if (seq < oldest)
            continue;
        breaks.push({
            seq: Number.isInteger(seq) && seq > 0 ? seq : 1,
            reason: `entry removed: ${d.digest} (seq ${d.annotations?.[_entry_js__WEBPACK_IMPORTED_MODULE_0__/* .LedgerAnnotation */ .zZ.Seq] ?? '?'}) is listed as a referrer of its image but is not in the chain`,
        });
    }
    const first = breaks.sort((a, b) => a.seq - b.seq)[0];
    const entries = links.filter((l) => 'stored' in l).length;
    if (!first)
        return { ok: true, entries };
    return { ok: false, entries, brokenAt: first.seq, reason: first.reason };
}


/***/ }),

/***/ 307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Wj: () => (/* binding */ ENTRY_MAX_BYTES),
  G1: () => (/* reexport */ env_name/* ENV_NAME */.G),
  Rc: () => (/* binding */ KNOWN_GOOD_KEPT),
  Ut: () => (/* binding */ LEDGER_ENTRY_TYPE),
  lZ: () => (/* binding */ LEDGER_LAYER_TYPE),
  zZ: () => (/* binding */ LedgerAnnotation),
  CE: () => (/* binding */ QUARANTINED_KEPT),
  pv: () => (/* binding */ annotationProblem),
  Ym: () => (/* binding */ encodeRecord),
  Hh: () => (/* binding */ parseRecord),
  _j: () => (/* binding */ recordAnnotations),
  fi: () => (/* binding */ recordSchema)
});

// UNUSED EXPORTS: LEDGER_ACTIONS, LEDGER_OUTCOMES, REASON_MAX, canonicalJson, recordHash

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(0);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var errors = __webpack_require__(7428);
// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var digest = __webpack_require__(3547);
// EXTERNAL MODULE: ./packages/core/src/oci/referrers.ts
var referrers = __webpack_require__(3847);
// EXTERNAL MODULE: ./packages/core/src/ledger/env-name.ts
var env_name = __webpack_require__(7034);
;// CONCATENATED MODULE: ./packages/core/src/ledger/limits.ts
// Apart from entry.ts (zod), so input parsers can check a reason's length without loading it.
/** Longest `reason` kept in an entry. */
const REASON_MAX = 1000;

;// CONCATENATED MODULE: ./packages/core/src/ledger/entry.ts





/** The entry artifact's type; its subject is the image the entry is about. */
const LEDGER_ENTRY_TYPE = referrers/* KilnArtifactType */.PP.LedgerEntry;
/** The entry's one JSON layer. */
const LEDGER_LAYER_TYPE = 'application/json';
/** The largest entry layer read: entries are small; a bigger one is not ours. */
const ENTRY_MAX_BYTES = 64 * 1024;
/** Known-good digests an entry carries forward, newest first: "last known-good" reads only the head. */
const KNOWN_GOOD_KEPT = 16;
/**
 * Quarantines an entry carries forward, newest first, so every environment's head alone says
 * which digests it refuses (a referrers index can be rewritten; the chain cannot without a
 * witness noticing). At about 190 bytes each, 200 keep an entry well under ENTRY_MAX_BYTES.
 */
const QUARANTINED_KEPT = 200;
/** Annotations of an entry's manifest, so a referrers listing answers without reading entries. */
const LedgerAnnotation = {
    Prev: 'dev.kiln.ledger.prev',
    Env: 'dev.kiln.ledger.env',
    Seq: 'dev.kiln.ledger.seq',
    Action: 'dev.kiln.ledger.action',
    Outcome: 'dev.kiln.ledger.outcome',
};
const LEDGER_ACTIONS = ['deploy', 'promote', 'rollback', 'quarantine'];
const LEDGER_OUTCOMES = [
    'deployed',
    'unchanged',
    'rolled-back',
    'promoted',
    'failed',
    'quarantined',
];
/** Re-exported: the rule and the limit live where input parsers can load them without zod. */


const entry_digest = schemas/* string */.YjP()
    .refine((d) => (0,digest/* digestProblem */.WQ)(d) === undefined, { message: 'invalid digest' })
    .transform((d) => d);
const isoTime = schemas/* string */.YjP().refine((t) => !Number.isNaN(Date.parse(t)), { message: 'not a time' });
const markSchema = schemas/* strictObject */.rej({
    digest: entry_digest,
    seq: schemas/* number */.aig().int().positive(),
    at: isoTime,
    entry: entry_digest,
});
/** The stored record, checked on every read: registry content is untrusted. */
const recordSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1),
    env: schemas/* string */.YjP().regex(env_name/* ENV_NAME */.G),
    seq: schemas/* number */.aig().int().positive(),
    action: schemas/* enum */.k5n(LEDGER_ACTIONS),
    digest: entry_digest,
    previous: entry_digest.nullable(),
    outcome: schemas/* enum */.k5n(LEDGER_OUTCOMES),
    at: isoTime,
    duration_ms: schemas/* number */.aig().int().nonnegative(),
    actor: schemas/* string */.YjP(),
    commit: schemas/* string */.YjP(),
    run_url: schemas/* string */.YjP(),
    evidence: schemas/* array */.YOg(entry_digest),
    reason: schemas/* string */.YjP().max(REASON_MAX).optional(),
    from: schemas/* string */.YjP().regex(env_name/* ENV_NAME */.G).optional(),
    prev: entry_digest.nullable(),
    previous_since: isoTime.nullable(),
    known_good: schemas/* array */.YOg(markSchema).max(KNOWN_GOOD_KEPT),
    quarantined: schemas/* array */.YOg(markSchema).max(QUARANTINED_KEPT),
    abandoned: schemas/* array */.YOg(entry_digest).optional(),
});
/** JSON with object keys sorted at every level and no whitespace: one encoding per record. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
/** The entry layer's bytes. */
function encodeRecord(record) {
    return Buffer.from(canonicalJson(record));
}
/** The entry's hash: the digest of its canonical JSON, i.e. of its layer. */
function recordHash(record) {
    return sha256(encodeRecord(record));
}
/**
 * Parses an entry layer; returns the problem instead of throwing, so verify can name the link.
 * Bytes that are not the canonical encoding of what they parse to were not written by Kiln.
 */
function parseRecord(bytes) {
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return { problem: 'its layer is not JSON' };
    }
    const r = recordSchema.safeParse(json);
    if (!r.success)
        return { problem: `its layer is not a ledger entry: ${errors/* prettifyError */.S1(r.error)}` };
    const record = r.data;
    if (!encodeRecord(record).equals(bytes))
        return { problem: 'its layer is not canonical JSON' };
    return { record };
}
/** The manifest annotations of an entry: derived from the record, so they must agree with it. */
function recordAnnotations(record) {
    return {
        [LedgerAnnotation.Env]: record.env,
        [LedgerAnnotation.Seq]: String(record.seq),
        [LedgerAnnotation.Action]: record.action,
        [LedgerAnnotation.Outcome]: record.outcome,
        ...(record.prev ? { [LedgerAnnotation.Prev]: record.prev } : {}),
    };
}
/** The problem when a manifest's annotations do not say what its record says, else undefined. */
function annotationProblem(record, annotations) {
    const want = recordAnnotations(record);
    for (const key of Object.values(LedgerAnnotation)) {
        if ((annotations?.[key] ?? undefined) !== want[key])
            return `annotation ${key} is ${JSON.stringify(annotations?.[key] ?? null)} but the entry says ${JSON.stringify(want[key] ?? null)}`;
    }
    return undefined;
}


/***/ }),

/***/ 6711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ quarantineIn),
/* harmony export */   JZ: () => (/* binding */ deployedSince),
/* harmony export */   V7: () => (/* binding */ wasPromotedTo),
/* harmony export */   fK: () => (/* binding */ isQuarantined),
/* harmony export */   ft: () => (/* binding */ isValidated),
/* harmony export */   ss: () => (/* binding */ current),
/* harmony export */   tj: () => (/* binding */ wasHealthy)
/* harmony export */ });
/* unused harmony exports EVIDENCE_READ_MAX, REPORT_MAX_BYTES, lastKnownGood, quarantine */
/* harmony import */ var _oci_referrers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3847);
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4814);
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(307);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(124);





/** Evidence artifacts read at most per query: bounds what a flood of referrers costs. */
const EVIDENCE_READ_MAX = 8;
/** The largest validation report read. */
const REPORT_MAX_BYTES = 4 * 1024 * 1024;
/** The digest running in the ledger's environment, from the head alone. */
async function current(ledger) {
    const head = await ledger.head();
    return (head && (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .effectOf */ .$x)(head.entry).current) ?? undefined;
}
/**
 * The newest digest that ran healthy before `before` (default: the current digest) and is not
 * quarantined in the environment, from the known-good list the head carries: a constant number
 * of reads while it holds the answer, a walk of the history only when the answer is older than
 * the KNOWN_GOOD_KEPT kept. `skip`: digests quarantined elsewhere, refused too.
 */
async function lastKnownGood(ledger, before, skip = new Set()) {
    const head = await ledger.head();
    if (!head)
        return undefined;
    const list = knownGoodAfter(head);
    const target = before ?? effectOf(head.entry).current;
    const refused = new Set([...skip, ...quarantinedAfter(head).map((q) => q.digest)]);
    const found = pickKnownGood(list, target, refused);
    if (found)
        return found.entry === head.digest ? head : ledger.load(found.entry);
    if (list.length < KNOWN_GOOD_KEPT)
        return undefined;
    // The list was cut: the answer, if any, is older than every digest it holds.
    const history = await ledger.history();
    const all = history
        .filter((s) => effectOf(s.entry).good)
        .map((s) => ({ digest: s.entry.digest, seq: s.entry.seq, at: s.entry.at, entry: s.digest }));
    const older = pickKnownGood(all, target, refused);
    return older ? history.find((s) => s.digest === older.entry) : undefined;
}
/**
 * The entry of `ledger`'s chain that quarantines `digest`, from the quarantines its (verified)
 * head carries: constant cost, and no rewrite of a referrers index can hide it.
 */
async function quarantineIn(ledger, digest) {
    const head = await ledger.head();
    if (!head)
        return undefined;
    const mark = (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .quarantinedAfter */ .jY)(head).find((q) => q.digest === digest);
    if (!mark)
        return undefined;
    return mark.entry === head.digest ? head : ledger.load(mark.entry);
}
/** When the current run of `digest` in the environment began (for min-soak); undefined if not running. */
async function deployedSince(ledger, digest) {
    const head = await ledger.head();
    if (!head)
        return undefined;
    const e = (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .effectOf */ .$x)(head.entry);
    return e.current === digest && e.since ? new Date(e.since) : undefined;
}
/**
 * Whether validation evidence that passed exists for `digest`: a referrer of type
 * `application/vnd.kiln.validation.v1+json` whose report says `pass` for this digest (the
 * report is read, not only the listing's annotation).
 */
async function isValidated(store, digest) {
    const listed = await store.listReferrers(digest, _oci_referrers_js__WEBPACK_IMPORTED_MODULE_0__/* .KilnArtifactType */ .PP.Validation);
    if (!listed.length)
        return { ok: false, reason: `no validation evidence for ${digest}` };
    // Newest last in a listing; a pass annotation is only a hint until the report says so.
    const candidates = [...listed]
        .reverse()
        .filter((d) => d.annotations?.[_oci_referrers_js__WEBPACK_IMPORTED_MODULE_0__/* .VALIDATION_RESULT_ANNOTATION */ .GT] !== 'fail')
        .slice(0, EVIDENCE_READ_MAX);
    for (const d of candidates) {
        const report = await readReport(store, d);
        if (report?.result === 'pass' && reportNames(report, digest))
            return { ok: true, evidence: d, reason: `validation evidence ${d.digest} passed` };
    }
    const last = listed[listed.length - 1];
    return {
        ok: false,
        evidence: last,
        reason: `no passing validation evidence for ${digest} (${listed.length} report(s), newest ${last.digest} ${last.annotations?.[_oci_referrers_js__WEBPACK_IMPORTED_MODULE_0__/* .VALIDATION_RESULT_ANNOTATION */ .GT] ?? 'unreadable'})`,
    };
}
const reportNames = (r, digest) => r.image?.digest === digest || r.image?.manifestDigest === digest;
/** The report JSON of an evidence artifact, or undefined when it is not one. */
async function readReport(store, d) {
    const m = await store.getManifest(d.digest);
    const layer = m.kind === 'image' ? m.manifest.layers[0] : undefined;
    if (!layer || layer.size > REPORT_MAX_BYTES)
        return undefined;
    try {
        const json = JSON.parse((await store.readBlob(layer)).toString('utf8'));
        return typeof json === 'object' && json !== null ? json : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * This environment's (or any environment's) ledger entries about `digest` that match, as the
 * digest's referrers list them (unverified: a caller that grants something checks onChain).
 */
async function entriesAbout(store, digest, match) {
    const listed = await store.listReferrers(digest, _entry_js__WEBPACK_IMPORTED_MODULE_2__/* .LEDGER_ENTRY_TYPE */ .Ut);
    const out = [];
    for (const d of listed) {
        const a = d.annotations ?? {};
        const env = a[_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .LedgerAnnotation */ .zZ.Env];
        // Not an environment name Kiln writes: not one of our entries.
        if (!env || !_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .ENV_NAME */ .G1.test(env) || (match.env !== undefined && env !== match.env))
            continue;
        if (!match.actions.includes(a[_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .LedgerAnnotation */ .zZ.Action]))
            continue;
        if (!match.outcomes.includes(a[_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .LedgerAnnotation */ .zZ.Outcome]))
            continue;
        // The listing is a hint; the entry itself must say the same (LedgerCorruptError if not one).
        const stored = await new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .Ledger */ .Oc(store, env).load(d.digest);
        const e = stored.entry;
        if (e.digest === digest && e.env === env && match.actions.includes(e.action))
            out.push(stored);
    }
    return out;
}
/**
 * Whether `digest` ran healthy in the ledger's environment (a deploy or rollback that deployed
 * or found it running), by an entry on its chain: one only listed as a referrer proves nothing.
 */
async function wasHealthy(ledger, digest) {
    const found = await entriesAbout(ledger.store, digest, {
        env: ledger.env,
        actions: ['deploy', 'rollback'],
        outcomes: ['deployed', 'unchanged'],
    });
    return anyOnChain(ledger, found);
}
/** Whether `digest` was promoted into the ledger's environment, by an entry on its chain. */
async function wasPromotedTo(ledger, digest) {
    const found = await entriesAbout(ledger.store, digest, {
        env: ledger.env,
        actions: ['promote'],
        outcomes: ['promoted'],
    });
    return anyOnChain(ledger, found);
}
/** Newest first, at most EVIDENCE_READ_MAX checked: forged listings cannot make it walk far. */
async function anyOnChain(ledger, found) {
    const newest = [...found].sort((a, b) => b.entry.seq - a.entry.seq).slice(0, EVIDENCE_READ_MAX);
    for (const s of newest)
        if (await ledger.onChain(s))
            return true;
    return false;
}
/**
 * Whether `digest` is quarantined, in any environment: a quarantine entry is a referrer of the
 * digest, so one listing answers for every environment. An entry that claims quarantine but
 * cannot be read fails the query (LedgerCorruptError) rather than letting the digest through.
 */
async function isQuarantined(store, digest) {
    const found = await entriesAbout(store, digest, {
        actions: ['quarantine'],
        outcomes: ['quarantined'],
    });
    const entry = found[found.length - 1];
    return entry ? { quarantined: true, entry } : { quarantined: false };
}
/** Quarantines `digest`: a `quarantine` entry in `env`'s ledger, a referrer of the digest. */
async function quarantine(store, env, digest, reason, ctx) {
    if (!reason.trim())
        throw new ConfigurationError('a quarantine needs a reason');
    return new Ledger(store, env, ctx.ledger).append({
        action: 'quarantine',
        outcome: 'quarantined',
        digest,
        duration_ms: ctx.duration_ms ?? 0,
        actor: ctx.actor,
        commit: ctx.commit,
        run_url: ctx.run_url,
        evidence: ctx.evidence ?? [],
        reason,
    }, ctx.subject ? { subject: ctx.subject } : {});
}


/***/ }),

/***/ 124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Oc: () => (/* binding */ Ledger)
});

// UNUSED EXPORTS: APPEND_ATTEMPTS, HEAD_SETTLE_MS, LEDGER_TAG_PREFIX, ledgerTag

// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var errors = __webpack_require__(7428);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var src_errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/oci/manifest.ts
var manifest = __webpack_require__(4890);
// EXTERNAL MODULE: ./packages/core/src/oci/referrers.ts
var referrers = __webpack_require__(3847);
// EXTERNAL MODULE: ./packages/core/src/util/retry.ts
var retry = __webpack_require__(9468);
// EXTERNAL MODULE: ./packages/core/src/ledger/chain.ts
var chain = __webpack_require__(4814);
// EXTERNAL MODULE: ./packages/core/src/ledger/entry.ts + 1 modules
var entry = __webpack_require__(307);
;// CONCATENATED MODULE: ./packages/core/src/ledger/errors.ts
/**
 * Another writer moved the environment's head while this append was writing, on every attempt.
 * Operational (exit 2): nothing was recorded in the chain; the entries written and abandoned
 * are named so nobody mistakes them for history.
 */
class LedgerConflictError extends Error {
    data;
    name = 'LedgerConflictError';
    constructor(message, data, options) {
        super(message, options);
        this.data = data;
    }
}
/** The store holds something at a ledger digest that is not a well-formed entry (or nothing). */
class LedgerCorruptError extends Error {
    data;
    name = 'LedgerCorruptError';
    constructor(message, data, options) {
        super(message, options);
        this.data = data;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/ledger/store.ts








/** The head tag of an environment's chain is this prefix and the environment's name. */
const LEDGER_TAG_PREFIX = 'kiln-ledger-';
/** Appends tried (each from the newest head) before a concurrent writer fails the append. */
const APPEND_ATTEMPTS = 3;
/**
 * How long an append waits after moving the head tag before re-reading it, at least (plus twice
 * its own look-to-move time, see settleWait). Tags have no conditional write: a writer that
 * checked the head just before our move can still move it after, within about one request's
 * time; a re-read after that window sees it.
 */
const HEAD_SETTLE_MS = 100;
/** Entries followed back from a moved head to find our own before calling it a conflict. */
const DESCENT_MAX = 16;
/** The head tag of `env`. */
function ledgerTag(env) {
    return `${LEDGER_TAG_PREFIX}${env}`;
}
/**
 * One environment's append-only, hash-chained ledger in an artifact store: each entry an OCI
 * artifact whose subject is the image, linked to the previous entry by `dev.kiln.ledger.prev`,
 * the newest one tagged `kiln-ledger-<env>`.
 */
class Ledger {
    store;
    env;
    tag;
    now;
    attempts;
    settleMs;
    wait;
    anchor;
    /** The newest head this ledger verified or wrote: later reads need only descend from it. */
    trusted;
    constructor(store, env, opts = {}) {
        this.store = store;
        this.env = env;
        if (!entry/* ENV_NAME */.G1.test(env))
            throw new src_errors/* ConfigurationError */.j1(`environment ${JSON.stringify(env)} cannot name a ledger: use letters, digits, "_", "." and "-" (at most 116, not starting with "." or "-")`);
        this.tag = ledgerTag(env);
        this.now = opts.now ?? (() => new Date());
        this.attempts = Math.max(1, opts.attempts ?? APPEND_ATTEMPTS);
        this.settleMs = opts.settleMs ?? HEAD_SETTLE_MS;
        this.wait = opts.sleep ?? retry/* sleep */.yy;
        this.anchor = opts.anchor;
    }
    /** The head a witness recorded, that every head read must descend from. */
    get witnessed() {
        return this.anchor;
    }
    /** The newest head this ledger verified or appended (what a witness records after a run). */
    get verifiedHead() {
        return this.trusted;
    }
    /**
     * The newest entry, or undefined for an empty ledger, checked before anything trusts it: it
     * follows from the entry before it (link, seq, carried fields), and it descends from the
     * witnessed head and from any head this ledger read before. Four reads when the head is new
     * and no witness is older than it; one (the tag's manifest) when it is the head already
     * verified. A head that fails is a LedgerCorruptError naming the entry; nothing is written
     * after it.
     */
    async head() {
        const manifest = await this.readHead();
        const floor = this.trusted
            ? { digest: this.trusted.digest, seq: this.trusted.entry.seq }
            : this.anchor;
        if (!manifest) {
            if (floor)
                throw this.rewritten(undefined, floor);
            return undefined;
        }
        // The manifest's digest names its entry: the one verified already needs no second read.
        if (this.trusted?.digest === manifest.digest)
            return this.trusted;
        const read = this.stored(await this.link(manifest.digest, manifest));
        await this.checkDescent(read, floor);
        this.trusted = read;
        return read;
    }
    /**
     * Walks back from `head`, checking each link against the entry before it, until `floor`'s
     * seq (which must then be `floor` itself); with no floor, checks the head's own link only.
     */
    async checkDescent(head, floor) {
        let newer = head;
        for (;;) {
            if (floor && newer.entry.seq <= floor.seq) {
                if (newer.entry.seq === floor.seq && newer.digest === floor.digest)
                    return;
                throw this.rewritten(head, floor);
            }
            const older = await this.linkBefore(newer);
            if (!floor || !older) {
                if (floor)
                    throw this.rewritten(head, floor);
                return;
            }
            newer = older;
        }
    }
    /**
     * The entry `newer` names as its prev, checked as the link before it: LedgerCorruptError,
     * naming `newer`, when `newer` does not follow from it (undefined: `newer` is the first).
     */
    async linkBefore(newer) {
        const older = newer.entry.prev ? await this.load(newer.entry.prev) : undefined;
        const problem = (0,chain/* linkProblem */.kD)(this.env, newer, older);
        if (problem)
            throw new LedgerCorruptError(`ledger ${this.env} (${this.store.label}:${this.tag}): entry #${newer.entry.seq} ${newer.digest} is not a link of the chain: ${problem}; nothing was done (run kiln ledger verify ${this.env})`, { env: this.env, digest: newer.digest, store: this.store.label });
        return older;
    }
    rewritten(head, floor) {
        const by = 'source' in floor && floor.source ? `the witness (${floor.source})` : 'this run';
        const now = head ? `#${head.entry.seq} ${head.digest}` : 'no entry (the head tag is gone)';
        return new LedgerCorruptError(`ledger ${this.env} (${this.store.label}:${this.tag}): the head is ${now}, which does not descend from #${floor.seq} ${floor.digest} recorded by ${by}: the chain was rewritten or truncated in the registry; nothing was done`, { env: this.env, ...(head ? { digest: head.digest } : {}), store: this.store.label });
    }
    /** The manifest the head tag names, unchecked. */
    async readHead() {
        for (let attempt = 1;; attempt++) {
            let manifest;
            try {
                manifest = await this.store.getManifest(this.tag);
            }
            catch (err) {
                // Absent, or created by another writer since the read failed: then read once more.
                if ((await this.store.resolve(this.tag)) === undefined)
                    return undefined;
                if (attempt >= 2)
                    throw err;
                continue;
            }
            return manifest;
        }
    }
    /** The entry with manifest digest `digest`; LedgerCorruptError when it is not one. */
    async load(digest) {
        return this.stored(await this.link(digest));
    }
    /**
     * Appends an entry: read the head, write the entry (subject = the image, prev = the head),
     * move the head tag, wait, re-read it. A head moved by another writer is never overwritten
     * silently: the append starts again from the new head (up to `attempts`), naming the entries
     * it abandoned, or fails with LedgerConflictError. `subject` defaults to the image manifest
     * `digest` names in this store.
     */
    async append(input, opts = {}) {
        const subject = opts.subject ?? (0,manifest/* descriptorOf */.nb)(await this.store.getManifest(input.digest));
        if (subject.digest !== input.digest)
            throw new Error(`ledger ${this.env}: subject ${subject.digest} is not ${input.digest}`);
        const abandoned = [];
        // Verified: an entry never carries fields from a head that does not follow its chain.
        let head = await this.head();
        for (let attempt = 1; attempt <= this.attempts; attempt++) {
            const record = this.record(input, head, abandoned);
            const artifact = {
                artifactType: entry/* LEDGER_ENTRY_TYPE */.Ut,
                layers: [{ mediaType: entry/* LEDGER_LAYER_TYPE */.lZ, data: (0,entry/* encodeRecord */.Ym)(record) }],
                annotations: (0,entry/* recordAnnotations */._j)(record),
                subject,
            };
            const { manifest, descriptor } = await (0,referrers/* writeArtifact */.w6)(this.store, artifact);
            // Last look before the move: a writer that got in first costs us nothing but a retry.
            const started = Date.now();
            const before = await this.store.resolve(this.tag);
            if (before === head?.digest) {
                await this.store.putManifest(manifest, { tag: this.tag });
                await this.wait((0,referrers/* settleWait */.fu)(this.settleMs, Date.now() - started));
                const after = await this.store.resolve(this.tag);
                if (after && (await this.descends(after, manifest.digest, record.seq))) {
                    // Listed only once in the chain, so a referrers listing never shows a lost attempt.
                    await this.store.indexReferrer(subject.digest, descriptor);
                    this.trusted = { entry: record, digest: manifest.digest };
                    return this.trusted;
                }
            }
            abandoned.push(manifest.digest);
            head = await this.head();
            await this.wait(Math.floor(Math.random() * (this.settleMs + 1)));
        }
        throw new LedgerConflictError(`ledger ${this.env} (${this.store.label}:${this.tag}): another writer moved the head during each of ${this.attempts} attempts; nothing was recorded (abandoned entries ${abandoned.join(', ')} are not in the chain)`, { env: this.env, tag: this.tag, attempts: this.attempts, abandoned });
    }
    /**
     * Entries newest first, up to `limit`: two reads per entry, each checked as the link before
     * the one after it (an inconsistent chain is a LedgerCorruptError naming the entry).
     */
    async history(limit = Infinity) {
        const out = [];
        let next = await this.head();
        while (next && out.length < limit) {
            out.push(next);
            if (out.length >= limit || !next.entry.prev)
                break;
            next = await this.linkBefore(next);
        }
        return out;
    }
    /**
     * Whether `stored` is on the chain from the (verified) head: an entry found through a
     * referrers listing counts only if the chain holds it. Costs the distance back from the head.
     */
    async onChain(stored) {
        const head = await this.head();
        if (!head || stored.entry.env !== this.env || stored.entry.seq > head.entry.seq)
            return false;
        const walked = await this.history(head.entry.seq - stored.entry.seq + 1);
        return walked[walked.length - 1]?.digest === stored.digest;
    }
    /**
     * Walks the chain from the head and names the first broken link; also lists this
     * environment's entries among the referrers of every image in the chain, and of every image
     * the repository's referrers indexes name where the store can list its tags, so an entry
     * removed or replaced behind the ledger's back (the head re-written to name another digest,
     * too) is found even when the chain left is consistent. With a witness, the witnessed head
     * must be on the chain.
     */
    async verify() {
        const headDigest = await this.store.resolve(this.tag);
        if (!headDigest) {
            if (!this.anchor)
                return { ok: true, entries: 0 };
            return {
                ok: false,
                entries: 0,
                brokenAt: this.anchor.seq,
                reason: `witness: ${this.anchor.source} recorded head #${this.anchor.seq} ${this.anchor.digest}, but ${this.tag} is gone`,
            };
        }
        const links = [];
        let digest = headDigest;
        // No chain is longer than its head's seq; a longer walk is a broken chain, stop there.
        let bound = Infinity;
        while (digest && links.length < bound) {
            const link = await this.link(digest);
            links.push(link);
            if (!('stored' in link))
                break;
            if (bound === Infinity)
                bound = link.stored.entry.seq + 1;
            digest = link.stored.entry.prev;
        }
        links.reverse();
        const images = new Set(await indexedSubjects(this.store));
        for (const l of links)
            if ('stored' in l)
                images.add(l.stored.entry.digest);
        const listed = [];
        for (const image of images)
            listed.push(...(await this.store.listReferrers(image, entry/* LEDGER_ENTRY_TYPE */.Ut)));
        const result = (0,chain/* verifyChain */.H5)(this.env, links, listed);
        const witnessed = this.anchor && witnessProblem(this.anchor, links);
        if (!witnessed || (!result.ok && result.brokenAt < witnessed.seq))
            return result;
        // At the same entry, both say something: what is wrong with it, and what was there.
        const reason = !result.ok && result.brokenAt === witnessed.seq
            ? `${result.reason}; ${witnessed.reason}`
            : witnessed.reason;
        return { ok: false, entries: result.entries, brokenAt: witnessed.seq, reason };
    }
    record(input, head, abandoned) {
        const { at, ...rest } = input;
        const record = {
            version: 1,
            ...rest,
            env: this.env,
            at: at ?? this.now().toISOString(),
            ...(0,chain/* carryFrom */.AH)(head),
            ...(abandoned.length ? { abandoned: [...abandoned] } : {}),
        };
        const r = entry/* recordSchema */.fi.safeParse(record);
        if (!r.success)
            throw new src_errors/* ConfigurationError */.j1(`ledger entry for ${this.env} refused: ${errors/* prettifyError */.S1(r.error).replace(/\s+/g, ' ')}`);
        return record;
    }
    /** Whether `mine` is `from` or an ancestor of it, within DESCENT_MAX entries. */
    async descends(from, mine, mySeq) {
        let d = from;
        for (let i = 0; d && i <= DESCENT_MAX; i++) {
            if (d === mine)
                return true;
            const m = await this.store.getManifest(d);
            const ann = m.kind === 'image' ? m.manifest.annotations : undefined;
            if (Number(ann?.[entry/* LedgerAnnotation */.zZ.Seq]) <= mySeq)
                return false;
            d = ann?.[entry/* LedgerAnnotation */.zZ.Prev];
        }
        return false;
    }
    stored(link) {
        if ('stored' in link)
            return link.stored;
        const what = 'missing' in link ? 'is missing' : link.problem;
        throw new LedgerCorruptError(`ledger ${this.env}: entry ${link.digest} ${what}`, {
            env: this.env,
            digest: link.digest,
            store: this.store.label,
        });
    }
    /** Reads and checks one entry without throwing for what verify must name. */
    async link(digest, read) {
        let m = read;
        if (!m) {
            try {
                m = await this.store.getManifest(digest);
            }
            catch (err) {
                if ((await this.store.resolve(digest).catch(() => digest)) === undefined)
                    return { digest, missing: true };
                return { digest, problem: `cannot be read as a manifest: ${(0,src_errors/* errorMessage */.gJ)(err)}` };
            }
        }
        // A registry client checks this already; a lax store might not.
        if (m.digest !== digest)
            return { digest, problem: `content does not match its digest (it hashes to ${m.digest})` };
        if (m.kind !== 'image' || m.manifest.artifactType !== entry/* LEDGER_ENTRY_TYPE */.Ut)
            return { digest, problem: `is not a ledger entry (${m.mediaType})` };
        const layer = m.manifest.layers[0];
        if (m.manifest.layers.length !== 1 || !layer || layer.mediaType !== entry/* LEDGER_LAYER_TYPE */.lZ)
            return { digest, problem: 'does not have exactly one JSON layer' };
        if (layer.size > entry/* ENTRY_MAX_BYTES */.Wj)
            return { digest, problem: `has a ${layer.size}-byte layer (at most ${entry/* ENTRY_MAX_BYTES */.Wj})` };
        let bytes;
        try {
            bytes = await this.store.readBlob(layer);
        }
        catch (err) {
            return { digest, problem: `layer cannot be read: ${(0,src_errors/* errorMessage */.gJ)(err)}` };
        }
        const parsed = (0,entry/* parseRecord */.Hh)(bytes);
        if ('problem' in parsed)
            return { digest, problem: parsed.problem };
        const record = parsed.record;
        const problem = (0,entry/* annotationProblem */.pv)(record, m.manifest.annotations) ??
            (m.manifest.subject?.digest !== record.digest
                ? `has subject ${m.manifest.subject?.digest ?? 'none'} but is about ${record.digest}`
                : undefined);
        if (problem)
            return { digest, problem };
        return { digest, stored: { entry: record, digest } };
    }
}
/** The subjects of the store's referrers fallback indexes (`sha256-<hex>` tags), where it lists tags. */
async function indexedSubjects(store) {
    const lister = store;
    if (typeof lister.tags !== 'function')
        return [];
    const tags = await lister.tags();
    return tags
        .filter((t) => /^sha256-[0-9a-f]{64}$/.test(t))
        .map((t) => `sha256:${t.slice('sha256-'.length)}`);
}
/** Why the chain read does not hold the witnessed head, or undefined when it does. */
function witnessProblem(anchor, links) {
    const at = links.find((l) => 'stored' in l && l.stored.entry.seq === anchor.seq);
    if (at?.digest === anchor.digest)
        return undefined;
    const found = at
        ? `the chain holds ${at.digest} at #${anchor.seq}`
        : `the chain has no entry #${anchor.seq}`;
    return {
        seq: anchor.seq,
        reason: `witness: ${anchor.source} recorded head #${anchor.seq} ${anchor.digest}, but ${found}: the chain was rewritten or truncated`,
    };
}


/***/ })

};
