import jStat from 'jstat';

/** The 97.5% quantile of the standard normal distribution. */
export const Z975 = 1.959963984540054;

/**
 * The 97.5% quantile of Student's t with `dof` degrees of freedom, for 95%
 * intervals of means. jStat inverts the incomplete beta function, which loses
 * accuracy for very large `dof`; there the Cornish-Fisher expansion around
 * the normal quantile is exact to far more digits than are printed.
 */
export function t975(dof: number): number {
  if (dof < 200) return jStat.studentt.inv(0.975, dof);
  const z = Z975;
  return z
    + (z ** 3 + z) / (4 * dof)
    + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * dof ** 2)
    + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * dof ** 3);
}
