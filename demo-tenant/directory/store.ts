// The demo tenant's directory in memory, with the indexes every Graph call and token needs.
// Rules (definition validity, one policy per object, one organization default, effective lifetime)
// come from lib/policy; this file only answers in Graph's words when one is broken.
import {
  buildPolicyContext,
  issuedAccessTokenLifetimeSeconds,
  resolveEffectiveLifetime,
  type PolicyContext,
} from '../../lib/policy/resolve';
import { randomBuiltInAccessTokenLifetimeSeconds } from '../../lib/policy/lifetime';
import { canTakeAnotherLink, otherOrganizationDefault } from '../../lib/policy/rules';
import type { DirectoryTarget, TokenLifetimePolicy } from '../../lib/policy/types';
import type { ResourceDirectory } from '../contracts';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from '../contracts';
import type { DirectoryAudit } from '../graph/audit-log';
import type { DemoApplication, DemoServicePrincipal, DirectoryState } from './model';
import { seedDirectory, type SeedOptions } from './seed';
import { SEEDED_APP_ROLES, seedAccess, type AccessState } from './seed-access';
import { readStateFile, StateFileWriter, type StateParts } from './state-file';
import { ChangeLog } from './change-log';

export type ObjectType = 'application' | 'servicePrincipal';

export class DirectoryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class DirectoryStore implements ResourceDirectory {
  private state!: DirectoryState;
  private applicationsById = new Map<string, DemoApplication>();
  private servicePrincipalsById = new Map<string, DemoServicePrincipal>();
  private applicationsByAppId = new Map<string, DemoApplication>();
  private servicePrincipalsByAppId = new Map<string, DemoServicePrincipal>();
  private servicePrincipalsByName = new Map<string, DemoServicePrincipal>();
  private policyContext?: PolicyContext;
  /** Changes to applications and service principals since this load, for delta queries. */
  changes = new ChangeLog();
  /** Now, as delta tokens age by it; a test may move it forward. */
  clock: () => number = Date.now;

  private readonly stateFileWriter?: StateFileWriter;

  /**
   * With a state file: its tenant when it exists (a file that cannot be read stops the start with
   * a StateFileError: it is never reseeded over), the seed otherwise.
   */
  constructor(
    private readonly seedOptions: SeedOptions = {},
    stateFile?: string,
    private readonly random: () => number = Math.random,
  ) {
    const saved = stateFile ? readStateFile(stateFile) : undefined;
    this.load(saved ?? seedDirectory(seedOptions));
    if (stateFile) {
      this.stateFileWriter = new StateFileWriter(stateFile, () => this.stateParts());
      if (!saved) this.stateFileWriter.changed();
    }
  }

  reset(): void {
    this.load(seedDirectory(this.seedOptions));
    this.persist();
  }

  /** Writes pending changes to the state file; the server awaits it when it closes. */
  async close(): Promise<void> {
    await this.stateFileWriter?.flush();
  }

  private persist(): void {
    this.stateFileWriter?.changed();
  }

  /**
   * Policies and links change in place, so they are serialized now; applications and service
   * principals are streamed as they are when the file is written.
   */
  private stateParts(): StateParts {
    const { policies, applicationLinks, servicePrincipalLinks, applications, servicePrincipals } =
      this.state;
    return [
      ['policies', JSON.stringify(policies)],
      ['applicationLinks', JSON.stringify(applicationLinks)],
      ['servicePrincipalLinks', JSON.stringify(servicePrincipalLinks)],
      ['appRoleAssignments', JSON.stringify(this.access.appRoleAssignments)],
      ['oauth2PermissionGrants', JSON.stringify(this.access.oauth2PermissionGrants)],
      ['conditionalAccessPolicies', JSON.stringify(this.access.conditionalAccessPolicies)],
      ['directoryAudits', JSON.stringify(this.auditLog)],
      ['applications', applications],
      ['servicePrincipals', servicePrincipals],
    ];
  }

  private load(state: DirectoryState): void {
    for (const sp of state.servicePrincipals)
      if (!sp.appRoles && SEEDED_APP_ROLES[sp.appId]) sp.appRoles = SEEDED_APP_ROLES[sp.appId];
    if (
      !state.appRoleAssignments ||
      !state.oauth2PermissionGrants ||
      !state.conditionalAccessPolicies
    )
      Object.assign(state, { ...seedAccess(state.servicePrincipals), ...definedAccess(state) });
    this.state = state;
    this.applicationsById = new Map(state.applications.map((a) => [a.id, a]));
    this.servicePrincipalsById = new Map(state.servicePrincipals.map((s) => [s.id, s]));
    this.applicationsByAppId = new Map(state.applications.map((a) => [a.appId, a]));
    this.servicePrincipalsByAppId = new Map(state.servicePrincipals.map((s) => [s.appId, s]));
    this.servicePrincipalsByName = new Map();
    for (const sp of state.servicePrincipals) {
      for (const name of sp.servicePrincipalNames)
        this.servicePrincipalsByName.set(name.toLowerCase().replace(/\/+$/, ''), sp);
    }
    this.policyContext = undefined;
    this.changes = new ChangeLog();
  }

