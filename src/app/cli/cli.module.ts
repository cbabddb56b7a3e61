import { Injectable, Module } from '@nestjs/common';
import { CommandRunner, InjectCommander } from 'nest-commander';
import { ImportCommand } from 'src/modules/imports/imports.cli';
import { RemindCommand } from 'src/modules/reminders/reminders.cli';
import { MigrateCommand, MigrateRevertCommand, SeedCommand } from './database.commands';

/** commander's Command as nest-commander uses it (its own commander version). */
export type CommanderCommand = Parameters<CommandRunner['setCommand']>[0];

/** The root commander instance nest-commander adds every command to. */
@Injectable()
export class CliRoot {
  constructor(@InjectCommander() readonly commander: CommanderCommand) {}
}

/**
 * The commands of `npm run cli` (nest-commander). This context holds only the commands: each one loads
 * the configuration and opens what it needs itself (migrate must run before anything touches the schema).
 */
@Module({ providers: [CliRoot, MigrateCommand, MigrateRevertCommand, SeedCommand, ImportCommand, RemindCommand] })
export class CliModule {}
