export const id = 711;
export const ids = [711];
export const modules = {

/***/ 44814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ effectOf),
/* harmony export */   AH: () => (/* binding */ carryFrom),
/* harmony export */   H5: () => (/* binding */ verifyChain),
/* harmony export */   Vy: () => (/* binding */ knownGoodAfter),
/* harmony export */   gU: () => (/* binding */ pickKnownGood),
/* harmony export */   jY: () => (/* binding */ quarantinedAfter),
/* harmony export */   kD: () => (/* binding */ linkProblem)
/* harmony export */ });
/* unused harmony export quarantines */
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74747);

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

/***/ 74747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ QUARANTINED_KEPT),
/* harmony export */   G1: () => (/* reexport safe */ _env_name_js__WEBPACK_IMPORTED_MODULE_2__.G),
/* harmony export */   Hh: () => (/* binding */ parseRecord),
/* harmony export */   Rc: () => (/* binding */ KNOWN_GOOD_KEPT),
/* harmony export */   Ut: () => (/* binding */ LEDGER_ENTRY_TYPE),
/* harmony export */   Wj: () => (/* binding */ ENTRY_MAX_BYTES),
/* harmony export */   Ym: () => (/* binding */ encodeRecord),
/* harmony export */   _j: () => (/* binding */ recordAnnotations),
/* harmony export */   fi: () => (/* binding */ recordSchema),
/* harmony export */   lZ: () => (/* binding */ LEDGER_LAYER_TYPE),
/* harmony export */   oD: () => (/* reexport safe */ _limits_js__WEBPACK_IMPORTED_MODULE_3__.o),
/* harmony export */   pv: () => (/* binding */ annotationProblem),
/* harmony export */   zZ: () => (/* binding */ LedgerAnnotation)
/* harmony export */ });
/* unused harmony exports LEDGER_ACTIONS, LEDGER_OUTCOMES, canonicalJson, recordHash */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(50000);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(37428);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3547);
/* harmony import */ var _oci_referrers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23847);
/* harmony import */ var _env_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(47034);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77047);





/** The entry artifact's type; its subject is the image the entry is about. */
const LEDGER_ENTRY_TYPE = _oci_referrers_js__WEBPACK_IMPORTED_MODULE_1__/* .KilnArtifactType */ .PP.LedgerEntry;
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


const digest = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()
    .refine((d) => (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestProblem */ .WQ)(d) === undefined, { message: 'invalid digest' })
    .transform((d) => d);
const isoTime = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().refine((t) => !Number.isNaN(Date.parse(t)), { message: 'not a time' });
const markSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    digest,
    seq: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive(),
    at: isoTime,
    entry: digest,
});
/** The stored record, checked on every read: registry content is untrusted. */
const recordSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz(1),
    env: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().regex(_env_name_js__WEBPACK_IMPORTED_MODULE_2__/* .ENV_NAME */ .G),
    seq: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive(),
    action: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(LEDGER_ACTIONS),
    digest,
    previous: digest.nullable(),
    outcome: zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(LEDGER_OUTCOMES),
    at: isoTime,
    duration_ms: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().nonnegative(),
    actor: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
    commit: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
    run_url: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
    evidence: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(digest),
    reason: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().max(_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .REASON_MAX */ .o).optional(),
    from: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().regex(_env_name_js__WEBPACK_IMPORTED_MODULE_2__/* .ENV_NAME */ .G).optional(),
    prev: digest.nullable(),
    previous_since: isoTime.nullable(),
    known_good: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(markSchema).max(KNOWN_GOOD_KEPT),
    quarantined: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(markSchema).max(QUARANTINED_KEPT),
    abandoned: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(digest).optional(),
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
        return { problem: `its layer is not a ledger entry: ${zod__WEBPACK_IMPORTED_MODULE_5__/* .prettifyError */ .S1(r.error)}` };
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

/***/ 47034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ ENV_NAME_RULE),
/* harmony export */   G: () => (/* binding */ ENV_NAME)
/* harmony export */ });
// Apart from entry.ts (zod), so input parsers can check an environment name without loading it.
/** An environment name that makes a valid tag `kiln-ledger-<env>` (tags: 128 characters). */
const ENV_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,115}$/;
/** The rule ENV_NAME checks, for error messages. */
const ENV_NAME_RULE = 'must be an environment name: letters, digits, "_", "." and "-" (at most 116, not starting with "." or "-")';


/***/ }),

/***/ 36260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ LedgerCorruptError),
/* harmony export */   o: () => (/* binding */ LedgerConflictError)
/* harmony export */ });
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


/***/ }),

/***/ 77047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ REASON_MAX)
/* harmony export */ });
// Apart from entry.ts (zod), so input parsers can check a reason's length without loading it.
/** Longest `reason` kept in an entry. */
const REASON_MAX = 1000;


/***/ }),

