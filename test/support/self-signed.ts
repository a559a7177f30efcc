import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway self-signed certificate made by openssl: its private key and certificate, as PEM. */
export function selfSignedCertificate(
  subject: string,
  options: { days: number; altName?: string },
): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-cert-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        String(options.days),
        '-subj',
        subject,
        ...(options.altName ? ['-addext', `subjectAltName=${options.altName}`] : []),
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
