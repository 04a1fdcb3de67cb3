import { Command, CommanderError, type Option } from 'commander';
import { loadCliConfig } from '../cli.config';
import { flotillaCli } from '../main';

// Every command of the real tree, its actions replaced so that parsing is all that runs.
function quietCli(): Command {
  const program = flotillaCli(loadCliConfig({ HOME: '/nonexistent' }));
  const silence = (cmd: Command): void => {
    cmd.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    if (cmd.commands.length === 0) cmd.action(() => undefined);
    cmd.commands.forEach(silence);
  };
  silence(program);
  return program;
}

interface Leaf {
  path: string[];
  /** One word for each required argument, and a value for each required option (gpg add --from). */
  args: string[];
}

function leaves(cmd: Command, path: string[] = []): Leaf[] {
  if (cmd.commands.length === 0) {
    const mandatory = cmd.options.filter((o) => o.mandatory && o.long).flatMap((o) => [o.long!, 'x']);
    return [{ path, args: [...cmd.registeredArguments.filter((a) => a.required).map(() => 'x'), ...mandatory] }];
  }
  return cmd.commands.flatMap((sub) => leaves(sub, [...path, sub.name()]));
}

/** The long name (without `--` / `--no-`) of every boolean flag the leaf or its parents declare. */
function booleanFlags(program: Command, path: string[]): string[] {
  const chain = [program];
  for (const name of path) chain.push(chain[chain.length - 1].commands.find((c) => c.name() === name)!);
  const isBoolean = (o: Option) => !o.required && !o.optional && !o.hidden && o.long;
  return [...new Set(chain.flatMap((c) => c.options.filter(isBoolean).map((o) => o.long!.replace(/^--(no-)?/, ''))))];
}

/** Parses `flotilla …argv` and returns the options the leaf command sees (its own and its parents'). */
async function parse(argv: string[]): Promise<Record<string, unknown>> {
  const program = quietCli();
  let seen: Record<string, unknown> = {};
  const hook = (cmd: Command): void => {
    if (cmd.commands.length === 0) cmd.action((...a: unknown[]) => void (seen = (a[a.length - 1] as Command).optsWithGlobals()));
    cmd.commands.forEach(hook);
  };
  hook(program);
  await program.parseAsync(argv, { from: 'user' });
  return seen;
}

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

const cases = leaves(quietCli()).flatMap((leaf) => booleanFlags(quietCli(), leaf.path).map((flag) => ({ ...leaf, flag, command: leaf.path.join(' ') })));

describe("argocd's spellings of boolean flags", () => {
  it('finds the boolean flags of the command tree', () => {
    expect(cases.map((c) => `${c.command} --${c.flag}`)).toEqual(expect.arrayContaining(['cluster add --in-cluster', 'app delete --cascade', 'app create --validate', 'app list --plaintext']));
  });

  it.each(cases)('$command --$flag, --$flag=true|false|1|0|t|F', async ({ path, args, flag }) => {
    const key = camel(flag);
    const base = [...path, ...args];
    expect((await parse([...base, `--${flag}`]))[key]).toBe(true);
    for (const spelling of ['true', 'True', 'TRUE', '1', 't', 'T']) expect((await parse([...base, `--${flag}=${spelling}`]))[key]).toBe(true);
    for (const spelling of ['false', 'False', 'FALSE', '0', 'f', 'F']) expect((await parse([...base, `--${flag}=${spelling}`]))[key]).toBe(false);
  });

  it('cluster add --in-cluster=false is false, and --in-cluster alone true', async () => {
    expect(await parse(['cluster', 'add', 'ctx', '--in-cluster=false', '--upsert'])).toMatchObject({ inCluster: false, upsert: true });
    expect(await parse(['cluster', 'add', '--in-cluster', 'ctx'])).toMatchObject({ inCluster: true });
  });

  it('keeps the defaults of flags that are on unless turned off', async () => {
    expect(await parse(['app', 'create', 'x'])).toMatchObject({ validate: true });
    expect(await parse(['app', 'create', 'x', '--validate=false'])).toMatchObject({ validate: false });
    expect(await parse(['app', 'create', 'x', '--validate'])).toMatchObject({ validate: true });
  });

  it('takes a value on a shorthand as pflag does (-y=false)', async () => {
    expect(await parse(['app', 'delete', 'x', '-y=false'])).toMatchObject({ yes: false });
    expect(await parse(['app', 'delete', 'x', '-y=true'])).toMatchObject({ yes: true });
  });

  it('leaves value flags alone', async () => {
    expect(await parse(['app', 'create', 'x', '--revision=true', '--label=a=b'])).toMatchObject({ revision: 'true', label: ['a=b'] });
  });

  it('refuses a value that is not a boolean the way argocd does', async () => {
    const err = await parse(['cluster', 'add', 'ctx', '--in-cluster=maybe']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommanderError);
    expect((err as CommanderError).message).toBe('error: invalid argument "maybe" for "--in-cluster" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
  });
});
