import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfiguration } from 'src/core/config/configuration';
import { typeOrmOptions } from './typeorm.options';

/** For the TypeORM CLI (migration:generate/create): the same options the app uses. */
export default new DataSource(typeOrmOptions(loadConfiguration(process.env)));
