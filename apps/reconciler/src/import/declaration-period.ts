/**
 * The tax period of a VAT declaration section. The section files (NO_NDS.8, NO_NDS.9…) do not name it; the
 * main file NO_NDS does (`Период`, `ОтчетГод`) and lists its sections by file name. In order of trust:
 * 1. the quarter the caller gives (`--period`);
 * 2. the main file that lists this section, when it is imported in the same run;
 * 3. for a primary declaration only: the quarter before the one in which the file was formed (the date in
 *    its name) [I: declarations are filed in the months after their quarter, by the 25th]. A correction may
 *    be filed years later, so it gets no such guess.
 */
import type { Quarter, QuarterNumber } from '@sledopyt/core';
import { quarterOf } from '@sledopyt/core';
import type { NdsDeclarationTitle, NdsSectionHeader } from '@sledopyt/formats';
import { declarationPeriodInvalid, declarationPeriodUnknown } from './errors.js';

export type PeriodSource = 'option' | 'main-file' | 'file-date';

export interface DeclarationPeriod extends Quarter {
  source: PeriodSource;
}

/** What a main file says about one of its sections. */
export interface SectionTitle {
  year: number;
  quarter: QuarterNumber;
  correctionNumber: number;
  taxpayerInn: string;
  taxpayerKpp: string | undefined;
  /** The main file's path, for messages. */
  mainFile: string;
}

/** Section ИдФайл (without `.xml`, upper case) → what its main file says. */
export type SectionTitles = ReadonlyMap<string, SectionTitle>;

/** `Период` of the VAT declaration: 21–24 the quarters, 51/54/55/56 the last quarter before a reorganisation [I]. */
const PERIOD_CODES: Readonly<Record<string, QuarterNumber>> = { '21': 1, '22': 2, '23': 3, '24': 4, '51': 1, '54': 2, '55': 3, '56': 4 };

export const sectionKey = (fileName: string): string => fileName.replace(/\.xml$/i, '').toUpperCase();

/** The sections a main file lists, with its period and taxpayer. */
export function sectionTitlesOf(title: NdsDeclarationTitle, mainFile: string): [string, SectionTitle][] {
  const quarter = PERIOD_CODES[title.Период];
  if (quarter === undefined) throw declarationPeriodInvalid(mainFile, title.Период);
  const taxpayer = title.taxpayer;
  const facts: SectionTitle = {
    year: title.ОтчетГод,
    quarter,
    correctionNumber: title.НомКорр,
    taxpayerInn: taxpayer.kind === 'НПЮЛ' ? taxpayer.ИННЮЛ : taxpayer.ИННФЛ,
    taxpayerKpp: taxpayer.kind === 'НПЮЛ' ? taxpayer.КПП : undefined,
    mainFile,
  };
  return Object.values(title.sections)
    .filter((name): name is string => name !== undefined && name.trim() !== '')
    .map((name) => [sectionKey(name), facts]);
}

function quarterBefore(quarter: Quarter): Quarter {
  return quarter.quarter === 1 ? { year: quarter.year - 1, quarter: 4 } : { year: quarter.year, quarter: (quarter.quarter - 1) as QuarterNumber };
}

export function resolveDeclarationPeriod(
  path: string,
  header: Pick<NdsSectionHeader, 'НомКорр' | 'fileName'>,
  given: Quarter | undefined,
  title: SectionTitle | undefined,
): DeclarationPeriod {
  if (given !== undefined) return { ...given, source: 'option' };
  if (title !== undefined) return { year: title.year, quarter: title.quarter, source: 'main-file' };
  const formed = header.fileName?.date;
  if (header.НомКорр === 0 && formed !== undefined) return { ...quarterBefore(quarterOf(formed)), source: 'file-date' };
  throw declarationPeriodUnknown(path, header.НомКорр);
}
