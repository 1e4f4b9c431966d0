// Batch statistics: pure aggregation of many runs, no I/O and no threads.
export { layoutOf, sameLayout, type BatchLayout, type Named } from './batch-layout.js';
export { BatchTally, type TallyData } from './tally.js';
export { tallyRuns, type RunRange, type RunHooks } from './runs.js';
export { summarizeBatch, summarizeTally, scenarioInfo, medianTurn, type BatchSummary, type TallySummary, type ScenarioInfo } from './summary.js';
export { wilson, pairedDifference, pairedShareInterval, meanInterval, type Interval, type PairedCounts, type Moments } from './interval.js';
export { runPair, type PairedRun, type PairSide } from './pair.js';
export { PairedTally, pairedLayoutOf, type PairedLayout, type PairedData } from './paired.js';
export { summarizeComparison, type Comparison, type ChanceDifference, type MetricDifference } from './comparison.js';
export { shardRange, WHOLE, type Shard } from './shard.js';
export { axisValues, combinations, type SweepAxis } from './sweep.js';
export { summarizeSweep, type SweepSummary, type CombinationSummary } from './sweep-summary.js';
export { tallyToJson, tallyFromJson, SHARD_FORMAT, SHARD_FORMAT_VERSION, type ShardFile, type TallyJson } from './shard-file.js';
export { mergeShards, parseShardFile, MergeError, type Merged, type MergedCombination, type NamedShard } from './merge.js';
