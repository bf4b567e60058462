// How the spreadsheet libraries were chosen (README, "Excel"): SheetJS (@e965/xlsx) and exceljs,
// each reading and writing a 100,000-row roster workbook in a process of its own (time and peak
// RSS), and reading the LibreOffice-made fixtures. Run by hand: `node bench/excel-libraries.mjs`.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMUNITIES } from './import.mjs';
import { writeRoster, writeRosterWorkbook } from './roster.mjs';
import { benchDir } from './temp.mjs';

const require = createRequire(import.meta.url);
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** One measurement, in this process (spawned by the parent below, so each starts from nothing). */
async function measure(mode, file, out) {
  const started = performance.now();
  let rows = 0;
  if (mode === 'sheetjs-read') {
    const XLSX = require('@e965/xlsx');
    const book = XLSX.read(readFileSync(file), { dense: true, cellNF: true });
    rows = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { header: 1, raw: true }).length;
  } else if (mode === 'exceljs-read') {
    const ExcelJS = require('exceljs');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
    for await (const sheet of reader) {
      for await (const _row of sheet) rows += 1;
      break;
    }
  } else {
    const { parse } = require('csv-parse/sync');
    const records = parse(readFileSync(file), { bom: true, relax_column_count: true });
    rows = records.length;
    if (mode === 'sheetjs-write') {
      const XLSX = require('@e965/xlsx');
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(records, { dense: true }), 'roster');
      XLSX.writeFile(book, out, { compression: true });
    } else {
      const ExcelJS = require('exceljs');
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true });
      const sheet = book.addWorksheet('roster', { views: [{ state: 'frozen', ySplit: 1 }] });
      for (const record of records) sheet.addRow(record).commit();
      await book.commit();
    }
  }
  return { rows, ms: Math.round(performance.now() - started), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

function spawned(mode, file, out = '') {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), mode, file, out], { encoding: 'utf8' });
  if (run.status !== 0)
    return {
      error:
        run.stderr
          .trim()
          .split('\n')
          .find((l) => /Error/.test(l)) ?? `exit ${run.status}`,
    };
  return JSON.parse(run.stdout);
}

if (process.argv[2]) {
  console.log(JSON.stringify(await measure(process.argv[2], process.argv[3], process.argv[4])));
} else {
  const dir = benchDir('excel-libraries');
  try {
    const csv = join(dir, 'roster.csv');
    const xlsx = join(dir, 'roster.xlsx');
    await writeRoster(csv, 100_000, COMMUNITIES);
    await writeRosterWorkbook(xlsx, 100_000, COMMUNITIES);
    for (const mode of ['sheetjs-read', 'exceljs-read']) console.log(mode, '100,000-row .xlsx', JSON.stringify(spawned(mode, xlsx)));
    for (const mode of ['sheetjs-write', 'exceljs-write']) console.log(mode, '100,000 rows (csv parse included)', JSON.stringify(spawned(mode, csv, join(dir, `${mode}.xlsx`))));
    for (const name of ['roster-meituan.xlsx', 'roster-meituan.xls', 'stations.xlsx', 'stations.xls', 'roster-encrypted.xlsx']) {
      for (const mode of ['sheetjs-read', 'exceljs-read']) console.log(mode, name, JSON.stringify(spawned(mode, join(fixtures, name))));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
