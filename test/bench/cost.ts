import { verifyUploadedObject } from '@antoan/api';
import { postThroughForm, samplePdf, sha256Hex } from '@antoan/storage/local';
import { type Bench, expectStatus, officerOf, registerFirm } from './harness';
import { emptyMeter, type Meter } from './meter';

/** On-demand prices (issue 13): DynamoDB, Lambda (arm64, 512 MB as AntoanFunction sets it), HTTP API, S3. */
export const PRICES = {
  wru: 0.625 / 1e6,
  rru: 0.125 / 1e6,
  lambdaRequest: 0.2 / 1e6,
  lambdaGbSecond: 0.0000133334,
  lambdaMemoryGb: 0.5,
  /** Lambda's billed time per AWS call it waits on (an in-region DynamoDB or S3 round trip). */
  awsCallMs: 5,
  httpApiRequest: 1.0 / 1e6,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
};

/** Evidence files uploaded per self-assessment. */
const FILES = 3;

/** The commands of one self-assessment, as the breakdown names them. */
export const STEPS = ['create', 'request upload', 'confirm', 'S3-event verify', 'save', 'submit'] as const;
export type Step = (typeof STEPS)[number];

/** Everything one self-assessment cost, counted. */
export interface AssessmentCost {
  answersPerSave: number;
  items: number;
  saves: number;
  apiRequests: number;
  lambdaInvocations: number;
  lambdaMs: number;
  meter: Meter;
  /** WRU of each autosave (PATCH), as DynamoDB reported them. */
  wruPerSave: number[];
  /** What each kind of step cost, one meter per run, in the order they ran. */
  steps: Record<Step, Meter[]>;
  dollarsPer1000: number;
  parts: Record<string, number>;
  /** What the prices allow at best for this many requests and saves (see `floorOf`). */
  floor: Floor;
}

/** The least one self-assessment can cost at these prices with the requests it makes, per 1,000 assessments. */
export interface Floor {
  dollarsPer1000: number;
  /** The floor's terms, per 1,000 assessments. */
  parts: { httpApi: number; lambdaRequests: number; saveWrites: number; uploads: number };
}

/**
 * The floor: every HTTP API request and Lambda invocation the flow makes (as counted), one WRU per save (the least a
 * write costs) and one S3 PUT per evidence file (the browser's upload itself); no reads, no Lambda time, no other
 * write. Whatever the code does, a self-assessment saved this way cannot cost less.
 */
