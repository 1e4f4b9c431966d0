// The part of jStat (which ships no types) that the batch statistics and the parameter distributions use.
declare module 'jstat' {
  const jStat: {
    readonly studentt: { inv(p: number, dof: number): number };
    readonly normal: { cdf(x: number, mean: number, sd: number): number; inv(p: number, mean: number, sd: number): number };
  };
  export default jStat;
}
