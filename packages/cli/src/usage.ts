// One line per command, kept apart from the commands so `kiln --help` loads none of them.
export const USAGE = {
  bake: 'bake --image REPO --copy SRC:DEST ...  bake a reproducible image (flags = bake-image inputs)',
  validate:
    'validate --image REPO@sha256:… [--policy F]  policy + smoke test, evidence stored with the image',
  deploy:
    'deploy --image REPO@sha256:… --environment E [--target SVC]  replace the fleet (flags = replace-fleet inputs)',
  rollback:
    'rollback --environment E --reason WHY [--to previous|sha256:…|SEQ]  back to a known-good digest, the current one quarantined',
  promote:
    'promote --image REPO@sha256:…|--from-environment E --to-environment E [--to-image REPO]  copy a digest through the gates, with its referrers (flags = promote inputs)',
  ledger:
    "ledger show|verify ENV [--config F] [--image REPO] [--ledger-repository REPO]  an environment's ledger as a table (--json), or its chain checked (exit 2 when broken)",
  inspect: 'inspect REF            digest, media type, size, platforms and layers of an image',
  copy: 'copy SRC DST [--tag T]  copy an image or index by digest (all platforms), verifying the digest',
  run: 'run WORKFLOW [--input k=v] [--event push] [--var k=v] [--secret NAME]  run a workflow file here, as a runner would',
  status:
    'status [--config F] [--image REPO]  each environment: digest, N/N healthy, since, ledger head, known-good',
} as const;

export type CommandName = keyof typeof USAGE;
