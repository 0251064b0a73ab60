import { projectionOf, tableDefinition } from '@antoan/db';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  type IBucket,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { evidenceKeyPrefixes } from './evidence-keys';

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

export interface DataStackProps extends StackProps {
  /** The web app's origin (`https://host[:port]`): the only origin browsers may upload evidence from or fetch it to. */
  readonly webOrigin: string;
}

/** The data that outlives every deployment: the single table and the evidence bucket. Both are retained. */
export class DataStack extends Stack {
  readonly table: Table;
  readonly evidenceBucket: Bucket;
  /** The evidence bucket's ARN and name as other stacks import them, under stable export names. */
  readonly evidenceBucketExports: { readonly bucketArn: string; readonly bucketName: string };

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    this.table = new Table(this, 'Table', {
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      // As the local bootstrap creates them (packages/db ensureTable).
      const projection = projectionOf(index);
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        ...(projection.type === 'ALL'
          ? { projectionType: ProjectionType.ALL }
          : { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: projection.attributes }),
      });
    }

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Server access log delivery supports SSE-S3 only.
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.evidenceBucket = new Bucket(this, 'Evidence', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      // aws-cdk-lib's Bucket misses its own IBucket under exactOptionalPropertyTypes (isWebsite?: boolean).
      serverAccessLogsBucket: accessLogs as IBucket,
      serverAccessLogsPrefix: 'evidence/',
      // Browsers post the presigned upload form and fetch presigned downloads straight from S3.
      cors: [
        {
          allowedOrigins: [props.webOrigin],
          allowedMethods: [HttpMethods.POST, HttpMethods.GET],
          maxAge: 3600,
        },
      ],
      // Object Lock is not used: it can only govern verified files if the store sets retention per object
      // after verification, and a bucket-wide default would also lock pending and rejected uploads.
      lifecycleRules: [
        { id: 'abort-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          id: 'evidence',
          prefix: evidenceKeyPrefixes.evidence,
          // Proof is read around upload and submission, then rarely until an inspection.
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }],
          // Deleted or overwritten files (rejected uploads, a replaced verified file) stay recoverable a year.
          noncurrentVersionExpiration: Duration.days(365),
          expiredObjectDeleteMarker: true,
        },
        {
          id: 'verified',
          prefix: evidenceKeyPrefixes.verified,
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }],
          noncurrentVersionExpiration: Duration.days(365),
          expiredObjectDeleteMarker: true,
        },
        {
          id: 'quarantine',
          prefix: evidenceKeyPrefixes.quarantine,
          // Kept a month for investigation, then gone with its versions.
          expiration: Duration.days(30),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'EvidenceBucketName', { value: this.evidenceBucket.bucketName });
    this.evidenceBucketExports = {
      bucketArn: this.exportValue(this.evidenceBucket.bucketArn, {
        name: `${this.stackName}-EvidenceBucketArn`,
      }),
      bucketName: this.exportValue(this.evidenceBucket.bucketName, {
        name: `${this.stackName}-EvidenceBucketName`,
      }),
    };
  }
}
