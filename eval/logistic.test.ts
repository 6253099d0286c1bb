import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from './logistic';

describe('fitLogistic', () => {
  it('learns which way each feature points on SYNTHETIC data: the first raises, the second lowers', () => {
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i++) {
      const a = Math.sin(i * 12.9898) * 2;
      const b = Math.cos(i * 78.233) * 2;
      x.push([a, b]);
      y.push(a - b + Math.sin(i) * 0.5 > 0 ? 1 : 0);
    }
    const fit = fitLogistic(x, y);
    expect(fit.weights[0]).toBeGreaterThan(0);
    expect(fit.weights[1]).toBeLessThan(0);
    const right = x.filter((row, i) => (predictLogistic(fit, row) >= 0.5 ? 1 : 0) === y[i]).length;
    expect(right / x.length).toBeGreaterThan(0.9);
  });
});
