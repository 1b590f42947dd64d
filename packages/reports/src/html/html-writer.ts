/**
 * `report.html`, one self-contained file. The table rows are rendered while the run is read (they need
 * no totals) into a temporary file; once the summary is known, the page is assembled: head, cards and
 * charts, then the rows copied over in chunks, then the reference section and the script.
 *
 * The table is capped (default 20 000 rows, the first in the run's order, errors first): a browser
 * still opens, sorts and filters that many rows (see README: ~25 MB, timings). The cards and
 * charts always count every finding, and the page says where the full list is (XLSX, CSV).
 */
import { createReadStream } from 'node:fs';
import { TextFile } from '../io/text-file.js';
import type { ReportRow } from '../rows.js';
import { pageEndHtml, pageStartHtml, type PageContext } from './page.js';
import { tableRowHtml, type RowHtmlContext } from './table.js';

export const DEFAULT_HTML_ROW_LIMIT = 20_000;

export class HtmlReportWriter {
  private rowsShown = 0;
  private readonly rows: TextFile;

  constructor(
    private readonly path: string,
    tableTempPath: string,
    private readonly rowLimit: number,
    private readonly context: RowHtmlContext,
  ) {
    this.rows = TextFile.create(tableTempPath);
  }

  async row(row: ReportRow, index: number): Promise<void> {
    if (this.rowsShown >= this.rowLimit) return;
    this.rowsShown += 1;
    await this.rows.write(tableRowHtml(row, index, this.context));
  }

  async finish(page: Omit<PageContext, 'rowsShown'>): Promise<string> {
    const rowsPath = await this.rows.close();
    const context: PageContext = { ...page, rowsShown: this.rowsShown };
    const out = TextFile.create(this.path);
    try {
      await out.write(pageStartHtml(context));
      for await (const chunk of createReadStream(rowsPath, { encoding: 'utf8' })) await out.write(chunk as string);
      await out.write(pageEndHtml(context));
      return await out.close();
    } catch (error) {
      await out.abort();
      throw error;
    }
  }

  abort(): Promise<void> {
    return this.rows.abort();
  }
}