/***/ 26711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ quarantineIn),
/* harmony export */   JZ: () => (/* binding */ deployedSince),
/* harmony export */   V7: () => (/* binding */ wasPromotedTo),
/* harmony export */   fK: () => (/* binding */ isQuarantined),
/* harmony export */   ft: () => (/* binding */ isValidated),
/* harmony export */   ss: () => (/* binding */ current),
/* harmony export */   tW: () => (/* binding */ quarantine),
/* harmony export */   tj: () => (/* binding */ wasHealthy),
/* harmony export */   zf: () => (/* binding */ lastKnownGood)
/* harmony export */ });
/* unused harmony exports EVIDENCE_READ_MAX, REPORT_MAX_BYTES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37638);
/* harmony import */ var _oci_referrers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23847);
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44814);
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74747);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3986);





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
    const list = (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .knownGoodAfter */ .Vy)(head);
    const target = before ?? (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .effectOf */ .$x)(head.entry).current;
    const refused = new Set([...skip, ...(0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .quarantinedAfter */ .jY)(head).map((q) => q.digest)]);
    const found = (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .pickKnownGood */ .gU)(list, target, refused);
    if (found)
        return found.entry === head.digest ? head : ledger.load(found.entry);
    if (list.length < _entry_js__WEBPACK_IMPORTED_MODULE_2__/* .KNOWN_GOOD_KEPT */ .Rc)
        return undefined;
    // The list was cut: the answer, if any, is older than every digest it holds.
    const history = await ledger.history();
    const all = history
        .filter((s) => (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .effectOf */ .$x)(s.entry).good)
        .map((s) => ({ digest: s.entry.digest, seq: s.entry.seq, at: s.entry.at, entry: s.digest }));
    const older = (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .pickKnownGood */ .gU)(all, target, refused);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('a quarantine needs a reason');
    return new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .Ledger */ .Oc(store, env, ctx.ledger).append({
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

/***/ 3986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oc: () => (/* binding */ Ledger)
/* harmony export */ });
/* unused harmony exports LEDGER_TAG_PREFIX, APPEND_ATTEMPTS, HEAD_SETTLE_MS, ledgerTag */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(37428);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(37638);
/* harmony import */ var _oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74890);
/* harmony import */ var _oci_referrers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23847);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(29468);
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(44814);
/* harmony import */ var _entry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74747);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(36260);








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
        if (!_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .ENV_NAME */ .G1.test(env))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`environment ${JSON.stringify(env)} cannot name a ledger: use letters, digits, "_", "." and "-" (at most 116, not starting with "." or "-")`);
        this.tag = ledgerTag(env);
        this.now = opts.now ?? (() => new Date());
        this.attempts = Math.max(1, opts.attempts ?? APPEND_ATTEMPTS);
        this.settleMs = opts.settleMs ?? HEAD_SETTLE_MS;
        this.wait = opts.sleep ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .sleep */ .yy;
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
        const problem = (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .linkProblem */ .kD)(this.env, newer, older);
        if (problem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerCorruptError */ .n(`ledger ${this.env} (${this.store.label}:${this.tag}): entry #${newer.entry.seq} ${newer.digest} is not a link of the chain: ${problem}; nothing was done (run kiln ledger verify ${this.env})`, { env: this.env, digest: newer.digest, store: this.store.label });
        return older;
    }
    rewritten(head, floor) {
        const by = 'source' in floor && floor.source ? `the witness (${floor.source})` : 'this run';
        const now = head ? `#${head.entry.seq} ${head.digest}` : 'no entry (the head tag is gone)';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerCorruptError */ .n(`ledger ${this.env} (${this.store.label}:${this.tag}): the head is ${now}, which does not descend from #${floor.seq} ${floor.digest} recorded by ${by}: the chain was rewritten or truncated in the registry; nothing was done`, { env: this.env, ...(head ? { digest: head.digest } : {}), store: this.store.label });
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
        const subject = opts.subject ?? (0,_oci_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .descriptorOf */ .nb)(await this.store.getManifest(input.digest));
        if (subject.digest !== input.digest)
            throw new Error(`ledger ${this.env}: subject ${subject.digest} is not ${input.digest}`);
        const abandoned = [];
        // Verified: an entry never carries fields from a head that does not follow its chain.
        let head = await this.head();
        for (let attempt = 1; attempt <= this.attempts; attempt++) {
            const record = this.record(input, head, abandoned);
            const artifact = {
                artifactType: _entry_js__WEBPACK_IMPORTED_MODULE_3__/* .LEDGER_ENTRY_TYPE */ .Ut,
                layers: [{ mediaType: _entry_js__WEBPACK_IMPORTED_MODULE_3__/* .LEDGER_LAYER_TYPE */ .lZ, data: (0,_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .encodeRecord */ .Ym)(record) }],
                annotations: (0,_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .recordAnnotations */ ._j)(record),
                subject,
            };
            const { manifest, descriptor } = await (0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_1__/* .writeArtifact */ .w6)(this.store, artifact);
            // Last look before the move: a writer that got in first costs us nothing but a retry.
            const started = Date.now();
            const before = await this.store.resolve(this.tag);
            if (before === head?.digest) {
                await this.store.putManifest(manifest, { tag: this.tag });
                await this.wait((0,_oci_referrers_js__WEBPACK_IMPORTED_MODULE_1__/* .settleWait */ .fu)(this.settleMs, Date.now() - started));
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerConflictError */ .o(`ledger ${this.env} (${this.store.label}:${this.tag}): another writer moved the head during each of ${this.attempts} attempts; nothing was recorded (abandoned entries ${abandoned.join(', ')} are not in the chain)`, { env: this.env, tag: this.tag, attempts: this.attempts, abandoned });
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
            listed.push(...(await this.store.listReferrers(image, _entry_js__WEBPACK_IMPORTED_MODULE_3__/* .LEDGER_ENTRY_TYPE */ .Ut)));
        const result = (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyChain */ .H5)(this.env, links, listed);
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
            ...(0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .carryFrom */ .AH)(head),
            ...(abandoned.length ? { abandoned: [...abandoned] } : {}),
        };
        const r = _entry_js__WEBPACK_IMPORTED_MODULE_3__/* .recordSchema */ .fi.safeParse(record);
        if (!r.success)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`ledger entry for ${this.env} refused: ${zod__WEBPACK_IMPORTED_MODULE_7__/* .prettifyError */ .S1(r.error).replace(/\s+/g, ' ')}`);
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
            if (Number(ann?.[_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .LedgerAnnotation */ .zZ.Seq]) <= mySeq)
                return false;
            d = ann?.[_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .LedgerAnnotation */ .zZ.Prev];
        }
        return false;
    }
    stored(link) {
        if ('stored' in link)
            return link.stored;
        const what = 'missing' in link ? 'is missing' : link.problem;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LedgerCorruptError */ .n(`ledger ${this.env}: entry ${link.digest} ${what}`, {
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
                return { digest, problem: `cannot be read as a manifest: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}` };
            }
        }
        // A registry client checks this already; a lax store might not.
        if (m.digest !== digest)
            return { digest, problem: `content does not match its digest (it hashes to ${m.digest})` };
        if (m.kind !== 'image' || m.manifest.artifactType !== _entry_js__WEBPACK_IMPORTED_MODULE_3__/* .LEDGER_ENTRY_TYPE */ .Ut)
            return { digest, problem: `is not a ledger entry (${m.mediaType})` };
        const layer = m.manifest.layers[0];
        if (m.manifest.layers.length !== 1 || !layer || layer.mediaType !== _entry_js__WEBPACK_IMPORTED_MODULE_3__/* .LEDGER_LAYER_TYPE */ .lZ)
            return { digest, problem: 'does not have exactly one JSON layer' };
        if (layer.size > _entry_js__WEBPACK_IMPORTED_MODULE_3__/* .ENTRY_MAX_BYTES */ .Wj)
            return { digest, problem: `has a ${layer.size}-byte layer (at most ${_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .ENTRY_MAX_BYTES */ .Wj})` };
        let bytes;
        try {
            bytes = await this.store.readBlob(layer);
        }
        catch (err) {
            return { digest, problem: `layer cannot be read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}` };
        }
        const parsed = (0,_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRecord */ .Hh)(bytes);
        if ('problem' in parsed)
            return { digest, problem: parsed.problem };
        const record = parsed.record;
        const problem = (0,_entry_js__WEBPACK_IMPORTED_MODULE_3__/* .annotationProblem */ .pv)(record, m.manifest.annotations) ??
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


/***/ }),

/***/ 3547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WQ: () => (/* binding */ digestProblem),
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   sU: () => (/* binding */ digestHex),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37638);


/** OCI digest: algorithm ":" encoded. Only registered algorithms are accepted. */
const ALGORITHMS = {
    sha256: /^[a-f0-9]{64}$/,
    sha512: /^[a-f0-9]{128}$/,
};
const GRAMMAR = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
function digestProblem(value) {
    if (!GRAMMAR.test(value))
        return 'must be algorithm:hex, e.g. sha256:<64 hex characters>';
    const [alg, hex] = value.split(':');
    const rule = ALGORITHMS[alg];
    if (!rule)
        return `uses unsupported algorithm "${alg}" (supported: sha256, sha512)`;
    if (!rule.test(hex)) {
        return `${alg} needs ${alg === 'sha256' ? 64 : 128} lowercase hex characters`;
    }
    return undefined;
}
function parseDigest(value, what = 'digest') {
    const problem = digestProblem(value);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${what} ${JSON.stringify(value)} ${problem}`);
    return value;
}
function sha256(data) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex')}`;
}
function digestHex(d) {
    return d.slice(d.indexOf(':') + 1);
}


/***/ })

};
