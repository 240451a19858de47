// How a message of a stage names an option its caller gave (model stage). The stages below cli/ name
// the window's start, the query deadline or a data source by the key of the library option
// (`since`, `deadlineMs`, `metricFiles`); the CLI passes its flags instead (CLI_OPTION_NAMES).

/** The options a message may name, by the name of the library's own option. */
export const NAMED_OPTIONS = [
  'since',
  'until',
  'baseline',
  'zone',
  'logs',
  'metricFiles',
  'prometheus',
  'changesFile',
  'deadlineMs',
  'stepSeconds',
  'allowOutsidePaths',
] as const;
export type NamedOption = (typeof NAMED_OPTIONS)[number];

/** The words a message uses for each option. */
export type OptionNames = Readonly<Record<NamedOption, string>>;

/** A library caller's names: the option's key in backquotes (`since`). */
export const LIBRARY_OPTION_NAMES: OptionNames = Object.freeze(Object.fromEntries(NAMED_OPTIONS.map((o) => [o, `\`${o}\``])) as Record<NamedOption, string>);