export function floorOf(
  cost: Pick<AssessmentCost, 'apiRequests' | 'lambdaInvocations' | 'saves'>,
  files: number,
): Floor {
  const parts = {
    httpApi: cost.apiRequests * PRICES.httpApiRequest * 1000,
    lambdaRequests: cost.lambdaInvocations * PRICES.lambdaRequest * 1000,
    saveWrites: cost.saves * PRICES.wru * 1000,
    uploads: files * PRICES.s3Put * 1000,
  };
  return { dollarsPer1000: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}

const add = (total: Meter, part: Meter) => {
  total.calls += part.calls;
  total.rru += part.rru;
  total.wru += part.wru;
  total.wruReportedByLocal += part.wruReportedByLocal;
  for (const [kind, wru] of Object.entries(part.wruByItem))
    total.wruByItem[kind] = (total.wruByItem[kind] ?? 0) + wru;
  total.itemsRead += part.itemsRead;
  total.s3Put += part.s3Put;
  total.s3Get += part.s3Get;
  total.s3Calls += part.s3Calls;
};

/**
 * One firm's self-assessment through the API as the web app makes it: create the draft, upload and confirm three
 * evidence files (browser POST to S3, the S3 event's verification run after the confirm), save the answers
 * `answersPerSave` at a time with If-Match, submit. Every call is metered.
 */
export async function assessmentCost(
  bench: Bench,
  firmIndex: number,
  answersPerSave: number,
): Promise<AssessmentCost> {
  const eid = await registerFirm(bench, 'zone-cost', firmIndex);
  const as = officerOf(eid);
  const total = emptyMeter();
  let apiRequests = 0;
  let lambdaInvocations = 0;
  let lambdaMs = 0;
  const wruPerSave: number[] = [];
  const steps = Object.fromEntries(STEPS.map((step) => [step, [] as Meter[]])) as Record<Step, Meter[]>;
  /** One Lambda invocation: metered, timed (billed per started millisecond). */
  const invoke = async <T>(
    step: Step,
    work: () => Promise<T>,
    api = true,
  ): Promise<{ value: T; meter: Meter }> => {
    const run = await bench.measure(work);
    add(total, run.meter);
    steps[step].push(run.meter);
    if (api) apiRequests++;
    lambdaInvocations++;
    // Billed time as it would be on Lambda: our own CPU time, plus a round trip for each AWS call it waited on
    // (DynamoDB Local and the local S3 server on a shared machine are far slower than the real services).
    lambdaMs += Math.ceil(run.cpuMs + PRICES.awsCallMs * (run.meter.calls + run.meter.s3Calls));
    return run;
  };

  const draft = (
    await invoke('create', async () =>
      expectStatus<{ id: string; applicableItemIds: string[] }>(
        await bench.call('POST', `/v1/enterprises/${eid}/assessments`, as, {
          templateId: 'osh-self-inspection',
          period: '2026-H2',
        }),
        201,
        'create draft',
      ),
    )
  ).value;

  for (let file = 0; file < FILES; file++) {
    const bytes = samplePdf(2000 + file);
    const requested = (
      await invoke('request upload', async () =>
        expectStatus<{ id: string; upload: Parameters<typeof postThroughForm>[0] }>(
          await bench.call('POST', `/v1/enterprises/${eid}/evidence`, as, {
            kind: 'training_certificate',
            fileName: `cert-${file}.pdf`,
            contentType: 'application/pdf',
            size: bytes.length,
            sha256: sha256Hex(bytes),
            issuedOn: '2026-01-10',
            expiresOn: '2028-01-10',
            trainingGroup: 3,
          }),
          201,
          'request upload',
        ),
      )
    ).value;
    // The browser's form POST to S3: one PUT-class request.
    if ((await postThroughForm(requested.upload, bytes, `cert-${file}.pdf`)) >= 300)
      throw new Error('upload refused');
    total.s3Put++;
    await invoke('confirm', async () =>
      expectStatus(
        await bench.call('POST', `/v1/enterprises/${eid}/evidence/${requested.id}/confirm`, as),
        200,
        'confirm',
      ),
    );
    // S3's ObjectCreated event reaches the evidence-verify function after the confirm.
    await invoke(
      'S3-event verify',
      () => verifyUploadedObject(bench.deps, requested.upload.fields.key as string),
      false,
    );
  }

  const items = draft.applicableItemIds;
  let version = 1;
  let saves = 0;
  for (let start = 0; start < items.length; start += answersPerSave) {
    // The same answers in both scenarios, by the item's place in the checklist (not in the save): one firm's
    // self-assessment saved in different steps, so its gaps, actions and score are the same.
    const answers = Object.fromEntries(
      items.slice(start, start + answersPerSave).map((itemId, i) => [
        itemId,
        {
          value: (start + i) % 7 === 0 ? 'partial' : 'compliant',
          ...((start + i) % 5 === 0 ? { note: 'Đã kiểm tra tại xưởng' } : {}),
        },
      ]),
    );
    const run = await invoke('save', async () =>
      expectStatus(
        await bench.call(
          'PATCH',
          `/v1/enterprises/${eid}/assessments/${draft.id}`,
          as,
          { answers },
          {
            'If-Match': `"${version}"`,
          },
        ),
        200,
        'save answers',
      ),
    );
    wruPerSave.push(run.meter.wru);
    version++;
    saves++;
  }
  await invoke('submit', async () =>
    expectStatus(
      await bench.call('POST', `/v1/enterprises/${eid}/assessments/${draft.id}/submit`, as),
      200,
      'submit',
    ),
  );

  const parts = {
    dynamoWrites: total.wru * PRICES.wru,
    dynamoReads: total.rru * PRICES.rru,
    lambda:
      lambdaInvocations * PRICES.lambdaRequest +
      (lambdaMs / 1000) * PRICES.lambdaMemoryGb * PRICES.lambdaGbSecond,
    httpApi: apiRequests * PRICES.httpApiRequest,
    s3: total.s3Put * PRICES.s3Put + total.s3Get * PRICES.s3Get,
  };
  const dollars = Object.values(parts).reduce((a, b) => a + b, 0);
  return {
    answersPerSave,
    items: items.length,
    saves,
    apiRequests,
    lambdaInvocations,
    lambdaMs,
    meter: total,
    wruPerSave,
    steps,
    dollarsPer1000: dollars * 1000,
    parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v * 1000])),
    floor: floorOf({ apiRequests, lambdaInvocations, saves }, FILES),
  };
}

