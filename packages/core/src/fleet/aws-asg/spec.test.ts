import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../errors.js';
import { imageInUserData, MAX_USER_DATA_BYTES, versionImage, withImage } from './spec.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const text = (s: string) => Buffer.from(s, 'base64').toString();
const IMG = `reg.test/shop@sha256:${'a'.repeat(64)}`;

describe('aws-asg user data', () => {
  it('sets only the KILN_IMAGE line, quoted, keeping the rest of the script', () => {
    const out = withImage(
      b64('#!/bin/sh\nset -e\nexport KILN_IMAGE="old"\ndocker run "$KILN_IMAGE"\n'),
      IMG,
      'v1',
    );
    expect(text(out)).toBe(
      `#!/bin/sh\nset -e\nexport KILN_IMAGE='${IMG}'\ndocker run "$KILN_IMAGE"\n`,
    );
    expect(imageInUserData(out)).toBe(IMG);
  });

  it('refuses user data with no KILN_IMAGE line, and user data over EC2 limit', () => {
    expect(() => withImage(b64('#!/bin/sh\n'), IMG, 'launch template t version 3')).toThrow(
      /^launch template t version 3 has no KILN_IMAGE= line/,
    );
    expect(() =>
      withImage(b64(`KILN_IMAGE=\n#${'x'.repeat(MAX_USER_DATA_BYTES)}`), IMG, 'v'),
    ).toThrow(ConfigurationError);
  });

  it('a version runs its KILN_IMAGE container, else its AMI; an empty line names nothing', () => {
    expect(
      versionImage({ ImageId: 'ami-0123456789abcdef0', UserData: b64(`KILN_IMAGE='${IMG}'\n`) }),
    ).toBe(IMG);
    expect(versionImage({ ImageId: 'ami-0123456789abcdef0', UserData: b64('KILN_IMAGE=\n') })).toBe(
      'ami-0123456789abcdef0',
    );
    expect(versionImage({})).toBeUndefined();
  });
});
