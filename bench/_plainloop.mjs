import { runPlain } from './plain.mjs';
for (let s = 0; s < 3000; s++) runPlain(s);
const t0 = performance.now(); for (let s = 0; s < 40000; s++) runPlain(s); console.log('plain µs/run', ((performance.now() - t0) * 1000 / 40000).toFixed(1));
