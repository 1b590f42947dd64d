import { createVitestConfig } from '@sledopyt/vitest-config';

export default createVitestConfig();
