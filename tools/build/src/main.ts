// `npm run build [-- --out <dir>]`: the repository's TypeScript as plain JavaScript under dist/.
import { join, relative, resolve } from 'node:path';
import { buildDist } from './dist.builder';
import { buildUi } from './ui.builder';

const ROOT = join(__dirname, '..', '..', '..');

export async function main(argv: string[]): Promise<void> {
  const out = argv[0] === '--out' && argv[1] ? resolve(argv[1]) : undefined;
  try {
    const r = await buildDist({ root: ROOT, outDir: out });
    const what = r.compiled + r.copied + r.removed ? `${r.compiled} compiled, ${r.copied} copied, ${r.removed} removed` : 'up to date';
    process.stdout.write(
      `build: ${relative(process.cwd(), r.outDir) || '.'} ${what} (${r.unchanged} unchanged) in ${(r.ms / 1000).toFixed(1)}s\n`,
    );
    const ui = await buildUi({ root: ROOT, outDir: out });
    process.stdout.write(`build: ${relative(process.cwd(), ui.outDir)} ${ui.built ? 'bundled' : 'up to date'} in ${(ui.ms / 1000).toFixed(1)}s\n`);
  } catch (err) {
    process.stderr.write(`build: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
