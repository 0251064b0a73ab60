import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ResourceGroup, resourceGroups, routesOf } from '@antoan/api';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryMetadataKey } from '../lib/antoan-function';
import { publicRoutes, routeKey } from '../lib/api-stack';
import { functionEntry, repoRoot } from '../lib/paths';
import { synthesizeApp } from './synth';

interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

const groups = Object.keys(resourceGroups) as ResourceGroup[];
const appRoutes = groups.flatMap((group) =>
  routesOf(group).map((route) => ({ group, key: routeKey(route) })),
);

/** A CDK route as deployed: its key, its authorization, and the entry file of the function it invokes. */
interface DeployedRoute {
  key: string;
  authorizationType: unknown;
  authorizerId: unknown;
  entry: unknown;
}
let deployed: DeployedRoute[];
let jwtAuthorizerId: string | undefined;

beforeAll(() => {
  const { api } = synthesizeApp();
  const resources: Record<string, CfnResource> = Template.fromStack(api).toJSON().Resources;
  const resource = (id: string, type: string): CfnResource => {
    const found = resources[id];
    if (found?.Type !== type) throw new Error(`${id} is not a ${type}`);
    return found;
  };
  jwtAuthorizerId = Object.keys(resources).find(
    (id) => resources[id]?.Type === 'AWS::ApiGatewayV2::Authorizer',
  );
  deployed = Object.values(resources)
    .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
    .map((route) => {
      // Target: integrations/<Integration>; IntegrationUri: the function's ARN.
      const target = route.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
      const integration = resource(target['Fn::Join'][1][1].Ref, 'AWS::ApiGatewayV2::Integration');
      const uri = integration.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] };
      const fn = resource(uri['Fn::GetAtt'][0], 'AWS::Lambda::Function');
      return {
        key: String(route.Properties.RouteKey),
        authorizationType: route.Properties.AuthorizationType,
        authorizerId: route.Properties.AuthorizerId,
        entry: fn.Metadata?.[entryMetadataKey],
      };
    });
});

describe('routes', () => {
  it.each(groups)('every group has its entry file: %s', (group) => {
    expect(existsSync(join(repoRoot, functionEntry(group)))).toBe(true);
  });

  it.each(appRoutes)('$key is deployed to the $group function', ({ group, key }) => {
    expect(deployed.filter((route) => route.key === key)).toEqual([
      expect.objectContaining({ key, entry: functionEntry(group) }),
    ]);
  });

  it('deploys no route the target function does not serve', () => {
    const served = new Set(appRoutes.map(({ group, key }) => `${functionEntry(group)} ${key}`));
    const unserved = deployed.filter((route) => !served.has(`${String(route.entry)} ${route.key}`));
    expect(unserved).toEqual([]);
  });

  it('opens only the public routes, and guards every other route with the JWT authorizer', () => {
    expect(jwtAuthorizerId).toBeDefined();
    for (const route of deployed) {
      const expected = publicRoutes.has(route.key)
        ? { authorizationType: 'NONE', authorizerId: undefined }
        : { authorizationType: 'JWT', authorizerId: { Ref: jwtAuthorizerId } };
      expect({ key: route.key, ...expected }).toEqual({
        key: route.key,
        authorizationType: route.authorizationType,
        authorizerId: route.authorizerId,
      });
    }
    expect(deployed.find((route) => route.key === 'GET /v1/health')?.authorizationType).toBe('NONE');
  });
});
