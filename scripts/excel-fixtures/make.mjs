// Makes fixtures/*.xlsx and *.xls with a real spreadsheet program (LibreOffice Calc), so the
// import is tested on workbooks as Excel-like software writes them, not only as our own
// library (SheetJS) writes them. See README.md here for how to run it.
//
// Each CSV fixture becomes a Flat ODF spreadsheet (.fods, plain XML we can write by hand with
// exact cell types and number formats), which `soffice --headless --convert-to` turns into
// .xlsx and .xls. The layout is what district clerks send: a merged title, a 填报单位 line,
// the header, the data, a blank row and a 合计 row.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const SOFFICE = process.env.SOFFICE ?? 'soffice';
const PASSWORD = 'nuanxin';
const FILLED_IN = '填报单位：瀍河回族区委社会工作部    填报日期：2026年11月20日';

const roster = {
  csv: 'roster-meituan.gb18030.csv',
  sheet: '花名册',
  title: '瀍河回族区新就业群体花名册（美团）',
  total: (n) => `共${n}人`,
  phone: '手机号码',
  dates: ['入职日期'],
  id: '身份证号',
  // One ID typed as a number, as happens when a clerk pastes IDs into a General column:
  // CSV line 4 (覃豪, 410323200008177948) → sheet row 6, kept to 15 significant digits like Excel.
  numericIdLine: 4,
};
const stations = {
  csv: 'stations.gb18030.csv',
  sheet: '驿站台账',
  title: '瀍河回族区爱心驿站台账',
  total: (n) => `共${n}个`,
  phone: '联系电话',
  dates: ['启用日期', '药品有效期'],
};
const INSTRUCTIONS = [
  '填表说明',
  '1. 请勿修改表头；每人一行。',
  '2. 手机号码填写11位数字；身份证号请以文本格式填写。',
  '3. 入职日期格式：2024-01-31。',
  '4. 填好后请转到“花名册”工作表核对。',
];

// --- cells ---------------------------------------------------------------------------------

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// ODF collapses runs of spaces in <text:p>; <text:s text:c="n"/> keeps every one of them.
const para = (s) => `<text:p>${esc(s).replace(/ +/g, (m) => `<text:s text:c="${m.length}"/>`)}</text:p>`;

const EMPTY = '<table:table-cell/>';
const textCell = (s, style) => `<table:table-cell office:value-type="string"${style ? ` table:style-name="${style}"` : ''}>${para(s)}</table:table-cell>`;
const floatCell = (n, style) =>
  `<table:table-cell office:value-type="float" office:value="${n}"${style ? ` table:style-name="${style}"` : ''}>${para(String(n))}</table:table-cell>`;
const dateCell = (iso, style, shown) => `<table:table-cell office:value-type="date" office:date-value="${iso}" table:style-name="${style}">${para(shown)}</table:table-cell>`;

/** YYYY-MM-DD or YYYY/M/D (a real calendar date) → { iso, style }; anything else stays text. */
function asDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = m.slice(1).map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return { iso: t.toISOString().slice(0, 10), style: s.includes('-') ? 'ce_dash' : 'ce_slash' };
}

function cell(spec, header, value, line) {
  if (value === '') return EMPTY;
  if (header === spec.phone) {
    // Excel turns an 11-digit phone into a number; a CSV's "1.38001E+10" comes back as a number shown in scientific format.
    if (/^\d{11}$/.test(value)) return floatCell(Number(value));
    if (/^\d(\.\d+)?E\+\d+$/i.test(value)) return floatCell(Number(value), 'ce_sci');
  }
  if (spec.dates.includes(header)) {
    const d = asDate(value);
    if (d) return dateCell(d.iso, d.style, value);
  }
  if (header === spec.id && line === spec.numericIdLine) {
    if (!/^\d{16,18}$/.test(value)) throw new Error(`line ${line}: the numeric ID row needs an all-digit ID, got "${value}"`);
    // Excel keeps 15 significant digits: 410323200008177948 → 410323200008177000.
    return floatCell(Number(value.slice(0, 15) + '0'.repeat(value.length - 15)));
  }
  return textCell(value);
}

// --- sheets and documents ------------------------------------------------------------------

const row = (cells) => `<table:table-row>${cells.join('')}</table:table-row>`;

function dataTable(spec) {
  const text = iconv.decode(readFileSync(join(fixtures, spec.csv)), 'gb18030');
  // relax_column_count: the roster has a deliberately short row; it stays short in the sheet.
  const [header, ...data] = parse(text, { relax_column_count: true, skip_empty_lines: true });
  const width = header.length;
  const rows = [
    row([
      `<table:table-cell office:value-type="string" table:style-name="ce_title" table:number-columns-spanned="${width}" table:number-rows-spanned="1">${para(spec.title)}</table:table-cell>`,
      `<table:covered-table-cell table:number-columns-repeated="${width - 1}"/>`,
    ]),
    row([textCell(FILLED_IN)]),
    row(header.map((h) => textCell(h, 'ce_head'))),
    // CSV data row k is CSV line k + 1 (the header is line 1); no quoted field spans lines in these files.
    ...data.map((fields, k) => row(fields.map((v, i) => cell(spec, header[i], v, k + 2)))),
    row([EMPTY]),
    row([textCell('合计'), textCell(spec.total(data.length))]),
  ];
  return `<table:table table:name="${esc(spec.sheet)}"><table:table-column table:number-columns-repeated="${width}" table:style-name="co"/>${rows.join('\n')}</table:table>`;
}

const instructionsTable = () =>
  `<table:table table:name="说明"><table:table-column table:style-name="co_wide"/>${INSTRUCTIONS.map((s) => row([textCell(s)])).join('\n')}</table:table>`;

