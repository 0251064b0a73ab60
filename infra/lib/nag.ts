import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The id of cdk-nag's IAM5 finding for one wildcard resource. cdk-nag names the resource by flattening its
 * CloudFormation expression (`<Logical.Arn>` for an attribute, the export name for an import), so an
 * acknowledgement made with this id accepts that one grant and nothing else.
 * @example wildcardResourceFinding(role, `${fn.functionArn}:*`) // 'AwsSolutions-IAM5[Resource::<Fn1234.Arn>:*]'
 */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flatten(Stack.of(scope).resolve(resource))}]`;
}

function flatten(expression: unknown): string {
  if (typeof expression === 'string') return expression;
  const entries = typeof expression === 'object' && expression !== null ? Object.entries(expression) : [];
  const [intrinsic, argument] = entries.length === 1 ? (entries[0] as [string, unknown]) : [];
  switch (intrinsic) {
    case 'Fn::Join': {
      const [delimiter, parts] = argument as [string, unknown[]];
      return parts.map(flatten).join(delimiter);
    }
    case 'Fn::GetAtt':
      return `<${(argument as unknown[]).map(flatten).join('.')}>`;
    case 'Fn::ImportValue':
      return flatten(argument);
    case 'Ref':
      return `<${flatten(argument)}>`;
    default:
      throw new Error(`${JSON.stringify(expression)} is not an expression cdk-nag names in its findings`);
  }
}
