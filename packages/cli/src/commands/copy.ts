import { ConfigurationError } from '@kiln/core/errors';
import {
  checkLayoutOutput,
  copyImage,
  openStore,
  parseLocation,
  Registries,
  resolveLocation,
  undoLayoutWriteOnFailure,
} from '@kiln/core/oci';
import { parse, print, progress, registryFlags, registryOptions } from '../options.js';
import { USAGE } from '../usage.js';

const copyUsage = USAGE.copy;

export async function copy(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...registryFlags,
    tag: { type: 'string', multiple: true },
    concurrency: { type: 'string' },
  });
  if (positionals.length !== 2) throw new ConfigurationError(`usage: kiln ${copyUsage}`);
  const src = parseLocation(positionals[0] as string, 'SRC');
  const dst = parseLocation(positionals[1] as string, 'DST');
  if (dst.kind === 'registry' && dst.ref.digest) {
    throw new ConfigurationError(
      `DST ${positionals[1]}: name a repository (optionally :tag), not a digest; the digest comes from SRC`,
    );
  }
  const tags = [
    ...(values.tag ?? []),
    ...(dst.kind === 'registry' && dst.ref.tag ? [dst.ref.tag] : []),
    ...(dst.kind === 'layout' && dst.tag ? [dst.tag] : []),
  ];
  // A folder that is not a layout is refused before any request; a failed copy leaves no debris.
  if (dst.kind === 'layout') await checkLayoutOutput(dst.dir, positionals[1] as string, 'DST');
  const registries = new Registries(
    registryOptions(values, dst.kind === 'registry' ? dst.ref.registry : undefined),
  );
  const source = openStore(src, registries);
  const target = openStore(dst, registries);
  const started = Date.now();
  const digest = await resolveLocation(src, source);
  progress(`copying ${digest} from ${source.label} to ${target.label}`);
  const concurrency = values.concurrency ? Number(values.concurrency) : undefined;
  const write = (): ReturnType<typeof copyImage> =>
    copyImage(source, target, digest, {
      tags,
      ...(concurrency ? { concurrency } : {}),
      log: progress,
    });
  const r =
    dst.kind === 'layout'
      ? await undoLayoutWriteOnFailure(dst.dir, target.label, write)
      : await write();
  const ms = Date.now() - started;
  print(
    values.json,
    { ...r, durationMs: ms, image: `${target.label}@${r.digest}` },
    `${target.label}@${r.digest}\n  ${r.blobs} blobs: ${r.copiedBytes} bytes copied, ${r.mountedBlobs} mounted, ${r.skippedBlobs} already there; ${r.manifests} manifests; ${ms} ms\n`,
  );
  return 0;
}
