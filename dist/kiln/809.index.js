export const id = 809;
export const ids = [809];
export const modules = {

/***/ 49809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AwsAsgProvider: () => (/* binding */ AwsAsgProvider),
  awsAsgSettingsOf: () => (/* binding */ awsAsgSettingsOf)
});

// UNUSED EXPORTS: awsRegion, defaultClients

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-cjs/index.js
var dist_cjs = __webpack_require__(48932);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var client_ec2_dist_cjs = __webpack_require__(35193);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(50586);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/fleet/converged.ts
var converged = __webpack_require__(34469);
// EXTERNAL MODULE: ./packages/core/src/fleet/request-check.ts
var request_check = __webpack_require__(21642);
;// CONCATENATED MODULE: ./packages/core/src/fleet/aws-asg/blue-green.ts

/**
 * Blue-green on Auto Scaling: not offered. An instance refresh replaces instances of one group
 * in place, so there is no second colour to keep warm and switch back to in one step; a real
 * blue-green needs two groups and a listener switch, which this provider does not drive yet.
 * Refused before any call, so nothing is half-made.
 */
function blueGreenRefusal(target) {
    return new errors/* ConfigurationError */.j1(`provider aws-asg deploys group ${target} with strategy rolling only (an instance refresh, health-gated by the target group, with AWS's automatic rollback): blue-green needs a second group and a listener switch, which Kiln does not drive on AWS yet; set strategy: rolling`);
}

// EXTERNAL MODULE: ./packages/core/src/util/retry.ts
var retry = __webpack_require__(29468);
;// CONCATENATED MODULE: ./packages/core/src/fleet/aws-asg/errors.ts


/** An AWS call that failed for a reason the user cannot fix by configuration; `cause` is the SDK's error. */
class AwsError extends Error {
    action;
    code;
    name = 'AwsError';
    constructor(message, 
    /** The API action, `autoscaling:StartInstanceRefresh`. */
    action, 
    /** The service's error code (`Throttling`, `InternalFailure` …), when it sent one. */
    code, options) {
        super(message, options);
        this.action = action;
        this.code = code;
    }
}
/** Answers that mean "too many requests": retried with backoff, never reported at once. */
const THROTTLING = new Set([
    'Throttling',
    'ThrottlingException',
    'RequestLimitExceeded',
    'TooManyRequestsException',
    'RequestThrottled',
    'RequestThrottledException',
    'SlowDown',
]);
/** Answers that mean the caller's role may not do the action. */
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);
/** Answers that mean the request's credentials themselves are missing or wrong. */
const NO_CREDENTIALS = new Set([
    'CredentialsProviderError',
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'ExpiredToken',
    'ExpiredTokenException',
    'AuthFailure',
    'SignatureDoesNotMatch',
]);
/** The group already has a refresh running: the deploy watches that one instead. */
const REFRESH_IN_PROGRESS = new Set([
    'InstanceRefreshInProgress',
    'InstanceRefreshInProgressFault',
]);
/** Requests AWS refused as malformed or out of the group's bounds: the user's settings. */
const INVALID = new Set([
    'ValidationError',
    'InvalidParameterValue',
    'InvalidParameterCombination',
    'InvalidLaunchTemplateId.NotFound',
    'InvalidLaunchTemplateName.NotFoundException',
    'InvalidLaunchTemplateId.VersionNotFound',
    'InvalidLaunchTemplateId.Malformed',
    'InvalidUserData.Malformed',
    'TargetGroupNotFound',
    'TargetGroupNotFoundException',
]);
/** The service's error code of an SDK error (the SDK puts it in `name`; `Code` on unmodelled ones). */
function awsCode(err) {
    if (typeof err !== 'object' || err === null)
        return undefined;
    const e = err;
    for (const v of [e.Code, e.code, e.name])
        if (typeof v === 'string' && v !== 'Error')
            return v;
    return undefined;
}
function isThrottling(err) {
    const code = awsCode(err);
    if (code && THROTTLING.has(code))
        return true;
    // The SDK's own classification, when it made one.
    return err?.$retryable?.throttling === true;
}
/** StartInstanceRefresh found one running already (an AwsError from awsError, or the SDK's own). */
function isRefreshInProgress(err) {
    const code = err instanceof AwsError ? err.code : awsCode(err);
    return code !== undefined && REFRESH_IN_PROGRESS.has(code);
}
/**
 * Maps a failed call once: the user's to fix (no permission, no credentials, a request AWS
 * refused) as a ConfigurationError naming the action and the IAM permission it needs, the rest
 * as an AwsError with the service's words and `cause`. Strategy code never reads SDK errors.
 */
function awsError(err, service, action, doing) {
    if (err instanceof errors/* ConfigurationError */.j1 || err instanceof AwsError)
        return err;
    const code = awsCode(err);
    const permission = `${service}:${action}`;
    const said = firstLine((0,errors/* errorMessage */.gJ)(err));
    if (code && DENIED.has(code))
        return new errors/* ConfigurationError */.j1(`Could not ${doing}: AWS denied ${action} (${code}): the role needs the IAM permission ${permission}: ${said}`);
    if (code && NO_CREDENTIALS.has(code))
        return new errors/* ConfigurationError */.j1(`Could not ${doing}: AWS did not accept the credentials for ${action} (${code}): set them up first (for example with aws-actions/configure-aws-credentials): ${said}`);
    if (code && INVALID.has(code))
        return new errors/* ConfigurationError */.j1(`Could not ${doing}: AWS refused ${action} (${code}): ${said}`);
    return new AwsError(`Could not ${doing}: ${action} failed${code ? ` (${code})` : ''}: ${said}`, permission, code, { cause: err });
}
/** How many times a throttled call is tried, in all. */
const THROTTLE_ATTEMPTS = 8;
/**
 * One AWS call: throttling retried with backoff (the SDK's own retries are off, so this is
 * the only layer), then every failure mapped by awsError.
 */
