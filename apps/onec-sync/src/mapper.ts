/**
 * 1C rows → store documents with core movements, per configuration (see `mapping/`): purchases, sales and
 * returns in `mapping/trade.ts`, the three notifications in `mapping/notifications.ts`. The mappers are pure
 * (no I/O): everything they look up is in the run's `ReferenceData` or handed in through the context.
 */
import type { ImportDocumentInput } from '@sledopyt/store';
import type { MappingContext, SourceDocument } from './mapping/context.js';
import { mapNotification } from './mapping/notifications.js';
import { isTradeRole, mapTradeDocument } from './mapping/trade.js';

export type { MappingContext, SourceDocument } from './mapping/context.js';

/** One posted 1C document → its store documents (several when one 1C document stands for several invoices or ДТ). */
export function mapDocument(source: SourceDocument, ctx: MappingContext): ImportDocumentInput[] {
  return isTradeRole(source.role) ? mapTradeDocument(source, ctx) : mapNotification(source, ctx);
}
