export { buildDist, type BuildOptions, type BuildResult } from './dist.builder';
export { DIST_LAYOUT, serviceEntry, type DistLayout } from './dist-layout';
export { buildUi, type UiBuildResult } from './ui.builder';