export function formatCost(cost: AssessmentCost): string[] {
  const money = (n: number) => `$${n.toFixed(4)}`;
  const maxSave = Math.max(...cost.wruPerSave);
  return [
    `${cost.answersPerSave} answer(s)/save: ${cost.items} items, ${cost.saves} saves, ${cost.apiRequests} API requests, ${cost.lambdaInvocations} Lambda runs (${cost.lambdaMs} ms), WRU ${cost.meter.wru.toFixed(1)}, RRU ${cost.meter.rru.toFixed(1)}, S3 PUT ${cost.meter.s3Put}, GET ${cost.meter.s3Get}`,
    `   WRU per autosave: max ${maxSave.toFixed(1)}, mean ${(cost.wruPerSave.reduce((a, b) => a + b, 0) / cost.wruPerSave.length).toFixed(2)}`,
    `   per 1,000 self-assessments: ${money(cost.dollarsPer1000)}  (${Object.entries(cost.parts)
      .map(([k, v]) => `${k} ${money(v)}`)
      .join(', ')})`,
    `   floor at these prices: ${money(cost.floor.dollarsPer1000)}  (${Object.entries(cost.floor.parts)
      .map(([k, v]) => `${k} ${money(v)}`)
      .join(', ')})`,
  ];
}

/** The breakdown printed under the P4 table: per step, its runs and their WRU, RRU, calls and items read. */
export function formatSteps(cost: AssessmentCost): string[] {
  const figure = (runs: Meter[], of: (m: Meter) => number) => {
    const values = runs.map(of);
    const sum = values.reduce((a, b) => a + b, 0);
    return runs.length === 1
      ? String(+sum.toFixed(1))
      : `${+sum.toFixed(1)} (mean ${(sum / runs.length).toFixed(2)}, max ${+Math.max(...values).toFixed(1)})`;
  };
  return [
    `${cost.answersPerSave} answer(s)/save, by step (sum, and mean and max per run where a step runs more than once):`,
    ...STEPS.map((step) => {
      const runs = cost.steps[step];
      const commands: Record<string, number> = {};
      for (const run of runs)
        for (const [name, n] of Object.entries(run.byCommand))
          commands[name.replace(/Command$/, '')] = (commands[name.replace(/Command$/, '')] ?? 0) + n;
      const byItem: Record<string, number> = {};
      for (const run of runs)
        for (const [kind, wru] of Object.entries(run.wruByItem)) byItem[kind] = (byItem[kind] ?? 0) + wru;
      const written = Object.entries(byItem)
        .sort(([, a], [, b]) => b - a)
        .map(([kind, wru]) => `${kind} ${wru}`)
        .join(', ');
      return `   ${step.padEnd(16)} ×${String(runs.length).padEnd(3)} WRU ${figure(runs, (m) => m.wru)}; RRU ${figure(runs, (m) => m.rru)}; calls ${figure(runs, (m) => m.calls + m.s3Calls)}; items read ${figure(runs, (m) => m.itemsRead)}  [${Object.entries(
        commands,
      )
        .map(([name, n]) => `${name} ${n}`)
        .join(', ')}]${written ? `\n${' '.repeat(24)}WRU by item written: ${written}` : ''}`;
    }),
  ];
}
