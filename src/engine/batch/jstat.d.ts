// The part of jStat (which ships no types) that the batch statistics and the sensitivity designs use.
declare module 'jstat' {
  const jStat: {
    readonly studentt: { inv(p: number, dof: number): number };
    readonly normal: { inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number };
  };
  export default jStat;
}