  private changed(policiesChanged = false): void {
    if (policiesChanged) this.policyContext = undefined;
    this.persist();
  }

  // ---- reads ----
  get policies(): TokenLifetimePolicy[] {
    return this.state.policies;
  }
  get applications(): DemoApplication[] {
    return this.state.applications;
  }
  get servicePrincipals(): DemoServicePrincipal[] {
    return this.state.servicePrincipals;
  }
  /** App role assignments, delegated grants and Conditional Access policies (routes-reach.ts). */
  get access(): AccessState {
    return {
      appRoleAssignments: this.state.appRoleAssignments ?? [],
      oauth2PermissionGrants: this.state.oauth2PermissionGrants ?? [],
      conditionalAccessPolicies: this.state.conditionalAccessPolicies ?? [],
    };
  }
  /** The directory audit log (graph/audit-log.ts writes it): kept in the state file, like the rest. */
  get auditLog(): DirectoryAudit[] {
    return (this.state.directoryAudits ??= []);
  }
  auditLogChanged(): void {
    this.persist();
  }
  createConditionalAccessPolicy(policy: AccessState['conditionalAccessPolicies'][number]): void {
    (this.state.conditionalAccessPolicies ??= []).push(policy);
    this.changed();
  }
  getPolicy(id: string): TokenLifetimePolicy | undefined {
    return this.state.policies.find((p) => p.id === id);
  }
  getObject(type: ObjectType, id: string): DemoApplication | DemoServicePrincipal | undefined {
    return type === 'application'
      ? this.applicationsById.get(id)
      : this.servicePrincipalsById.get(id);
  }
  linkedPolicyId(type: ObjectType, id: string): string | undefined {
    return (
      type === 'application' ? this.state.applicationLinks : this.state.servicePrincipalLinks
    )[id];
  }
  /** appliesTo: every object the policy is linked to. */
  appliesTo(
    policyId: string,
  ): Array<{ type: ObjectType; object: DemoApplication | DemoServicePrincipal }> {
    const result: Array<{ type: ObjectType; object: DemoApplication | DemoServicePrincipal }> = [];
    for (const [id, pid] of Object.entries(this.state.applicationLinks)) {
      const object = this.applicationsById.get(id);
      if (pid === policyId && object) result.push({ type: 'application', object });
    }
    for (const [id, pid] of Object.entries(this.state.servicePrincipalLinks)) {
      const object = this.servicePrincipalsById.get(id);
      if (pid === policyId && object) result.push({ type: 'servicePrincipal', object });
    }
    return result;
  }

  // ---- policy writes (validation is the Graph layer's, through lib/policy) ----
  createPolicy(policy: TokenLifetimePolicy): TokenLifetimePolicy {
    if (policy.isOrganizationDefault) this.assertNoOtherDefault(policy.id);
    this.state.policies.push(policy);
    this.changed(true);
    return policy;
  }

  updatePolicy(id: string, patch: Partial<TokenLifetimePolicy>): void {
    const policy = this.getPolicy(id);
    if (!policy) throw notFound(id);
    if (patch.isOrganizationDefault) this.assertNoOtherDefault(id);
    Object.assign(policy, patch);
    this.changed(true);
  }

  deletePolicy(id: string): void {
    const index = this.state.policies.findIndex((p) => p.id === id);
    if (index < 0) throw notFound(id);
    this.state.policies.splice(index, 1);
    for (const links of [this.state.applicationLinks, this.state.servicePrincipalLinks]) {
      for (const [objectId, policyId] of Object.entries(links))
        if (policyId === id) delete links[objectId];
    }
    this.changed(true);
  }

  /** Entra keeps one organization default; the dashboard must unset the old one first. */
  private assertNoOtherDefault(id: string): void {
    const other = otherOrganizationDefault(this.state.policies, id);
    if (other) {
      throw new DirectoryError(
        400,
        'Request_BadRequest',
        `Another token lifetime policy ('${other.displayName}', ${other.id}) is already the organization default. Set its isOrganizationDefault to false first.`,
      );
    }
  }

