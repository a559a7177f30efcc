/** Kiln's version, recorded in evidence. Kept equal to package.json by a unit test. */
export const KILN_VERSION = '0.1.0';
