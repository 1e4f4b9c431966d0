/** The engine's version, written into run records; kept equal to package.json by a test. */
export const ENGINE_VERSION = '0.1.0';
