import { ensureDataFormat } from '@antoan/api';
import type { DbContext } from '@antoan/db';

/**
 * Brings `.data/` from an older version up to the current data format at start (the backfill job, as a CDK
 * trigger runs it after a deploy on AWS). A fresh table has nothing to rebuild and only records the format.
 */
export async function upgradeLocalData(db: DbContext, today: string, log: (line: string) => void = () => {}) {
  const format = await ensureDataFormat({ db }, { today });
  if (format.run && format.run.enterprises > 0)
    log(
      `data format ${format.from} → ${format.run.dataFormatVersion}: ${JSON.stringify(format.run.rebuilt)}`,
    );
  return format;
}
