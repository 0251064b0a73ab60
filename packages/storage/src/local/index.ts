export { type S3Local, startS3Local } from './s3-local';
