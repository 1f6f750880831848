/** Tracked organisations: the list (defaults or ORGS_FILE) and the name matching. */
export { defaultOrgs, loadOrgs, readOrgsFile, validateOrgs, OrgsFileError, ORG_KINDS } from './registry';
export type { TrackedOrg, OrgKind } from './registry';
export { createOrgMatcher, orgFtsQuery, parseName, foldedWords, MIN_PREFIX_LENGTH } from './match';
export type { OrgMatcher, NameWord } from './match';