async function callAws(fn, call, opts = {}) {
    try {
        return await (0,retry/* retry */.L5)(() => fn(), {
            attempts: THROTTLE_ATTEMPTS,
            baseMs: 500,
            maxMs: 20_000,
            ...opts,
            retryable: (err) => isThrottling(err),
        });
    }
    catch (err) {
        throw awsError(err, call.service, call.action, call.doing);
    }
}
function firstLine(s) {
    return s.split('\n')[0] ?? s;
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/aws-asg/spec.ts

/** Tags Kiln keeps on the group (never propagated to instances): what it proved, and before. */
const TAG = {
    /** The launch template version Kiln last proved N/N healthy. */
    knownGood: 'kiln:known-good-version',
    /** The one proved before it: where rollback() goes outside a running refresh. */
    previous: 'kiln:previous-version',
};
/** EC2's limit on user data, before base64. */
const MAX_USER_DATA_BYTES = 16 * 1024;
/**
 * The line of the user data that names the container an instance runs. The group's own
 * script (from Terraform, CloudFormation …) has it and uses `$KILN_IMAGE` in its `docker run`;
 * Kiln only ever rewrites this line.
 */
const IMAGE_LINE = /^(\s*(?:export\s+)?KILN_IMAGE=)(['"]?)([^'"\s]*)\2[ \t]*$/m;
/** The container image the user data names, or undefined when it has no KILN_IMAGE line. */
function imageInUserData(userData) {
    if (!userData)
        return undefined;
    const m = IMAGE_LINE.exec(decode(userData));
    return m?.[3] || undefined;
}
/** User data (base64, as EC2 takes it) with the KILN_IMAGE line set to `image`. */
function withImage(userData, image, where) {
    const text = userData ? decode(userData) : '';
    if (!IMAGE_LINE.test(text))
        throw new errors/* ConfigurationError */.j1(`${where} has no KILN_IMAGE= line in its user data for Kiln to set: add a line KILN_IMAGE= to the user-data script and run "$KILN_IMAGE" (for example: docker run -d --restart=always -p 80:8080 "$KILN_IMAGE")`);
    const out = text.replace(IMAGE_LINE, (_all, head) => `${head}'${image}'`);
    const bytes = Buffer.byteLength(out);
    if (bytes > MAX_USER_DATA_BYTES)
        throw new errors/* ConfigurationError */.j1(`${where}: the user data with the image is ${bytes} bytes, over EC2's limit of ${MAX_USER_DATA_BYTES}`);
    return Buffer.from(out, 'utf8').toString('base64');
}
/**
 * What instances of a launch template version run, by an immutable id: the container its user
 * data names (pinned by digest), or else its AMI.
 */
function versionImage(data) {
    return imageInUserData(data.UserData) ?? data.ImageId;
}
/** Instance refresh states that are still running (a deploy may watch or roll one back). */
const ACTIVE_REFRESH = new Set([
    'Pending',
    'InProgress',
    'Baking',
    'Cancelling',
    'RollbackInProgress',
]);
/** Lifecycle states of instances the group wants running (the rest are leaving or parked). */
const WANTED = new Set([
    'Pending',
    'Pending:Wait',
    'Pending:Proceed',
    'InService',
    'Warmed:Pending',
]);
function isWanted(lifecycleState) {
    return WANTED.has(lifecycleState ?? '');
}
/** The proof's task state: `running` only for InService. */
function instanceState(lifecycleState) {
    return lifecycleState === 'InService' ? 'running' : (lifecycleState ?? 'unknown').toLowerCase();
}
/** An ELB target state as the proof's health: only `healthy` counts (`initial` is starting). */
function targetHealth(state) {
    return state === 'initial' ? 'starting' : (state ?? 'unknown');
}
function decode(userData) {
    return Buffer.from(userData, 'base64').toString('utf8');
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/aws-asg/context.ts








const DEFAULT_POLL_MS = 15_000;
const DEFAULT_MIN_HEALTHY = 90;
const NOUN = 'launch template version';
/**
 * What the strategies share: the three clients (every call through errors.ts), the clock and
 * the log, and the few reads and writes of a group, its template and its refreshes.
 */
class AwsContext {
    target;
    now;
    sleep;
    pollMs;
    minHealthyPercentage;
    s;
    versions = new Map();
    constructor(s) {
        this.s = s;
        this.target = s.target;
        this.now = s.now ?? Date.now;
        this.sleep = s.sleep ?? retry/* sleep */.yy;
        this.pollMs = s.pollMs ?? DEFAULT_POLL_MS;
        this.minHealthyPercentage = s.minHealthyPercentage ?? DEFAULT_MIN_HEALTHY;
    }
    log(line) {
        this.s.log?.(line);
    }
    /** One call: throttling retried, failures mapped, in errors.ts. */
    call(service, action, doing, fn) {
        return callAws(fn, { service, action, doing }, { sleep: this.sleep, ...this.s.retry });
    }
    /** The group, or undefined when AWS has none of that name. */
    async findGroup() {
        const out = await this.call('autoscaling', 'DescribeAutoScalingGroups', `describe Auto Scaling group ${this.target}`, () => this.s.clients.autoScaling.send(new dist_cjs/* DescribeAutoScalingGroupsCommand */.NkQ({ AutoScalingGroupNames: [this.target] })));
        return out.AutoScalingGroups?.find((g) => g.AutoScalingGroupName === this.target);
    }
    /** The group; Kiln never creates one (subnets, roles and balancers are infrastructure code's). */
    async group() {
        const g = await this.findGroup();
        if (!g)
            throw new errors/* ConfigurationError */.j1(`Auto Scaling group ${this.target} does not exist (or is not in this region): create it with its launch template and target group first; Kiln replaces what it runs`);
        return g;
    }
    /** The group's launch template, its version resolved to a number and what that version runs. */
    async template(group) {
        const spec = groupTemplate(group);
        if (!spec?.LaunchTemplateId)
            throw new errors/* ConfigurationError */.j1(`Auto Scaling group ${this.target} does not use a launch template${group.LaunchConfigurationName ? ` (it uses launch configuration ${group.LaunchConfigurationName})` : ''}: Kiln deploys by launch template versions; move the group to a launch template`);
        if (this.s.launchTemplate &&
            this.s.launchTemplate !== spec.LaunchTemplateId &&
            this.s.launchTemplate !== spec.LaunchTemplateName)
            throw new errors/* ConfigurationError */.j1(`Auto Scaling group ${this.target} uses launch template ${spec.LaunchTemplateName ?? spec.LaunchTemplateId}, not ${this.s.launchTemplate} as aws-asg.launch-template says`);
        const asked = spec.Version ?? '$Default';
        const pinned = /^\d+$/.test(asked);
        const [v] = await this.describeVersions(spec.LaunchTemplateId, [asked]);
        if (!v?.VersionNumber)
            throw new errors/* ConfigurationError */.j1(`launch template ${spec.LaunchTemplateId} has no version ${asked}, which group ${this.target} asks for`);
        return {
            id: spec.LaunchTemplateId,
            name: spec.LaunchTemplateName ?? v.LaunchTemplateName ?? spec.LaunchTemplateId,
            version: v.VersionNumber,
            pinned,
            image: versionImage(v.LaunchTemplateData ?? {}),
        };
    }
    /** What instances of a numbered version run. Versions never change, so each is read once. */
    async versionImage(templateId, version) {
        return versionImage(await this.versionData(templateId, version));
    }
    async versionData(templateId, version) {
        const key = `${templateId}/${version}`;
        const known = this.versions.get(key);
        if (known)
            return known;
        const [v] = await this.describeVersions(templateId, [String(version)]);
        const data = v?.LaunchTemplateData ?? {};
        this.versions.set(key, data);
        return data;
    }
    async describeVersions(templateId, versions) {
        const out = await this.call('ec2', 'DescribeLaunchTemplateVersions', `read launch template ${templateId} version ${versions.join(', ')}`, () => this.s.clients.ec2.send(new client_ec2_dist_cjs/* DescribeLaunchTemplateVersionsCommand */.Ptd({
            LaunchTemplateId: templateId,
            Versions: versions,
        })));
        const found = out.LaunchTemplateVersions ?? [];
        for (const v of found)
            if (v.VersionNumber && v.LaunchTemplateData)
                this.versions.set(`${templateId}/${v.VersionNumber}`, v.LaunchTemplateData);
        return found;
    }
    /**
     * A numbered version that runs `image`: the one Kiln recorded as previous when it runs it
     * (a return to a known-good release reuses its AMI too), else a new version from `base`
     * with the image (the AMI, or the KILN_IMAGE line of its user data).
     */
    async versionFor(t, group, image) {
        const recorded = Number(tag(group, TAG.previous));
        if (recorded && (await this.versionImage(t.id, recorded)) === image)
            return { version: recorded, created: false };
        const base = await this.versionData(t.id, t.version);
        const where = `launch template ${t.name} version ${t.version}`;
        const isAmi = converged/* AMI_ID */.iB.test(image);
        const inUserData = versionImage({ UserData: base.UserData });
        if (isAmi && inUserData !== undefined)
            throw new errors/* ConfigurationError */.j1(`${where} runs the container ${inUserData} from its user data; deploy a container image (repo@sha256:…) to it, not an AMI`);
        const data = isAmi ? { ImageId: image } : { UserData: withImage(base.UserData, image, where) };
        const out = await this.call('ec2', 'CreateLaunchTemplateVersion', `create a version of launch template ${t.name}`, () => this.s.clients.ec2.send(new client_ec2_dist_cjs/* CreateLaunchTemplateVersionCommand */.B_$({
            LaunchTemplateId: t.id,
            SourceVersion: String(t.version),
            VersionDescription: `kiln: ${context_short(image)}`.slice(0, 255),
            LaunchTemplateData: data,
        })));
        const version = out.LaunchTemplateVersion?.VersionNumber;
        if (!version)
            throw new errors/* ConfigurationError */.j1(`EC2 created a version of launch template ${t.name} but did not say its number`);
        this.log(`launch template ${t.name}: version ${version} runs ${context_short(image)}`);
        return { version, created: true };
    }
    /** Sets the group's launch template version (and size); no instance is replaced by this. */
    async updateGroup(t, version, extra = {}) {
        await this.call('autoscaling', 'UpdateAutoScalingGroup', `set group ${this.target} to launch template version ${version}`, () => this.s.clients.autoScaling.send(new dist_cjs/* UpdateAutoScalingGroupCommand */.Idg({
            AutoScalingGroupName: this.target,
            LaunchTemplate: { LaunchTemplateId: t.id, Version: String(version) },
            ...extra,
        })));
    }
    /** The group's instances with their template version, image and target health. */
    async tasks(group, templateId) {
        const instances = (group.Instances ?? []).filter((i) => isWanted(i.LifecycleState));
        const health = await this.targetHealth(group);
        return Promise.all(instances.map(async (i) => {
            const lt = i.LaunchTemplate;
            const version = /^\d+$/.test(lt?.Version ?? '') ? Number(lt?.Version) : undefined;
            const sameTemplate = lt?.LaunchTemplateId === templateId;
            const image = sameTemplate && version !== undefined
                ? await this.versionImage(templateId, version)
                : undefined;
            const th = health.get(i.InstanceId ?? '');
            return {
                id: i.InstanceId ?? '',
                node: i.AvailabilityZone ?? '',
                state: instanceState(i.LifecycleState),
                health: targetHealth(th?.state),
                image: image ?? i.ImageId ?? '(unknown)',
                ...(lt?.Version
                    ? { revision: sameTemplate ? lt.Version : `${lt.LaunchTemplateId}/${lt.Version}` }
                    : {}),
                ...(th?.reason ? { error: th.reason } : {}),
            };
        }));
    }
    /**
     * Each instance's worst state over the target groups: the health signal. An instance counts
     * healthy only when every target group the fleet serves through says so.
     */
    async targetHealth(group) {
        const arns = this.s.targetGroupArns?.length
            ? this.s.targetGroupArns
            : (group.TargetGroupARNs ?? []);
        if (arns.length === 0)
            throw new errors/* ConfigurationError */.j1(`Auto Scaling group ${this.target} has no target group: Kiln takes the load balancer's target health as the health signal; attach one or set aws-asg.target-group-arn`);
        const worst = new Map();
        for (const arn of arns) {
            const out = await this.call('elasticloadbalancing', 'DescribeTargetHealth', `read the target health of ${arn}`, () => this.s.clients.elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetHealthCommand */.qyg({ TargetGroupArn: arn })));
            const seen = new Set();
            for (const d of out.TargetHealthDescriptions ?? []) {
                const id = d.Target?.Id;
                if (!id)
                    continue;
                seen.add(id);
                const state = d.TargetHealth?.State ?? 'unknown';
                const reason = d.TargetHealth?.Description ?? d.TargetHealth?.Reason;
                const before = worst.get(id);
                if (!before || before.state === 'healthy')
                    worst.set(id, { state, ...(reason ? { reason } : {}) });
            }
            // An instance a target group does not list is not served by it: not healthy.
            for (const i of group.Instances ?? [])
                if (i.InstanceId && !seen.has(i.InstanceId))
                    worst.set(i.InstanceId, { state: 'unused', reason: `not registered in ${arn}` });
        }
        return worst;
    }
    /** The N/N proof on `image` and `version`, from one fresh look at the group. */
    async prove(templateId, version, image, replicas) {
        const group = await this.group();
        return (0,converged/* proveConvergence */.GZ)(await this.tasks(group, templateId), (0,converged/* pinnedIdOf */.jq)(image) ?? image, replicas, {
            want: String(version),
            noun: NOUN,
        });
    }
    /** Polls the proof until it holds or the deadline passes. */
    async waitConverged(templateId, version, image, replicas, deadline) {
        let last = '';
        for (;;) {
            const proof = await this.prove(templateId, version, image, replicas);
            const line = `${this.target}: ${proof.summary} (launch template version ${version})`;
            if (line !== last)
                this.log(line);
            last = line;
            if (proof.converged || this.now() >= deadline)
                return proof;
            await this.sleep(this.pollMs);
        }
    }
    /** The group's most recent refreshes, newest first. */
    async refreshes(ids) {
        const out = await this.call('autoscaling', 'DescribeInstanceRefreshes', `read the instance refreshes of group ${this.target}`, () => this.s.clients.autoScaling.send(new dist_cjs/* DescribeInstanceRefreshesCommand */.XcR({
            AutoScalingGroupName: this.target,
            ...(ids ? { InstanceRefreshIds: ids } : { MaxRecords: 5 }),
        })));
        return out.InstanceRefreshes ?? [];
    }
    /** The refresh still running on the group, if one is. */
    async activeRefresh() {
        return (await this.refreshes()).find((r) => ACTIVE_REFRESH.has(r.Status ?? ''));
    }
    /**
     * Starts a refresh to `version` (SkipMatching: instances already on it stay; AutoRollback:
     * AWS returns to the group's version if it fails). When one is running already, returns that
     * one if it goes to the same version, and refuses otherwise: two deploys never race.
     */
    async startRefresh(t, version, autoRollback) {
        const checkpoints = this.s.checkpointPercentages?.length
            ? {
                CheckpointPercentages: this.s.checkpointPercentages,
                ...(this.s.checkpointDelaySeconds !== undefined
                    ? { CheckpointDelay: this.s.checkpointDelaySeconds }
                    : {}),
            }
            : {};
        try {
            const out = await this.call('autoscaling', 'StartInstanceRefresh', `start an instance refresh of group ${this.target}`, () => this.s.clients.autoScaling.send(new dist_cjs/* StartInstanceRefreshCommand */.Wkp({
                AutoScalingGroupName: this.target,
                Strategy: 'Rolling',
                DesiredConfiguration: {
                    LaunchTemplate: { LaunchTemplateId: t.id, Version: String(version) },
                },
                Preferences: {
                    MinHealthyPercentage: this.minHealthyPercentage,
                    SkipMatching: true,
                    AutoRollback: autoRollback,
                    ...checkpoints,
                    ...(this.s.instanceWarmupSeconds !== undefined
                        ? { InstanceWarmup: this.s.instanceWarmupSeconds }
                        : {}),
                },
            })));
            if (!out.InstanceRefreshId)
                throw new errors/* ConfigurationError */.j1(`AWS started a refresh of ${this.target} but gave no id`);
            this.log(`group ${this.target}: instance refresh ${out.InstanceRefreshId} to launch template version ${version} started (min healthy ${this.minHealthyPercentage}%, skip matching${autoRollback ? ', auto rollback' : ''})`);
            return out.InstanceRefreshId;
        }
        catch (err) {
            if (!isRefreshInProgress(err))
                throw err;
            const running = await this.activeRefresh();
            if (running?.InstanceRefreshId && desiredVersion(running) === version) {
                this.log(`group ${this.target}: refresh ${running.InstanceRefreshId} to version ${version} is already running: watching it`);
                return running.InstanceRefreshId;
            }
            throw this.busy(running);
        }
    }
    /** Refuses to start over a refresh that goes somewhere else. */
    busy(running) {
        const to = running ? desiredVersion(running) : undefined;
        return new errors/* ConfigurationError */.j1(`group ${this.target} has instance refresh ${running?.InstanceRefreshId ?? '(unknown)'} ${running?.Status ?? 'running'}${to ? ` to launch template version ${to}` : ''}: wait for it to end (or cancel it), then deploy again`);
    }
    /** AWS's own rollback of a running refresh: the instances replaced so far go back. */
    async rollbackRefresh() {
        const out = await this.call('autoscaling', 'RollbackInstanceRefresh', `roll back the instance refresh of group ${this.target}`, () => this.s.clients.autoScaling.send(new dist_cjs/* RollbackInstanceRefreshCommand */.c8H({ AutoScalingGroupName: this.target })));
        return out.InstanceRefreshId;
    }
    /** Polls a refresh to its end (or the deadline), logging its progress as AWS reports it. */
    async watchRefresh(id, deadline) {
        let last = '';
        for (;;) {
            const [r] = await this.refreshes([id]);
            if (!r)
                throw new errors/* ConfigurationError */.j1(`instance refresh ${id} of ${this.target} is gone`);
            const line = progress(r);
            if (line !== last)
                this.log(`group ${this.target}: refresh ${id}: ${line}`);
            last = line;
            const status = r.Status ?? 'unknown';
            const reason = r.StatusReason ?? r.RollbackDetails?.RollbackReason ?? '';
            if (!ACTIVE_REFRESH.has(status))
                return { status, refresh: r, reason };
            if (this.now() >= deadline)
                return { status: 'timeout', refresh: r, reason };
            await this.sleep(this.pollMs);
        }
    }
    /** Records the version proved N/N (and the one before it, where rollback() goes). */
    async record(knownGood, previous) {
        const tags = [
            [TAG.knownGood, String(knownGood)],
            ...(previous !== undefined && previous !== knownGood
                ? [[TAG.previous, String(previous)]]
                : []),
        ];
        await this.call('autoscaling', 'CreateOrUpdateTags', `tag group ${this.target}`, () => this.s.clients.autoScaling.send(new dist_cjs/* CreateOrUpdateTagsCommand */.vLq({
            Tags: tags.map(([Key, Value]) => ({
                ResourceId: this.target,
                ResourceType: 'auto-scaling-group',
                Key,
                Value,
                PropagateAtLaunch: false,
            })),
        })));
        if (previous === undefined || previous === knownGood)
            await this.call('autoscaling', 'DeleteTags', `untag group ${this.target}`, () => this.s.clients.autoScaling.send(new dist_cjs/* DeleteTagsCommand */.MVD({
                Tags: [
                    { ResourceId: this.target, ResourceType: 'auto-scaling-group', Key: TAG.previous },
                ],
            })));
    }
}
/** The launch template the group launches from (its own, or its mixed instances policy's). */
function groupTemplate(group) {
    return (group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification);
}
/** A tag of the group. */
function tag(group, key) {
    return group.Tags?.find((t) => t.Key === key)?.Value;
}
/** The launch template version a refresh goes to. */
function desiredVersion(r) {
    const v = r.DesiredConfiguration?.LaunchTemplate?.Version ?? '';
    return /^\d+$/.test(v) ? Number(v) : undefined;
}
/** A refresh's progress as AWS reports it: status, percentage, instances left, reason. */
function progress(r) {
    const rollingBack = r.Status === 'RollbackInProgress' || r.Status === 'RollbackSuccessful';
    const pct = rollingBack ? r.RollbackDetails?.PercentageCompleteOnRollback : r.PercentageComplete;
    const left = rollingBack ? r.RollbackDetails?.InstancesToUpdateOnRollback : r.InstancesToUpdate;
    return [
        r.Status ?? 'unknown',
        pct !== undefined ? `${pct}% done` : undefined,
        left !== undefined ? `${left} instance${left === 1 ? '' : 's'} to update` : undefined,
        r.StatusReason || undefined,
    ]
        .filter(Boolean)
        .join(', ');
}
/** Short form of an image for log lines. */
function context_short(image) {
    const id = (0,converged/* pinnedIdOf */.jq)(image);
    return id ? (0,converged/* shortDigest */.VK)(id) : image;
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/aws-asg/rolling.ts




/**
 * Rolling: a numbered launch template version with the image, then one instance refresh that
 * AWS performs (SkipMatching, MinHealthyPercentage, checkpoints, AutoRollback with the desired
 * configuration it needs), watched until every InService instance is on the version and
 * healthy in the target group. AWS's own rollback is reported as `rolled-back`, never deployed.
 */
async function rollingDeploy(ctx, r) {
    const started = ctx.now();
    const deadline = started + r.healthTimeoutMs;
    const group = await ctx.group();
    const t = await ctx.template(group);
    const from = { t, replicas: group.DesiredCapacity ?? 0, started };
    // A refresh still running (a runner that died mid-deploy): watch it when it goes where this
    // deploy goes, refuse when it goes elsewhere.
    const running = await ctx.activeRefresh();
    if (running) {
        const to = desiredVersion(running);
        if (to === undefined || (await ctx.versionImage(t.id, to)) !== r.image)
            throw ctx.busy(running);
        ctx.log(`group ${ctx.target}: refresh ${running.InstanceRefreshId} to ${context_short(r.image)} is already running: watching it`);
        return finish(ctx, r, running.InstanceRefreshId, to, from, deadline);
    }
    if (from.replicas === 0)
        return firstDeploy(ctx, r, group, t, deadline, started);
    if (t.image === r.image) {
        // Already asked for: unchanged when proved, else the refresh below replaces the stragglers.
        const now = await ctx.prove(t.id, t.version, r.image, from.replicas);
        if (now.converged) {
            ctx.log(`${ctx.target} already runs ${now.summary}: unchanged`);
            const before = Number(tag(group, TAG.previous));
            const previous = before ? await ctx.versionImage(t.id, before) : undefined;
            return {
                outcome: 'unchanged',
                strategy: 'rolling',
                requested: r.image,
                image: r.image,
                ...(previous ? { previous } : {}),
                proof: now,
                durationMs: ctx.now() - started,
            };
        }
    }
    const { version } = t.image === r.image ? { version: t.version } : await ctx.versionFor(t, group, r.image);
    if (!t.pinned) {
        // AWS rolls back only to a numbered version: name the one the group runs now.
        await ctx.updateGroup(t, t.version);
        ctx.log(`group ${ctx.target}: launch template pinned to version ${t.version} (was a moving version)`);
    }
    const id = await ctx.startRefresh(t, version, r.autoRollback);
    return finish(ctx, r, id, version, from, deadline);
}
/** An empty group: set the version and the size, then prove N/N (nothing to refresh). */
async function firstDeploy(ctx, r, group, t, deadline, started) {
    if (!r.replicas)
        throw new errors/* ConfigurationError */.j1(`Auto Scaling group ${ctx.target} has no instances yet: the first deploy needs replicas`);
    const { version } = t.image === r.image ? { version: t.version } : await ctx.versionFor(t, group, r.image);
    await ctx.updateGroup(t, version, { DesiredCapacity: r.replicas });
    ctx.log(`group ${ctx.target}: ${r.replicas} × ${context_short(r.image)} (launch template version ${version})`);
    const proof = await ctx.waitConverged(t.id, version, r.image, r.replicas, deadline);
    if (!proof.converged)
        throw new converged/* ConvergenceError */.g7(`group ${ctx.target} did not reach ${proof.summary} within ${r.healthTimeoutMs} ms; there is no earlier version to return to, so it stays as AWS left it: ${proof.problems.join('; ')}`, proof);
    await ctx.record(version, undefined);
    return result(ctx, r, 'deployed', r.image, undefined, proof, started);
}
/** Watches the refresh to its end and reports what runs: deployed, rolled-back, or an error. */
async function finish(ctx, r, id, version, from, deadline) {
    const end = await ctx.watchRefresh(id, deadline);
    if (end.status === 'Successful') {
        const proof = await ctx.waitConverged(from.t.id, version, r.image, from.replicas, deadline);
        if (proof.converged) {
            await ctx.record(version, from.t.version);
            return result(ctx, r, 'deployed', r.image, from.t.image, proof, from.started);
        }
        // AWS finished (its health check is not the target group's) but the balancer disagrees.
        return recover(ctx, r, from, {
            ...end,
            status: 'unhealthy',
            reason: `the refresh succeeded but the target group does not see ${proof.summary}: ${proof.problems.join('; ')}`,
        });
    }
    return recover(ctx, r, from, end);
}
/**
 * After a refresh that did not converge: AWS rolled back (proved on the previous version),
 * or Kiln rolls back (AWS's rollback of a running refresh, or a new refresh to the previous
 * version once it ended), or an error that says where the fleet stands.
 */
async function recover(ctx, r, from, end) {
    const reason = describe(end, r.healthTimeoutMs);
    const back = from.t;
    const backImage = back.image ?? '(the previous version)';
    const prove = () => ctx.waitConverged(back.id, back.version, backImage, from.replicas, ctx.now() + r.healthTimeoutMs);
    const fail = (what, proof) => {
        throw new converged/* ConvergenceError */.g7(`group ${ctx.target} did not converge on ${r.image} (${reason}), ${what}: ${proof.summary}${proof.problems.length ? `: ${proof.problems.join('; ')}` : ''}`, proof);
    };
    if (end.status === 'RollbackFailed')
        fail('and AWS could not roll it back', await ctx.prove(back.id, back.version, backImage, from.replicas));
    if (end.status === 'RollbackSuccessful' || end.status === 'Cancelled') {
        ctx.log(`group ${ctx.target}: ${reason}`);
    }
    else if (!r.autoRollback) {
        fail('and auto-rollback is off, so it stays as AWS left it', await ctx.prove(back.id, back.version, backImage, from.replicas));
    }
    else if (end.status === 'timeout') {
        // AWS may be rolling it back already; else Kiln asks it to.
        if (end.refresh.Status !== 'RollbackInProgress') {
            ctx.log(`group ${ctx.target}: ${reason}; asking AWS to roll the refresh back`);
            await ctx.rollbackRefresh();
        }
        const undone = await ctx.watchRefresh(end.refresh.InstanceRefreshId, ctx.now() + r.healthTimeoutMs);
        if (undone.status !== 'RollbackSuccessful')
            fail(`and its rollback ended ${undone.status}${undone.reason ? ` (${undone.reason})` : ''}`, await ctx.prove(back.id, back.version, backImage, from.replicas));
    }
    else {
        // Failed without AWS's rollback, or succeeded but unhealthy: a refresh back, as rollback() does.
        ctx.log(`group ${ctx.target}: ${reason}; refreshing back to launch template version ${back.version}`);
        const id = await ctx.startRefresh(back, back.version, false);
        const again = await ctx.watchRefresh(id, ctx.now() + r.healthTimeoutMs);
        if (again.status !== 'Successful')
            fail(`and the refresh back to version ${back.version} ended ${again.status}`, await ctx.prove(back.id, back.version, backImage, from.replicas));
    }
    const proof = await prove();
    if (!proof.converged)
        fail(`and not back on ${backImage} either`, proof);
    return { ...result(ctx, r, 'rolled-back', backImage, backImage, proof, from.started), reason };
}
/**
 * rollback(): inside a running refresh, AWS's own rollback; outside one, a new refresh to the
 * version Kiln recorded before the known-good one (AWS cannot roll back a finished refresh).
 */
async function rollingRollback(ctx, timeoutMs) {
    const started = ctx.now();
    const group = await ctx.group();
    const t = await ctx.template(group);
    const replicas = group.DesiredCapacity ?? 0;
    const running = await ctx.activeRefresh();
    if (running?.InstanceRefreshId) {
        const to = desiredVersion(running);
        const from = to !== undefined ? await ctx.versionImage(t.id, to) : undefined;
        await ctx.rollbackRefresh();
        ctx.log(`group ${ctx.target}: rolling refresh ${running.InstanceRefreshId} back to version ${t.version}`);
        const end = await ctx.watchRefresh(running.InstanceRefreshId, ctx.now() + timeoutMs);
        const proof = await ctx.waitConverged(t.id, t.version, t.image ?? '', replicas, ctx.now() + timeoutMs);
        if (end.status !== 'RollbackSuccessful' || !proof.converged)
            throw new converged/* ConvergenceError */.g7(`group ${ctx.target}: the rollback of refresh ${running.InstanceRefreshId} ended ${end.status}${end.reason ? ` (${end.reason})` : ''}: ${proof.summary}`, proof);
        return rolledBack(ctx, t.image ?? '', from, proof, started);
    }
    const previous = Number(tag(group, TAG.previous));
    if (!previous || previous === t.version)
        throw new errors/* ConfigurationError */.j1(`group ${ctx.target} has no earlier known-good launch template version recorded (tag ${TAG.previous}): deploy an explicit digest instead`);
    const image = await ctx.versionImage(t.id, previous);
    if (!image)
        throw new errors/* ConfigurationError */.j1(`launch template ${t.name} version ${previous} names no image to return to`);
    ctx.log(`group ${ctx.target}: rolling back from ${context_short(t.image ?? '')} (version ${t.version}) to ${context_short(image)} (version ${previous})`);
    const id = await ctx.startRefresh(t, previous, true);
    const end = await ctx.watchRefresh(id, ctx.now() + timeoutMs);
    const proof = end.status === 'Successful'
        ? await ctx.waitConverged(t.id, previous, image, replicas, ctx.now() + timeoutMs)
        : await ctx.prove(t.id, previous, image, replicas);
    if (!proof.converged)
        throw new converged/* ConvergenceError */.g7(`group ${ctx.target} did not converge back on ${image} (refresh ${id} ${describe(end, timeoutMs)}): ${proof.summary}`, proof);
    // The version rolled back from is not recorded as a place to go back to.
    await ctx.record(previous, undefined);
    return rolledBack(ctx, image, t.image, proof, started);
}
function rolledBack(ctx, image, from, proof, started) {
    return {
        outcome: 'rolled-back',
        strategy: 'rolling',
        requested: image,
        image,
        ...(from ? { previous: from } : {}),
        proof,
        durationMs: ctx.now() - started,
    };
}
/** A refresh's end in a sentence for the result's reason. */
function describe(end, timeoutMs) {
    const said = end.reason ? `: ${end.reason}` : '';
    switch (end.status) {
        case 'timeout':
            return `instance refresh ${end.refresh.InstanceRefreshId} not done within ${timeoutMs} ms (${end.refresh.Status}, ${end.refresh.PercentageComplete ?? 0}% done)`;
        case 'RollbackSuccessful':
            return `AWS rolled instance refresh ${end.refresh.InstanceRefreshId} back${said}`;
        case 'unhealthy':
            return end.reason;
        default:
            return `instance refresh ${end.refresh.InstanceRefreshId} ended ${end.status}${said}`;
    }
}
function result(ctx, r, outcome, image, previous, proof, started) {
    return {
        outcome,
        strategy: 'rolling',
        requested: r.image,
        image,
        ...(previous ? { previous } : {}),
        proof,
        durationMs: ctx.now() - started,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/aws-asg/provider.ts










/** Instance refreshes take minutes per batch; rollback() gets as long as a deploy usually does. */
const DEFAULT_ROLLBACK_TIMEOUT_MS = 30 * 60_000;
/** AWS's rule for group names: 1 to 255 characters, no control characters. */
const GROUP_NAME = /^[^\p{Cc}]{1,255}$/u;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** The region from the settings, else the environment; none is a configuration error. */
function awsRegion(region, env) {
    const value = region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    if (!value)
        throw new errors/* ConfigurationError */.j1('provider aws-asg needs a region: set aws-asg.region in kiln.yml or AWS_REGION (aws-actions/configure-aws-credentials sets it)');
    if (!REGION.test(value))
        throw (0,errors/* invalidInput */.aY)('region', value, 'must be an AWS region such as us-east-1');
    return value;
}
/**
 * The SDK's clients on the default credential chain (the environment variables, web identity
 * token or profile aws-actions/configure-aws-credentials leaves). Their own retries are off:
 * errors.ts retries throttling, so there is one layer of retries, not two.
 */
function defaultClients(region) {
    const config = { region, maxAttempts: 1 };
    return {
        autoScaling: new dist_cjs/* AutoScalingClient */.yis(config),
        ec2: new client_ec2_dist_cjs/* EC2Client */.gu5(config),
        elb: new client_elastic_load_balancing_v2_dist_cjs/* ElasticLoadBalancingV2Client */.MlD(config),
    };
}
/** The provider's settings from a kiln.yml `aws-asg:` block (the deploy request wires them). */
function awsAsgSettingsOf(target, s) {
    return {
        target,
        ...(s.region ? { region: s.region } : {}),
        ...(s.launchTemplate ? { launchTemplate: s.launchTemplate } : {}),
        ...(s.targetGroupArn ? { targetGroupArns: [s.targetGroupArn] } : {}),
        ...(s.minHealthyPercentage !== undefined
            ? { minHealthyPercentage: s.minHealthyPercentage }
            : {}),
    };
}
/** A fleet on an EC2 Auto Scaling group: launch template versions, rolled out by instance refresh. */
class AwsAsgProvider {
    kind = 'aws-asg';
    target;
    ctx;
    rollbackTimeoutMs;
    constructor(settings) {
        if (!GROUP_NAME.test(settings.target))
            throw new errors/* ConfigurationError */.j1(`Fleet target ${JSON.stringify(settings.target)} is not an Auto Scaling group name: 1 to 255 characters, no control characters`);
        const pct = settings.minHealthyPercentage;
        if (pct !== undefined && !(Number.isInteger(pct) && pct >= 0 && pct <= 100))
            throw (0,errors/* invalidInput */.aY)('min-healthy-percentage', String(pct), 'must be a whole number from 0 to 100');
        const points = settings.checkpointPercentages ?? [];
        if (points.some((p, i) => !Number.isInteger(p) || p < 1 || p > 100 || (i > 0 && p <= points[i - 1])))
            throw (0,errors/* invalidInput */.aY)('checkpoint-percentages', points.join(','), 'must be rising whole percentages from 1 to 100');
        this.target = settings.target;
        this.rollbackTimeoutMs = settings.rollbackTimeoutMs ?? DEFAULT_ROLLBACK_TIMEOUT_MS;
        this.ctx = new AwsContext({
            ...settings,
            clients: settings.clients ?? defaultClients(awsRegion(settings.region, settings.env ?? process.env)),
        });
    }
    async current() {
        const group = await this.ctx.findGroup();
        if (!group || (group.DesiredCapacity ?? 0) === 0)
            return { target: this.target, exists: false, replicas: 0, digests: [], tasks: [] };
        const t = await this.ctx.template(group);
        const tasks = await this.ctx.tasks(group, t.id);
        const before = Number(tag(group, TAG.previous));
        const previous = before ? await this.ctx.versionImage(t.id, before) : undefined;
        return {
            target: this.target,
            exists: true,
            strategy: 'rolling',
            ...(t.image ? { image: t.image } : {}),
            ...(previous ? { previous } : {}),
            replicas: group.DesiredCapacity ?? 0,
            digests: [...new Set(tasks.map((x) => (0,converged/* pinnedIdOf */.jq)(x.image) ?? x.image))].sort(),
            tasks,
        };
    }
    async deploy(request) {
        // An AMI id is as immutable as a digest; anything else must be pinned by digest.
        (0,request_check/* checkDeployRequest */.b)(request, { immutableId: converged/* AMI_ID */.iB });
        if (request.strategy === 'blue-green')
            throw blueGreenRefusal(this.target);
        return rollingDeploy(this.ctx, request);
    }
    async rollback() {
        return rollingRollback(this.ctx, this.rollbackTimeoutMs);
    }
    /** N/N on `digest` (or AMI id), counted on the version the group asks for. */
    async converged(digest, replicas) {
        const group = await this.ctx.findGroup();
        if (!group)
            return (0,converged/* proveConvergence */.GZ)([], digest, replicas);
        const t = await this.ctx.template(group);
        return (0,converged/* proveConvergence */.GZ)(await this.ctx.tasks(group, t.id), digest, replicas, {
            want: String(t.version),
            noun: 'launch template version',
        });
    }
}


/***/ }),

/***/ 21642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ checkDeployRequest)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37638);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(93966);


/**
 * Invariants the request parser guarantees, checked again by a provider before its first
 * call, so no call reaches an engine without them: a digest-pinned image, whole positive
 * sizes, a positive health timeout.
 */
function checkDeployRequest(r, opts = {}) {
    if (!opts.immutableId?.test(r.image))
        (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .requireDigest */ .m0)((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseReference */ .F2)(r.image), 'image');
    if (!Number.isInteger(r.batchSize) || r.batchSize < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`batch size ${r.batchSize} must be a whole number of at least 1`);
    if (r.replicas !== undefined && (!Number.isInteger(r.replicas) || r.replicas < 1))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`replicas ${r.replicas} must be a whole number of at least 1`);
    if (!(r.healthTimeoutMs > 0))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`health timeout ${r.healthTimeoutMs} ms must be positive`);
}


/***/ })

};
