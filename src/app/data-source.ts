import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfiguration } from 'src/core/config/configuration';
import { typeOrmOptions } from 'src/core/database/typeorm.options';
import { SCHEMA_ENTITIES } from './schema';

/** For the TypeORM CLI (migration:generate/create): the same options the app uses, with every module's entities. */
export default new DataSource(typeOrmOptions(loadConfiguration(process.env), SCHEMA_ENTITIES));