// Number formats: scientific 0.00000E+00 (shows 13800100000 as 1.38001E+10), and the two date forms the CSVs use.
const STYLES = `<office:automatic-styles>
<number:number-style style:name="N_sci"><number:scientific-number number:decimal-places="5" number:min-integer-digits="1" number:min-exponent-digits="2"/></number:number-style>
<number:date-style style:name="N_dash"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<number:date-style style:name="N_slash"><number:year number:style="long"/><number:text>/</number:text><number:month/><number:text>/</number:text><number:day/></number:date-style>
<style:style style:name="co" style:family="table-column"><style:table-column-properties style:column-width="2.8cm"/></style:style>
<style:style style:name="co_wide" style:family="table-column"><style:table-column-properties style:column-width="12cm"/></style:style>
<style:style style:name="ce_title" style:family="table-cell"><style:table-cell-properties style:text-align-source="fix"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold" style:font-size-asian="16pt" style:font-weight-asian="bold"/></style:style>
<style:style style:name="ce_head" style:family="table-cell"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="ce_sci" style:family="table-cell" style:data-style-name="N_sci"/>
<style:style style:name="ce_dash" style:family="table-cell" style:data-style-name="N_dash"/>
<style:style style:name="ce_slash" style:family="table-cell" style:data-style-name="N_slash"/>
</office:automatic-styles>`;

const fods = (tables) => `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:meta><meta:creation-date>2026-11-20T09:00:00</meta:creation-date></office:meta>
${STYLES}
<office:body><office:spreadsheet>
${tables.join('\n')}
</office:spreadsheet></office:body></office:document>
`;

// --- LibreOffice ---------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'nuanxin-excel-fixtures-'));
// A private profile: no clash with a LibreOffice the user has open, and room for our macro.
const profile = join(work, 'profile');
const soffice = (...args) => execFileSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', ...args], { stdio: 'inherit', timeout: 180_000 });

// Excel can't be scripted here, so the encrypted workbook is saved by a Basic macro: `--convert-to`
// ignores a Password, but storeToURL with EncryptionData { OOXPassword, CryptoType "Standard" }
// writes an OLE2 file with EncryptionInfo + EncryptedPackage (ECMA-376 standard encryption, AES-128).
// Errors are written to a file and end LibreOffice: a headless Basic error dialog would hang.
const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${esc(`
Sub SaveEncrypted(src As String, dst As String, pw As String)
  On Error Goto Failed
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden" : load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), "_blank", 0, load())
  Dim enc(1) As New com.sun.star.beans.NamedValue
  enc(0).Name = "OOXPassword" : enc(0).Value = pw
  enc(1).Name = "CryptoType" : enc(1).Value = "Standard"
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName" : store(0).Value = "Calc MS Excel 2007 XML"
  store(1).Name = "EncryptionData" : store(1).Value = enc()
  doc.storeToURL(ConvertToURL(dst), store())
  doc.close(True)
  Exit Sub
Failed:
  f = FreeFile
  Open dst & ".error" For Output As #f
  Print #f, Err, Erl, Error$
  Close #f
  StarDesktop.terminate()
End Sub
`)}</script:module>
`;

try {
  const src = join(work, 'src');
  const out = join(work, 'out');
  mkdirSync(src);
  writeFileSync(join(src, 'roster-meituan.fods'), fods([dataTable(roster)]));
  writeFileSync(join(src, 'stations.fods'), fods([dataTable(stations)]));
  writeFileSync(join(src, 'roster-two-sheets.fods'), fods([instructionsTable(), dataTable(roster)]));
  const all = ['roster-meituan', 'stations', 'roster-two-sheets'].map((b) => join(src, `${b}.fods`));
  soffice('--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, ...all);
  soffice('--convert-to', 'xls:MS Excel 97', '--outdir', out, ...all.slice(0, 2));

  const made = ['roster-meituan.xlsx', 'roster-meituan.xls', 'stations.xlsx', 'stations.xls', 'roster-two-sheets.xlsx'];
  for (const f of made) {
    if (!existsSync(join(out, f))) throw new Error(`LibreOffice did not write ${f}`);
    copyFileSync(join(out, f), join(fixtures, f));
  }

  // The first conversion created the profile; now put the macro in its Standard library.
  writeFileSync(join(profile, 'user/basic/Standard/Module1.xba'), MACRO);
  const encrypted = join(out, 'roster-encrypted.xlsx');
  soffice(`macro:///Standard.Module1.SaveEncrypted("${join(out, 'roster-meituan.xlsx')}","${encrypted}","${PASSWORD}")`);
  const enc = existsSync(encrypted) ? readFileSync(encrypted) : Buffer.alloc(0);
  // An encrypted OOXML file is an OLE2 compound file (D0 CF 11 E0) holding an "EncryptedPackage" stream.
  if (enc.subarray(0, 4).toString('hex') === 'd0cf11e0' && enc.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
    copyFileSync(encrypted, join(fixtures, 'roster-encrypted.xlsx'));
    made.push('roster-encrypted.xlsx');
  } else {
    const why = existsSync(`${encrypted}.error`) ? readFileSync(`${encrypted}.error`, 'utf8').trim() : 'no encrypted file written';
    console.warn(`roster-encrypted.xlsx skipped: ${why}`);
  }

  // A download cut off halfway: the ZIP's central directory (at the end) is gone.
  const xlsx = readFileSync(join(fixtures, 'roster-meituan.xlsx'));
  writeFileSync(join(fixtures, 'roster-corrupt.xlsx'), xlsx.subarray(0, Math.floor(xlsx.length / 2)));
  made.push('roster-corrupt.xlsx');

  console.log(`wrote ${made.map((f) => `fixtures/${f}`).join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
