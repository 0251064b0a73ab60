import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoDirectory } from './cognito-directory';
import type { UserDirectory } from './user-directory';

/** The user pool's users through Cognito's admin API; only the users function carries this client. */
export const cognitoUsers = (userPoolId: string): UserDirectory =>
  createCognitoDirectory({ client: new CognitoIdentityProviderClient({}), userPoolId });
