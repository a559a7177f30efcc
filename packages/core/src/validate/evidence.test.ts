import { describe, expect, it } from '@jest/globals';
import { KilnArtifactType, VALIDATION_RESULT_ANNOTATION } from '../oci/referrers.js';
import { MemoryArtifactStore } from '../oci/test-artifact-store.js';
import { MemoryStore } from '../oci/test-memory-store.js';
import { storeArtifact } from './evidence.js';
import { VALIDATION_ARTIFACT_TYPE } from './report.js';

describe('storeArtifact', () => {
  it('stores evidence through the store’s artifact capability, listed as a referrer', async () => {
    const store = new MemoryArtifactStore('reg/app');
    const subject = store.image('app');
    const desc = await storeArtifact(store, {
      artifactType: VALIDATION_ARTIFACT_TYPE,
      layers: [{ mediaType: 'application/json', data: Buffer.from('{"result":"pass"}') }],
      subject,
      annotations: { [VALIDATION_RESULT_ANNOTATION]: 'pass' },
    });
    expect(await store.listReferrers(subject.digest, KilnArtifactType.Validation)).toEqual([desc]);
  });

  it('refuses a store without the capability, and the type is the one the ledger reads', async () => {
    const bare = new MemoryStore('bare');
    const subject = bare.image('app');
    await expect(
      storeArtifact(bare, { artifactType: VALIDATION_ARTIFACT_TYPE, layers: [], subject }),
    ).rejects.toThrow('bare cannot store artifacts next to an image');
    expect(VALIDATION_ARTIFACT_TYPE).toBe(KilnArtifactType.Validation);
  });
});