  // ---- applications and service principals (delta queries see these changes) ----
  /** A change made "elsewhere" (Entra admin center, PowerShell): only displayName here. */
  renameObject(type: ObjectType, id: string, displayName: string): void {
    const object = this.getObject(type, id);
    if (!object) throw notFound(id);
    object.displayName = displayName;
    this.changes.record(type, id);
    this.changed(true);
  }

  /** Deleted (to deleted items, as Entra does): its link goes with it. */
  deleteObject(type: ObjectType, id: string): void {
    const object = this.getObject(type, id);
    if (!object) throw notFound(id);
    if (type === 'application') {
      this.state.applications = this.state.applications.filter((a) => a.id !== id);
      this.applicationsById.delete(id);
      this.applicationsByAppId.delete(object.appId);
      delete this.state.applicationLinks[id];
    } else {
      this.state.servicePrincipals = this.state.servicePrincipals.filter((s) => s.id !== id);
      this.servicePrincipalsById.delete(id);
      this.servicePrincipalsByAppId.delete(object.appId);
      for (const [name, sp] of this.servicePrincipalsByName)
        if (sp.id === id) this.servicePrincipalsByName.delete(name);
      delete this.state.servicePrincipalLinks[id];
    }
    this.changes.record(type, id, true);
    this.changed(true);
  }

  // ---- links ----
  link(type: ObjectType, objectId: string, policyId: string): void {
    if (!this.getObject(type, objectId)) throw notFound(objectId);
    if (!this.getPolicy(policyId)) throw notFound(policyId);
    const links =
      type === 'application' ? this.state.applicationLinks : this.state.servicePrincipalLinks;
    if (!canTakeAnotherLink(links[objectId])) {
      throw new DirectoryError(
        400,
        'Request_MultipleObjectsWithSameKeyValue',
        'Another object with the same value for property tokenLifetimePolicies already exists.',
      );
    }
    links[objectId] = policyId;
    this.changed();
  }

  unlink(type: ObjectType, objectId: string, policyId: string): void {
    if (!this.getObject(type, objectId)) throw notFound(objectId);
    const links =
      type === 'application' ? this.state.applicationLinks : this.state.servicePrincipalLinks;
    if (links[objectId] !== policyId) throw notFound(policyId);
    delete links[objectId];
    this.changed();
  }

  // ---- tokens (ResourceDirectory) ----
  findResource(resource: string) {
    const key = resource.toLowerCase().replace(/\/+$/, '');
    const sp = this.servicePrincipalsByAppId.get(key) ?? this.servicePrincipalsByName.get(key);
    if (!sp) return undefined;
    const audience = sp.appId === GRAPH_APP_ID ? GRAPH_RESOURCE : sp.appId;
    // v2.0 only when the resource's own app registration asks for it; Microsoft's APIs issue v1.0.
    const version = this.applicationsByAppId.get(sp.appId)?.api?.requestedAccessTokenVersion;
    const accessTokenVersion: 1 | 2 = version === 2 ? 2 : 1;
    return { appId: sp.appId, audience, displayName: sp.displayName, accessTokenVersion };
  }

  targetFor(appId: string): DirectoryTarget | undefined {
    const application = this.applicationsByAppId.get(appId);
    const servicePrincipal = this.servicePrincipalsByAppId.get(appId);
    if (!application && !servicePrincipal) return undefined;
    return {
      appId,
      displayName: (servicePrincipal ?? application)!.displayName,
      application,
      servicePrincipal,
      applicationPolicyId: application ? this.state.applicationLinks[application.id] : undefined,
      servicePrincipalPolicyId: servicePrincipal
        ? this.state.servicePrincipalLinks[servicePrincipal.id]
        : undefined,
    };
  }

  accessTokenLifetimeSeconds(resourceAppId: string): number {
    const target = this.targetFor(resourceAppId);
    this.policyContext ??= buildPolicyContext(this.state.policies);
    if (!target) return randomBuiltInAccessTokenLifetimeSeconds(this.random);
    return issuedAccessTokenLifetimeSeconds(
      resolveEffectiveLifetime(target, this.policyContext),
      this.random,
    );
  }
}

/** The access collections a loaded state already holds (they win over the derived ones). */
function definedAccess(state: DirectoryState): Partial<AccessState> {
  const defined: Partial<AccessState> = {};
  if (state.appRoleAssignments) defined.appRoleAssignments = state.appRoleAssignments;
  if (state.oauth2PermissionGrants) defined.oauth2PermissionGrants = state.oauth2PermissionGrants;
  if (state.conditionalAccessPolicies)
    defined.conditionalAccessPolicies = state.conditionalAccessPolicies;
  return defined;
}

function notFound(id: string): DirectoryError {
  return new DirectoryError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}
