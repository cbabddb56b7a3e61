import { InitialSchema1763800000000 } from '../../../migrations/1763800000000-InitialSchema';
import { TaskQueryIndexes1764900000000 } from '../../../migrations/1764900000000-TaskQueryIndexes';

/** Listed explicitly (not globbed) so the same list works from src/ under jest and from dist/. */
export const MIGRATIONS = [InitialSchema1763800000000, TaskQueryIndexes1764900000000];
