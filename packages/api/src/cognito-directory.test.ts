import { InvalidCursorError } from '@antoan/db';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCognitoDirectory } from './cognito-directory';

// aws-sdk-client-mock stands in for Cognito only to check the request shapes and the fault mapping.
const cognito = mockClient(CognitoIdentityProviderClient);
const directory = createCognitoDirectory({
  client: new CognitoIdentityProviderClient({ region: 'ap-southeast-1' }),
  userPoolId: 'pool-1',
});
const fault = (name: string) => Object.assign(new Error(name), { name });
const cognitoUser = (username: string, attributes: Record<string, string>): UserType => ({
  Username: username,
  Enabled: true,
  UserCreateDate: new Date('2026-11-30T01:00:00.000Z'),
  Attributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
});

beforeEach(() => cognito.reset());

describe('the Cognito user directory', () => {
  it('invites with the e-mail as username, the claims as attributes, then puts the user in the role’s group', async () => {
    cognito.on(AdminCreateUserCommand).resolves({
      User: cognitoUser('9f1c-uuid', { email: 'an@firm.vn', 'custom:enterprise_id': 'ent-1' }),
    });
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    const created = await directory.createUser({
      email: ' An@Firm.vn ',
      role: 'enterprise',
      enterpriseId: 'ent-1',
    });
    expect(created).toEqual({
      ok: true,
      value: {
        id: '9f1c-uuid',
        email: 'an@firm.vn',
        role: 'enterprise',
        enterpriseId: 'ent-1',
        zoneIds: [],
        enabled: true,
        createdAt: '2026-11-30T01:00:00.000Z',
      },
    });
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'pool-1',
      Username: 'an@firm.vn',
      UserAttributes: [
        { Name: 'email', Value: 'an@firm.vn' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:enterprise_id', Value: 'ent-1' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'pool-1',
      Username: '9f1c-uuid',
      GroupName: 'enterprise',
    });
  });

  it('writes a zone manager’s zones comma-separated', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: cognitoUser('u2', { email: 'zm@kcn.vn' }) });
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    await directory.createUser({ email: 'zm@kcn.vn', role: 'zone_manager', zoneIds: ['zone-a', 'zone-b'] });
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input.UserAttributes).toContainEqual({
      Name: 'custom:zone_ids',
      Value: 'zone-a,zone-b',
    });
  });

  it('reports a taken e-mail as email_taken', async () => {
    cognito.on(AdminCreateUserCommand).rejects(fault('UsernameExistsException'));
    expect(await directory.createUser({ email: 'an@firm.vn', role: 'inspector' })).toEqual({
      ok: false,
      error: 'email_taken',
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it('takes the invitation back when the user cannot be put in the group', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: cognitoUser('u3', { email: 'x@y.vn' }) });
    cognito.on(AdminAddUserToGroupCommand).rejects(fault('ResourceNotFoundException'));
    cognito.on(AdminDeleteUserCommand).resolves({});
    await expect(directory.createUser({ email: 'x@y.vn', role: 'inspector' })).rejects.toThrow(
      'ResourceNotFoundException',
    );
    expect(cognito.commandCalls(AdminDeleteUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'pool-1',
      Username: 'u3',
    });
  });

  it('turns throttling into a 503 the client may retry', async () => {
    cognito.on(AdminCreateUserCommand).rejects(fault('TooManyRequestsException'));
    await expect(directory.createUser({ email: 'x@y.vn', role: 'inspector' })).rejects.toMatchObject({
      status: 503,
    });
  });

  it('reads a user with the role of their group, and null for an unknown one', async () => {
    cognito.on(AdminGetUserCommand, { Username: 'u1' }).resolves({
      Username: 'u1',
      Enabled: false,
      UserCreateDate: new Date('2026-11-30T01:00:00.000Z'),
      UserAttributes: [
        { Name: 'email', Value: 'zm@kcn.vn' },
        { Name: 'custom:zone_ids', Value: 'zone-a,zone-b' },
      ],
    });
    cognito.on(AdminGetUserCommand, { Username: 'nobody' }).rejects(fault('UserNotFoundException'));
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'zone_manager' }] });
    expect(await directory.getUser('u1')).toEqual({
      id: 'u1',
      email: 'zm@kcn.vn',
      role: 'zone_manager',
      zoneIds: ['zone-a', 'zone-b'],
      enabled: false,
      createdAt: '2026-11-30T01:00:00.000Z',
    });
    expect(await directory.getUser('nobody')).toBeNull();
  });

  it('lists group by group, filters, and resumes from its cursor without losing or repeating anyone', async () => {
    const firmUsers = Array.from({ length: 5 }, (_, i) =>
      cognitoUser(`e${i}`, { email: `e${i}@f.vn`, 'custom:enterprise_id': i % 2 === 0 ? 'ent-1' : 'ent-2' }),
    );
    cognito
      .on(ListUsersInGroupCommand, { GroupName: 'enterprise', NextToken: undefined })
      .resolves({ Users: firmUsers.slice(0, 3), NextToken: 'page-2' });
    cognito
      .on(ListUsersInGroupCommand, { GroupName: 'enterprise', NextToken: 'page-2' })
      .resolves({ Users: firmUsers.slice(3) });
    const query = {
      role: 'enterprise' as const,
      match: (u: { enterpriseId?: string }) => u.enterpriseId === 'ent-1',
      limit: 2,
    };
    const first = await directory.listUsers(query);
    expect(first.items.map((u) => u.id)).toEqual(['e0', 'e2']);
    const second = await directory.listUsers({ ...query, cursor: first.nextCursor ?? undefined });
    expect(second).toEqual({ items: [expect.objectContaining({ id: 'e4' })], nextCursor: null });
    expect(cognito.commandCalls(ListUsersInGroupCommand)[0]?.args[0].input).toMatchObject({
      UserPoolId: 'pool-1',
      GroupName: 'enterprise',
    });
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(
      directory.listUsers({ match: () => true, limit: 5, cursor: 'bm90LWpzb24' }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('disables through AdminDisableUser', async () => {
    cognito.on(AdminDisableUserCommand).resolves({});
    await directory.disableUser('u1');
    expect(cognito.commandCalls(AdminDisableUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'pool-1',
      Username: 'u1',
    });
  });
});
