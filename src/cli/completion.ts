// `ftree completion bash|zsh|fish`: a shell completion script written from the program's own
// commands and options (cli stage), so that it never lists an option that does not exist. Commands,
// their options, the choices of options such as --format, and file names for the rest.

import type { Command, Option } from 'commander';
import { EXIT } from './error-table.js';

export type Shell = 'bash' | 'zsh' | 'fish';
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

interface CommandInfo {
  readonly name: string;
  readonly description: string;
  readonly options: readonly Option[];
  /** Choices of the first argument (completion's shells), offered instead of file names. */
  readonly words?: readonly string[];
}

export function runCompletion(program: Command, shell: Shell): number {
  process.stdout.write(renderCompletion(program, shell));
  return EXIT.ok;
}

export function renderCompletion(program: Command, shell: Shell): string {
  const globals = program.options.filter((o) => o.long !== '--version');
  const commands: CommandInfo[] = program.commands.map((c) => {
    const words = c.registeredArguments[0]?.argChoices;
    return { name: c.name(), description: c.description(), options: [...c.options, ...globals], ...(words ? { words } : {}) };
  });
  if (shell === 'bash') return bash(commands, globals);
  if (shell === 'zsh') return zsh(commands);
  return fish(commands, globals);
}

const takesValue = (o: Option): boolean => o.required || o.optional;
/** An option whose value is a file or folder (`--logs <paths...>`, `-o <file>`); others take numbers, ids, times. */
const takesPath = (o: Option): boolean => /<(?:paths?|file)\b/.test(o.flags);
const names = (o: Option): string[] => [o.long, o.short].filter((n): n is string => n !== undefined);

function bash(commands: readonly CommandInfo[], globals: readonly Option[]): string {
  const choiceCases: string[] = [];
  const plain = new Set<string>();
  const free = new Set<string>();
  for (const c of commands) {
    for (const o of c.options.filter(takesValue)) {
      if (o.argChoices) choiceCases.push(`    ${c.name}:${names(o).join(`|${c.name}:`)}) COMPREPLY=( $(compgen -W "${o.argChoices.join(' ')}" -- "$cur") ); return ;;`);
      else for (const n of names(o)) (takesPath(o) ? plain : free).add(`*:${n}`);
    }
  }
  const cases = commands.map((c) => `    ${c.name}) opts="${c.options.flatMap(names).join(' ')}"${c.words ? `; words="${c.words.join(' ')}"` : ''} ;;`).join('\n');
  return `# bash completion for ftree: source it, or save it as
# ~/.local/share/bash-completion/completions/ftree (ftree completion bash > that file)
_ftree() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) cmd="\${COMP_WORDS[i]}"; break ;; esac
  done
  if [[ -z "$cmd" ]]; then
    COMPREPLY=( $(compgen -W "${commands.map((c) => c.name).join(' ')} ${globals.flatMap(names).join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "$cmd:$prev" in
${choiceCases.join('\n')}
    ${[...plain].join('|')}) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
    ${[...free].join('|')}) return ;;
  esac
  local opts="" words=""
  case "$cmd" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts --help" -- "$cur") )
  elif [[ -n "$words" ]]; then
    COMPREPLY=( $(compgen -W "$words" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o filenames -o bashdefault -F _ftree ftree
`;
}

/** Text inside a zsh _arguments spec: brackets, colons and quotes escaped. */
function zshText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "'\\''").replace(/([[\]:])/g, '\\$1');
}

function zsh(commands: readonly CommandInfo[]): string {
  const list = commands.map((c) => `    '${c.name}:${c.description.replace(/'/g, "'\\''")}'`).join('\n');
  const cases = commands
    .map((c) => {
      const specs = c.options.map((o) => {
        const n = names(o);
        const head = n.length > 1 ? `(${n.join(' ')})'{${n.join(',')}}'` : n[0]!;
        const value = takesValue(o) ? `:${zshText(o.flags.replace(/^.*[<[]([^>\]]+)[>\]].*$/, '$1'))}:${o.argChoices ? `(${o.argChoices.join(' ')})` : takesPath(o) ? '_files' : ' '}` : '';
        return `'${head}[${zshText(o.description)}]${value}'`;
      });
      const rest = c.words ? `':${c.name}:(${c.words.join(' ')})'` : "'*:file:_files'";
      return `    ${c.name})\n      _arguments -s ${[...specs, rest].join(' \\\n        ')} ;;`;
    })
    .join('\n');
  return `#compdef ftree
# zsh completion for ftree: save it as _ftree in a folder of $fpath (ftree completion zsh > "\${fpath[1]}/_ftree")
_ftree() {
  local -a commands
  commands=(
${list}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'ftree command' commands
    return
  fi
  words=("\${words[@]:1}")
  (( CURRENT-- ))
  case "\${words[1]}" in
${cases}
  esac
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then _ftree "$@"; else compdef _ftree ftree; fi
`;
}

/** Text inside a fish single-quoted string. */
function fishText(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fish(commands: readonly CommandInfo[], globals: readonly Option[]): string {
  const lines = ['# fish completion for ftree: save it as ~/.config/fish/completions/ftree.fish', 'complete -c ftree -f'];
  for (const c of commands) lines.push(`complete -c ftree -n __fish_use_subcommand -a ${c.name} -d ${fishText(c.description)}`);
  for (const o of globals) lines.push(`complete -c ftree ${fishOption(o)}`);
  for (const c of commands) {
    const own = c.options.filter((o) => !globals.includes(o));
    lines.push(`complete -c ftree -n '__fish_seen_subcommand_from ${c.name}' ${c.words ? `-x -a ${fishText(c.words.join(' '))}` : '-F'}`);
    for (const o of own) lines.push(`complete -c ftree -n '__fish_seen_subcommand_from ${c.name}' ${fishOption(o)}`);
  }
  return `${lines.join('\n')}\n`;
}

function fishOption(o: Option): string {
  const parts: string[] = [];
  if (o.long) parts.push(`-l ${o.long.slice(2)}`);
  if (o.short) parts.push(`-s ${o.short.slice(1)}`);
  if (takesValue(o)) parts.push(o.argChoices ? `-x -a ${fishText(o.argChoices.join(' '))}` : takesPath(o) ? '-r -F' : '-x');
  parts.push(`-d ${fishText(o.description)}`);
  return parts.join(' ');
}
