/** The tool itself, shared by every command: its folder and version, and the one instant a run writes into files. */

export { TOOL_DIR, TOOL_VERSION } from './version.js';
export { buildInstant, signingInstant } from './clock.js';
