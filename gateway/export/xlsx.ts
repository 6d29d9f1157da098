import ExcelJS from 'exceljs';
import type { Sheet } from './sheets';

/** The sheets as one XLSX workbook: a bold, frozen header row; numbers as numbers, text as text (never formulas). */
export async function xlsxOf(sheets: Sheet[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Government federation hub';
  workbook.title = title;
  workbook.created = new Date();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.addRow(sheet.columns).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row);
    sheet.columns.forEach((column, index) => {
      const widest = Math.max(column.length, ...sheet.rows.slice(0, 200).map((row) => String(row[index] ?? '').length));
      worksheet.getColumn(index + 1).width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
