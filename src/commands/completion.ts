import type { Command, Option } from 'commander';
import { action, describe, optionValues, type CommandEnv, type Deps } from '../cli/command.js';
import { buildProgram } from '../program.js';
import { UsageError } from '../errors.js';
import { VOCABULARY, type VocabularyKind } from '../domain/vocabulary.js';

// Options that take a closed list but parse it in the domain (lists, or values also read from files).
const PLAIN_TERMS: [RegExp, string, VocabularyKind][] = [
  [/^worker (add|update)$/, '--occupation', 'occupation'],
  [/^worker (add|update)$/, '--gender', 'gender'],
  [/^station (add|update)$/, '--amenities', 'amenity'],
  [/^station list$/, '--missing', 'amenity'],
  [/^station amenities$/, '--set', 'amenity'],
  [/^station amenities$/, '--unset', 'amenity'],
  [/^community measures$/, '--set', 'friendly_measure'],
  [/^community measures$/, '--unset', 'friendly_measure'],
  [/^merchant add$/, '--offers', 'merchant_offer'],
  [/^wish add$/, '--category', 'wish_category'],
  [/^wish add$/, '--source', 'wish_source'],
];

function plainValues(path: string, flag: string): string[] | undefined {
  const found = PLAIN_TERMS.find(([command, option]) => option === flag && command.test(path));
  return found ? VOCABULARY[found[2]].flatMap((t) => [t.code, ...t.zh]) : undefined;
}

type Node = { path: string; children: string[]; options: string[]; values: Map<string, string[]> };

/** Every command of the tree with its subcommands, its options and their closed lists of values. */
function nodes(program: Command): Node[] {
  const out: Node[] = [];
  const walk = (cmd: Command, path: string[], inherited: readonly Option[]) => {
    const options = [...inherited, ...cmd.options];
    out.push({
      path: path.join(' '),
      children: cmd.commands.flatMap((c) => [c.name(), ...c.aliases()]).concat(cmd.commands.length ? ['help'] : []),
      options: [...options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f))), '--help'],
      values: new Map(
        options
          .filter((o) => o.long)
          .map((o) => [o.long!, optionValues(o) ?? plainValues(path.join(' '), o.long!)] as const)
          .filter((entry): entry is readonly [string, string[]] => entry[1] !== undefined),
      ),
    });
    for (const sub of cmd.commands) walk(sub, [...path, sub.name()], cmd === program ? cmd.options : inherited);
  };
  walk(program, [], []);
  return out;
}

const quote = (words: string[]) => `'${words.join(' ').replace(/'/g, `'\\''`)}'`;

/** A bash completion function for the whole tree; zsh loads the same through bashcompinit. */
export function bashScript(program: Command): string {
  const all = nodes(program);
  const valueOptions = [...new Set(program.options.filter((o) => o.required || o.optional).map((o) => o.long!))];
  const cases = (pick: (n: Node) => string[]) => all.map((n) => `    ${quote([n.path])}) echo ${quote(pick(n))} ;;`).join('\n');
  const valueCases = all.flatMap((n) => [...n.values].map(([flag, words]) => `    ${quote([`${n.path}|${flag}`])}) echo ${quote(words)} ;;`)).join('\n');
  return `# nuanxin completion for bash (zsh: see \`nuanxin completion zsh\`). Load it with:
#   source <(nuanxin completion bash)      or save it under /etc/bash_completion.d/nuanxin
_nuanxin_children() {
  case "$1" in
${cases((n) => n.children)}
  esac
}
_nuanxin_options() {
  case "$1" in
${cases((n) => n.options)}
  esac
}
_nuanxin_values() {
  case "$1" in
${valueCases}
  esac
}
_nuanxin() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" path="" word i
  (( COMP_CWORD > 0 )) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  for (( i = 1; i < COMP_CWORD; i++ )); do
    word="\${COMP_WORDS[i]}"
    case " ${valueOptions.join(' ')} " in *" $word "*) (( i++ )); continue ;; esac
    [[ "$word" == -* ]] && continue
    case " $(_nuanxin_children "$path") " in *" $word "*) path="\${path:+$path }$word" ;; esac
  done
  local values
  values="$(_nuanxin_values "$path|$prev")"
  [[ -z "$values" ]] && values="$(_nuanxin_values "|$prev")"
  if [[ -n "$values" ]]; then
    local IFS=$'\\n'
    COMPREPLY=( $(compgen -W "\${values// /$'\\n'}" -- "$cur") )
    return 0
  fi
  case "$prev" in
    --db|--out|--rejects|--file) COMPREPLY=( $(compgen -f -- "$cur") ); return 0 ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$(_nuanxin_options "$path")" -- "$cur") )
  else
    COMPREPLY=( $(compgen -W "$(_nuanxin_children "$path")" -- "$cur") )
    (( \${#COMPREPLY[@]} == 0 )) && COMPREPLY=( $(compgen -f -- "$cur") )
  fi
  return 0
}
complete -o filenames -F _nuanxin nuanxin
`;
}

export function zshScript(program: Command): string {
  return `#compdef nuanxin
# nuanxin completion for zsh. Load it with:
#   source <(nuanxin completion zsh)      or save it as _nuanxin in a folder on $fpath
autoload -U +X bashcompinit && bashcompinit
${bashScript(program)
  .split('\n')
  .filter((l) => !l.startsWith('#'))
  .join('\n')}`;
}

export type CompletionOptions = Record<string, never>;

export function registerCompletion(program: Command, deps: Deps): void {
  const cmd = describe(program.command('completion'), deps.t, 'completion').argument('<shell>', deps.t('arg.shell'));
  action(cmd, deps, runCompletion);
}

export async function runCompletion(env: CommandEnv, _opts: CompletionOptions, [shell]: string[]): Promise<number | void> {
  if (shell !== 'bash' && shell !== 'zsh') throw new UsageError({ key: 'usage.bad_choice', params: { flag: env.t('help.arg.shell'), value: shell, choices: 'bash, zsh' } });
  // The whole tree (a run builds only the group it needs); nothing in it runs.
  const tree = await buildProgram({ io: env.io, t: env.t, state: { exitCode: 0 } });
  env.io.stdout.write(shell === 'bash' ? bashScript(tree) : zshScript(tree));
}
