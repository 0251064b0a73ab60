import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { type AntoanApp, alarmEmailContextKey, createAntoanApp, webOriginContextKey } from '../lib/app';

/** The web origin the tests deploy for. */
export const testWebOrigin = 'https://app.antoan.test';

/** Where the tests' alarms are e-mailed. */
export const testAlarmEmail = 'ops@antoan.test';

/** The app as the CLI synthesizes it (into a temporary directory), with its cloud assembly. */
export interface SynthesizedApp extends AntoanApp {
  readonly assembly: CloudAssembly;
}

/** Builds and synthesizes the app: bundling happens here, so call it once per test file. */
export function synthesizeApp(): SynthesizedApp {
  const antoan = createAntoanApp({
    context: { [webOriginContextKey]: testWebOrigin, [alarmEmailContextKey]: testAlarmEmail },
  });
  return { ...antoan, assembly: antoan.app.synth() };
}
