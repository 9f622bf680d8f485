// The shapes of the Graph types the demo tenant answers with, read from Microsoft's own published
// definitions as installed from npm (no network in CI):
//   - @microsoft/microsoft-graph-types: Microsoft's TypeScript types generated from the v1.0
//     metadata ($metadata, CSDL). Parsed here with the TypeScript compiler API.
//   - @microsoft/microsoft-graph-client: the SDK's BatchResponseBody (the $batch envelope).
// Cross-checked by hand against microsoftgraph/msgraph-metadata, clean_v10_metadata/cleanMetadata.xml
// at commit f54f11b60956ea7b185ca0447b2b80805836ec7b (2026-08-20): entity.id Edm.String
// Nullable=false; directoryObject.deletedDateTime; policyBase.description/displayName; stsPolicy
// .definition Collection(Edm.String) Nullable=false, .isOrganizationDefault Edm.Boolean, appliesTo
// (navigation); tokenLifetimePolicy adds nothing; application/servicePrincipal fields used by the
// dashboard (appId, displayName, signInAudience, createdDateTime, identifierUris, tags,
// servicePrincipalType, appOwnerOrganizationId, accountEnabled, servicePrincipalNames) all present.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

export type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any';

export interface PropertySchema {
  type: JsonType;
  nullable: boolean;
  /** For arrays: the items. */
  items?: PropertySchema;
  /** For objects: the Graph type it names (e.g. "ApiApplication"). */
  typeName?: string;
}

export interface TypeSchema {
  name: string;
  /** Own and inherited properties. */
  properties: Record<string, PropertySchema>;
}

export interface GraphSchemas {
  /** e.g. "@microsoft/microsoft-graph-types@2.43.1" */
  source: string;
  types: Record<string, TypeSchema>;
  /** Top-level members of the SDK's BatchResponseBody. */
  batchResponseMembers: string[];
  batchSource: string;
}

const require = createRequire(import.meta.url);

function packageFile(name: string, file: string): { text: string; version: string } {
  const root = dirname(require.resolve(`${name}/package.json`));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { text: readFileSync(join(root, file), 'utf8'), version };
}

interface Declarations {
  interfaces: Map<string, ts.InterfaceDeclaration>;
  aliases: Map<string, ts.TypeAliasDeclaration>;
}

function declarationsOf(source: ts.SourceFile): Declarations {
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeAliasDeclaration>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
    else if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement);
  }
  return { interfaces, aliases };
}

function schemaOf(node: ts.TypeNode, decls: Declarations, nullable = false): PropertySchema {
  if (ts.isParenthesizedTypeNode(node)) return schemaOf(node.type, decls, nullable);
  if (ts.isArrayTypeNode(node))
    return { type: 'array', nullable, items: schemaOf(node.elementType, decls) };
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.filter(
      (t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword),
    );
    const withNull = nullable || parts.length < node.types.length;
    // String enums are generated as unions of string literals.
    if (parts.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)))
      return { type: 'string', nullable: withNull };
    if (parts.length === 1) return schemaOf(parts[0], decls, withNull);
    return { type: 'any', nullable: withNull };
  }
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal))
    return { type: 'string', nullable };
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string', nullable };
    case ts.SyntaxKind.NumberKeyword:
      return { type: 'number', nullable };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean', nullable };
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
      return { type: 'any', nullable };
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text;
    if (name === 'NullableOption' && node.typeArguments?.[0])
      return schemaOf(node.typeArguments[0], decls, true);
    const alias = decls.aliases.get(name);
    if (alias) return schemaOf(alias.type, decls, nullable);
    if (decls.interfaces.has(name)) return { type: 'object', nullable, typeName: name };
    return { type: 'any', nullable };
  }
  return { type: 'any', nullable };
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : String(name.kind);
}

function typeSchema(name: string, decls: Declarations): TypeSchema {
  const declaration = decls.interfaces.get(name);
  if (!declaration) throw new Error(`Graph type ${name} not found in the published types.`);
  let properties: Record<string, PropertySchema> = {};
  for (const clause of declaration.heritageClauses ?? []) {
    for (const base of clause.types)
      if (ts.isIdentifier(base.expression))
        properties = { ...typeSchema(base.expression.text, decls).properties, ...properties };
  }
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const key = propertyName(member.name);
    properties[key] = schemaOf(member.type, decls);
  }
  return { name, properties };
}

/** The Graph types the demo tenant's endpoints answer with (GRAPH-CONTRACT.md). */
export const GRAPH_TYPES_USED = [
  'Entity',
  'DirectoryObject',
  'PolicyBase',
  'StsPolicy',
  'TokenLifetimePolicy',
  'Application',
  'ServicePrincipal',
  'PublicErrorResponse',
  'PublicError',
  'PublicErrorDetail',
  'PublicInnerError',
] as const;

let cached: GraphSchemas | undefined;

export function loadGraphSchemas(): GraphSchemas {
  if (cached) return cached;
  const types = packageFile('@microsoft/microsoft-graph-types', 'microsoft-graph.d.ts');
  const source = ts.createSourceFile(
    'microsoft-graph.d.ts',
    types.text,
    ts.ScriptTarget.Latest,
    true,
  );
  const decls = declarationsOf(source);
  const schemas: Record<string, TypeSchema> = {};
  for (const name of GRAPH_TYPES_USED) schemas[name] = typeSchema(name, decls);

  const client = packageFile(
    '@microsoft/microsoft-graph-client',
    'lib/src/content/BatchResponseContent.d.ts',
  );
  const clientSource = ts.createSourceFile(
    'batch.d.ts',
    client.text,
    ts.ScriptTarget.Latest,
    false,
  );
  const batchBody = declarationsOf(clientSource).interfaces.get('BatchResponseBody');
  if (!batchBody)
    throw new Error('BatchResponseBody not found in @microsoft/microsoft-graph-client.');
  const batchResponseMembers = batchBody.members
    .filter(ts.isPropertySignature)
    .map((m) => propertyName(m.name));

  cached = {
    source: `@microsoft/microsoft-graph-types@${types.version}`,
    types: schemas,
    batchResponseMembers,
    batchSource: `@microsoft/microsoft-graph-client@${client.version}`,
  };
  return cached;
}
