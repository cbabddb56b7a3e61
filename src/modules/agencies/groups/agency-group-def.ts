import { DEFAULT_AGENCY_GROUPS } from '../../../../migrations/1770012000000-AgencyGroups';
import { AgencyKind } from '../agency.enums';
import { AgencyGroup } from './agency-group.entity';

/**
 * A group as the importer's matcher uses it: names to recognise, and who its members are (every
 * agency of `kind`, or those of `codes`; neither: a group kept as a note, without members).
 */
export interface AgencyGroupDef {
  name: string;
  aliases: string[];
  members: { kind?: AgencyKind; codes?: string[] };
}

export function toGroupDef(g: Pick<AgencyGroup, 'name' | 'aliases' | 'memberKind' | 'memberCodes'>): AgencyGroupDef {
  return {
    name: g.name,
    aliases: g.aliases,
    members: g.memberKind ? { kind: g.memberKind } : { codes: g.memberCodes ?? [] },
  };
}

/** The groups a new database starts with (the migration's seed), for tests and the demo seed. */
export const DEFAULT_GROUP_DEFS: AgencyGroupDef[] = DEFAULT_AGENCY_GROUPS.map((g) =>
  toGroupDef({ ...g, memberKind: g.memberKind as AgencyKind | null }),
);
