import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CfnElement, Validations } from 'aws-cdk-lib';
import { VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SynthesizedApp, synthesizeApp } from './synth';

let synth: SynthesizedApp;

beforeAll(() => {
  // Synthesis itself fails on any unacknowledged cdk-nag error.
  synth = synthesizeApp();
});

/** Every `Validations.of(x).acknowledge()` in the app, with where it was made. */
function acknowledgements(root: IConstruct): Array<{ path: string; id: string; reason: unknown }> {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, unknown>))
      .map(([id, reason]) => ({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason })),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged error or warning', () => {
    const report = new AwsSolutionsChecks().validateScope(synth.app);
    const findings = report.violations
      .filter((violation) => violation.severity === 'error' || violation.severity === 'warning')
      .map((violation) => ({
        rule: violation.ruleName,
        resources: violation.violatingResources.map((resource) => resource.constructPath),
      }));
    expect(findings).toEqual([]);
  });

  it('leaves nothing in the validation report the CLI prints', () => {
    const report = JSON.parse(
      readFileSync(join(synth.assembly.directory, VALIDATION_REPORT_FILE), 'utf8'),
    ) as {
      pluginReports: Array<{ pluginName: string; violations: unknown[] }>;
    };
    expect(report.pluginReports.flatMap((plugin) => plugin.violations)).toEqual([]);
  });

  it('gives every acknowledgement a reason', () => {
    const acknowledged = acknowledgements(synth.app);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { path, id, reason } of acknowledged) {
      expect(id, path).toMatch(/^AwsSolutions-/);
      expect(typeof reason === 'string' ? reason.trim().length : 0, `${path} ${id}`).toBeGreaterThanOrEqual(
        40,
      );
    }
  });

  it('acknowledges only the reviewed rules', () => {
    const reminders = synth.jobs.getLogicalId(synth.jobs.reminders.node.defaultChild as CfnElement);
    const site = synth.web.getLogicalId(synth.web.bucket.node.defaultChild as CfnElement);
    expect(new Set(acknowledgements(synth.app).map(({ id }) => id))).toEqual(
      new Set([
        'AwsSolutions-COG2',
        'AwsSolutions-COG8',
        'AwsSolutions-APIG4',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::AntoanData-EvidenceBucketArn/enterprises/*]',
        'AwsSolutions-IAM5[Resource::AntoanData-EvidenceBucketArn/quarantine/*]',
        'AwsSolutions-IAM5[Resource::AntoanData-EvidenceBucketArn/verified/*]',
        `AwsSolutions-IAM5[Resource::<${reminders}.Arn>:*]`,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'AwsSolutions-L1',
        'AwsSolutions-SQS3',
        // The page-cursor key: not rotated (cursors live 24 hours; api-stack.ts says why).
        'AwsSolutions-SMG4',
        // The web stack: CloudFront without geo restriction, WAF or (without a custom domain) a TLS policy,
        // and the grants of CDK's BucketDeployment handler.
        'AwsSolutions-CFR1',
        'AwsSolutions-CFR2',
        'AwsSolutions-CFR4',
        'AwsSolutions-IAM5[Action::s3:GetObject*]',
        'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        'AwsSolutions-IAM5[Action::s3:List*]',
        'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        'AwsSolutions-IAM5[Action::s3:Abort*]',
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        `AwsSolutions-IAM5[Resource::<${site}.Arn>/*]`,
      ]),
    );
  });

  it('accepts the evidence prefix wildcards on the evidence functions only', () => {
    const prefixGrants = acknowledgements(synth.app)
      .filter(({ id }) => id.includes('AntoanData-EvidenceBucketArn/'))
      .map(({ path }) => path);
    expect([...new Set(prefixGrants)].sort()).toEqual([
      'AntoanApi/Functions/confirmationsRole',
      'AntoanApi/Functions/evidenceRole',
      // Inspection photos are uploaded and verified like evidence, in a function of their own.
      'AntoanApi/Functions/inspection-photosRole',
      'AntoanJobs/EvidenceVerifyRole',
    ]);
  });
});
