export { Random } from './random.js';
export * from './demo-catalog.js';
export * from './demo-quarter.js';
export * from './demo-declaration.js';
export * from './bulk-quarter.js';
export * from './demo-files.js';
export { planDemoQuarter, type DemoPlant, type DemoBookOperation, type DemoGoods, type DemoQuarterPlan } from './demo-files-plan.js';
