import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from 'src/core/config/configuration';
import { SqliteMaintenance } from './sqlite-maintenance';
import { SqliteReadPool } from './sqlite-read-pool';
import { typeOrmOptions } from './typeorm.options';

/** TypeORM's DataSource for the modules, and on SQLite the read connections off the main thread (SqliteReadPool). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        ...typeOrmOptions({ database: config.get('database', { infer: true }) } as AppConfig),
        // Each module's TypeOrmModule.forFeature list (its *_ENTITIES): core names no module's entity.
        autoLoadEntities: true,
        // Keep serving reads when the database blips at start instead of crashing the process.
        retryAttempts: 5,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [SqliteMaintenance, SqliteReadPool],
  exports: [SqliteReadPool],
})
export class DatabaseModule {}
