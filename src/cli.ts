import 'reflect-metadata';
import { runCli } from './app/cli/run-cli';

// `npm run cli -- <command>`: the commands live in src/app/cli (nest-commander); `npm run cli -- --help` lists them.
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`Error: ${err.message}`);
    process.exit(1);
  },
);
