import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from 'src/core/config/project-root';
import { AgencyKind } from 'src/modules/agencies/agency.enums';

/**
 * A name that documents use for several agencies at once ("UBND các huyện, thị xã, thành phố" =
 * every district). Members: every agency of `kind`, or those listed in `codes`.
 */
export interface AgencyGroupDef {
  name: string;
  aliases: string[];
  members: { kind?: AgencyKind; codes?: string[] };
}

export class AgencyGroupsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgencyGroupsConfigError';
  }
}

const KINDS = Object.values(AgencyKind) as string[];

/** Checks the parsed config/agency-groups.json; throws naming the bad entry. */
export function validateAgencyGroups(raw: unknown, origin = 'agency-groups.json'): AgencyGroupDef[] {
  const fail = (msg: string): never => {
    throw new AgencyGroupsConfigError(`${origin}: ${msg}`);
  };
  const groups = (raw as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) return fail('expected {"groups": [...]}');
  return groups.map((g: unknown, i): AgencyGroupDef => {
    const r = g as Record<string, unknown>;
    if (typeof r?.name !== 'string' || !r.name.trim()) fail(`groups[${i}].name must be a non-empty string`);
    const aliases = r.aliases ?? [];
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string'))
      fail(`groups[${i}].aliases must be a list of strings`);
    const members = (r.members ?? {}) as { kind?: unknown; codes?: unknown };
    if (members.kind !== undefined && !KINDS.includes(members.kind as string))
      fail(`groups[${i}].members.kind must be one of ${KINDS.join(', ')}`);
    if (
      members.codes !== undefined &&
      (!Array.isArray(members.codes) || members.codes.some((c) => typeof c !== 'string'))
    )
      fail(`groups[${i}].members.codes must be a list of agency codes`);
    if (members.kind === undefined && members.codes === undefined) fail(`groups[${i}].members needs "kind" or "codes"`);
    return {
      name: (r.name as string).trim(),
      aliases: (aliases as string[]).map((a) => a.trim()).filter(Boolean),
      members: { kind: members.kind as AgencyKind | undefined, codes: members.codes as string[] | undefined },
    };
  });
}

let cached: AgencyGroupDef[] | undefined;

/** config/agency-groups.json, read once per process. */
export function loadAgencyGroups(file = join(projectRoot(), 'config', 'agency-groups.json')): AgencyGroupDef[] {
  if (cached && file === join(projectRoot(), 'config', 'agency-groups.json')) return cached;
  const groups = validateAgencyGroups(JSON.parse(readFileSync(file, 'utf8')), file);
  cached = groups;
  return groups;
}
