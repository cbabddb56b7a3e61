/**
 * The DOCX of a year's report rendered in process, without the queue or the database: the shipped
 * appendix template (templates/docx/phu-luc-bao-cao.docx) filled by docxtemplater with a snapshot the
 * size of `npm run bench` scenario 6b (60 agencies, 8,420 overdue tasks in Phụ lục III). Prints the
 * time of each render, the size and the process's peak resident memory. Not a test.
 *
 *   node bench/run-ts.js bench/report-docx.bench.ts
 *   BENCH_OVERDUE=84000 BENCH_RUNS=3 node bench/run-ts.js bench/report-docx.bench.ts
 *   BENCH_DOCX=whole …   the whole render by docxtemplater instead of the worker's streamed one
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTemplatePath } from 'src/modules/document-templates/document-templates.service';
import { AppendixReport } from 'src/modules/reports/appendix.types';
import { APPENDIX_TEMPLATE, renderAppendixDocx, writeAppendixDocx } from 'src/modules/reports/renderers/appendix-docx.renderer';
import { SAMPLE_INFO } from 'src/modules/reports/renderers/sample-report';
import { yearSnapshot } from './lib/report-snapshot';

const overdue = Number(process.env.BENCH_OVERDUE ?? 8420);
const runs = Number(process.env.BENCH_RUNS ?? 3);

function peakMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

const whole = process.env.BENCH_DOCX === 'whole';

async function main(): Promise<void> {
  const snapshot: AppendixReport = yearSnapshot(overdue);
  const template = readFileSync(defaultTemplatePath(APPENDIX_TEMPLATE));
  console.log(`DOCX of a year: ${snapshot.byAgency.length} agencies, ${snapshot.overdue.length} overdue rows; peak before ${peakMb()} MB`);
  for (let i = 1; i <= runs; i++) {
    const started = process.hrtime.bigint();
    const path = join(tmpdir(), `report-docx-bench-${process.pid}.docx`);
    let size: number;
    let how = 'whole';
    if (whole) size = renderAppendixDocx(template, snapshot, SAMPLE_INFO).length;
    else {
      how = await writeAppendixDocx(template, snapshot, SAMPLE_INFO, path);
      size = statSync(path).size;
      rmSync(path);
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`run ${i} (${how}): ${ms.toFixed(0)} ms, ${Math.round(size / 1024)} KB, peak ${peakMb()} MB`);
  }
}

void main();
