// `npm run demo-tenant`: the demo tenant alone, configured from DEMO_* environment variables.
import { StateFileError } from './directory/state-file';
import {
  DEMO_AUTOMATION_CLIENTS,
  DEMO_CERTIFICATE_CLIENT,
  DEMO_CLI_CLIENT_ID,
  DEMO_USERS,
} from './oidc/accounts';
import { demoTenantOptionsFromEnv, startDemoTenant } from './server';

const options = demoTenantOptionsFromEnv();
const tenant = await startDemoTenant(options).catch((error: unknown) => {
  // An unreadable state file is the operator's to move or repair: say so, without a stack trace.
  if (error instanceof StateFileError) {
    console.error(`Demo tenant not started: ${error.message}`);
    process.exit(1);
  }
  throw error;
});
console.log(`Demo tenant (OpenID provider + Microsoft Graph emulator) at ${tenant.url}`);
console.log(
  `  Graph: ${tenant.url}/v1.0   discovery: ${tenant.url}/.well-known/openid-configuration`,
);
console.log(
  `  Entra-shaped (HTTPS): authority ${tenant.httpsUrl}/${tenant.tenantId}   Graph ${tenant.httpsUrl}/v1.0`,
);
console.log(`  its CA (trust it with NODE_EXTRA_CA_CERTS): ${tenant.caPath}`);
for (const user of DEMO_USERS) console.log(`  user   ${user.email} / ${user.password}`);
for (const client of DEMO_AUTOMATION_CLIENTS)
  console.log(`  client ${client.clientId} / ${client.secret}`);
console.log(
  `  client ${DEMO_CERTIFICATE_CLIENT.clientId} / certificate ${tenant.clientCertificatePath}`,
);
console.log(
  `  client ${DEMO_CLI_CLIENT_ID} (device code sign-in at ${tenant.httpsUrl}/devicelogin)`,
);
const controls = [
  options.latencyMs && `latency ${options.latencyMs} ms`,
  options.faultRate && `fault rate ${options.faultRate}`,
  options.size && `size ${options.size}`,
  options.organizationDefault && 'with organization default',
].filter(Boolean);
if (controls.length) console.log(`  controls: ${controls.join(', ')}`);

const stop = () => tenant.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
