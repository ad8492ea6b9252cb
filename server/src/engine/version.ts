// The tool's version, read from package.json at build time (one source for the server and foi-lint).
import { version } from '../../../package.json';

export const VERSION: string = version;
