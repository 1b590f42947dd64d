/**
 * Which planted problems the reconciler found: a finding of the same code that names the planted document
 * (number), its RNPT, or its movement. Nothing else counts as found.
 */
import type { Discrepancy } from '@sledopyt/core';
import type { DemoPlant } from '@sledopyt/generators';

export interface PlantedResult {
  problem: DemoPlant;
  found: boolean;
}

const rnptsOf = (d: Discrepancy): string[] => (d.rnpt === null ? [] : d.rnpt.split(', '));

export function namesPlant(d: Discrepancy, plant: DemoPlant): boolean {
  if (d.code !== plant.code) return false;
  if (d.document?.number === plant.ref || d.movementIds.includes(plant.ref)) return true;
  const rnpts = rnptsOf(d);
  return rnpts.includes(plant.ref) || (plant.rnpt !== undefined && rnpts.includes(plant.rnpt));
}

export function matchPlanted(planted: readonly DemoPlant[], discrepancies: readonly Discrepancy[]): PlantedResult[] {
  return planted.map((problem) => ({ problem, found: discrepancies.some((d) => namesPlant(d, problem)) }));
}
