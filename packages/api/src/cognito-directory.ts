import { InvalidCursorError } from '@antoan/db';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  type AdminGetUserCommandOutput,
  AdminListGroupsForUserCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { unavailable } from './errors';
import { type Role, roles } from './principal';
import {
  type CreateUserResult,
  type DirectoryQuery,
  type DirectoryUser,
  normalizeEmail,
  type UserDirectory,
} from './user-directory';

/** Cognito answers these when it is busy; the caller may retry (503), nothing was changed. */
const busy = new Set(['TooManyRequestsException', 'LimitExceededException', 'InternalErrorException']);
const taken = new Set(['UsernameExistsException', 'AliasExistsException']);

/** Runs a Cognito call, turning throttling into a 503 and keeping every other fault as it is. */
async function call<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof Error && busy.has(error.name)) throw Object.assign(unavailable(), { cause: error });
    throw error;
  }
}

const attribute = (attributes: AttributeType[] | undefined, name: string) =>
  attributes?.find((entry) => entry.Name === name)?.Value;

/** A Cognito user as a directory user, given the group (role) it was found in. */
function toUser(
  user:
    | UserType
    | { Username?: string; Attributes?: AttributeType[]; Enabled?: boolean; UserCreateDate?: Date },
  role: Role,
): DirectoryUser {
  const attributes = 'Attributes' in user ? user.Attributes : undefined;
  const enterpriseId = attribute(attributes, 'custom:enterprise_id');
  const zoneIds = attribute(attributes, 'custom:zone_ids');
  return {
    id: user.Username ?? '',
    email: attribute(attributes, 'email') ?? '',
    role,
    ...(enterpriseId ? { enterpriseId } : {}),
    zoneIds: zoneIds ? zoneIds.split(',').filter(Boolean) : [],
    enabled: user.Enabled ?? false,
    createdAt: (user.UserCreateDate ?? new Date(0)).toISOString(),
  };
}

/** Where a list stopped: the group being read, Cognito's token for its page, and how many matches were given. */
interface Position {
  group: number;
  token?: string;
  skip: number;
}

const encode = (position: Position) => Buffer.from(JSON.stringify(position)).toString('base64url');
function decode(cursor: string | undefined): Position {
  if (cursor === undefined) return { group: 0, skip: 0 };
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Position;
    if (
      Number.isInteger(position.group) &&
      Number.isInteger(position.skip) &&
      position.skip >= 0 &&
      (position.token === undefined || typeof position.token === 'string')
    )
      return position;
  } catch {}
  throw new InvalidCursorError('cursor is not one this service issued');
}

/**
 * The user directory on AWS: Cognito's admin API on the pool. E-mail is the username (the pool signs in by
 * e-mail), Cognito's generated username (the token's `sub`) is the user id, the role is the one group the user is
 * in, and the firm and zones are the admin-only attributes `custom:enterprise_id` and `custom:zone_ids`.
 */
export function createCognitoDirectory(options: {
  client: CognitoIdentityProviderClient;
  userPoolId: string;
}): UserDirectory {
  const { client, userPoolId: UserPoolId } = options;
  return {
    async createUser(user): Promise<CreateUserResult> {
      const attributes: AttributeType[] = [
        { Name: 'email', Value: normalizeEmail(user.email) },
        { Name: 'email_verified', Value: 'true' },
      ];
      if (user.enterpriseId !== undefined)
        attributes.push({ Name: 'custom:enterprise_id', Value: user.enterpriseId });
      if (user.zoneIds?.length) attributes.push({ Name: 'custom:zone_ids', Value: user.zoneIds.join(',') });
      let created: UserType | undefined;
      try {
        // Cognito e-mails the invitation with a temporary password.
        created = (
          await call(() =>
            client.send(
              new AdminCreateUserCommand({
                UserPoolId,
                Username: normalizeEmail(user.email),
                UserAttributes: attributes,
                DesiredDeliveryMediums: ['EMAIL'],
              }),
            ),
          )
        ).User;
      } catch (error) {
        if (error instanceof Error && taken.has(error.name)) return { ok: false, error: 'email_taken' };
        throw error;
      }
      const Username = created?.Username;
      if (!created || !Username) throw new Error('AdminCreateUser returned no user');
      try {
        await call(() =>
          client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: user.role })),
        );
      } catch (error) {
        // A user without a group would sign in to a 403 everywhere; take the invitation back.
        await client.send(new AdminDeleteUserCommand({ UserPoolId, Username })).catch(() => {});
        throw error;
      }
      return { ok: true, value: toUser(created, user.role) };
    },

    async getUser(id) {
      let found: AdminGetUserCommandOutput;
      try {
        found = await call(() => client.send(new AdminGetUserCommand({ UserPoolId, Username: id })));
      } catch (error) {
        if (error instanceof Error && error.name === 'UserNotFoundException') return null;
        throw error;
      }
      const groups = await call(() =>
        client.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: id, Limit: 10 })),
      );
      const role = roles.find((known) => groups.Groups?.some((group) => group.GroupName === known));
      if (!role) return null;
      return toUser(
        {
          Username: found.Username ?? id,
          Attributes: found.UserAttributes ?? [],
          Enabled: found.Enabled ?? false,
          ...(found.UserCreateDate ? { UserCreateDate: found.UserCreateDate } : {}),
        },
        role,
      );
    },

    // Custom attributes cannot be filtered on by Cognito: read each group page by page and filter here.
    async listUsers(query: DirectoryQuery) {
      const groups = query.role === undefined ? roles : [query.role];
      let position = decode(query.cursor);
      const items: DirectoryUser[] = [];
      while (position.group < groups.length) {
        const group = groups[position.group] as Role;
        const page = await call(() =>
          client.send(
            new ListUsersInGroupCommand({
              UserPoolId,
              GroupName: group,
              Limit: 60,
              ...(position.token ? { NextToken: position.token } : {}),
            }),
          ),
        );
        const matching = (page.Users ?? []).map((user) => toUser(user, group)).filter(query.match);
        const room = query.limit - items.length;
        const rest = matching.slice(position.skip);
        if (rest.length > room) {
          items.push(...rest.slice(0, room));
          return { items, nextCursor: encode({ ...position, skip: position.skip + room }) };
        }
        items.push(...rest);
        position = page.NextToken
          ? { group: position.group, token: page.NextToken, skip: 0 }
          : { group: position.group + 1, skip: 0 };
        if (items.length === query.limit)
          return { items, nextCursor: position.group < groups.length ? encode(position) : null };
      }
      return { items, nextCursor: null };
    },

    async disableUser(id) {
      await call(() => client.send(new AdminDisableUserCommand({ UserPoolId, Username: id })));
    },
  };
}
