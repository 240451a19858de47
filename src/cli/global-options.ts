// The options every command sees, declared on the program itself (cli stage). Command options
// types extend this one; src/cli/main.ts declares the options.

export interface GlobalOptions {
  readonly debug?: boolean;
  readonly color?: boolean;
  /** Let trees name files outside their own folder (transfers, MEF includes). */
  readonly allowOutsidePaths?: boolean;
}
