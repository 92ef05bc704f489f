// 8-bit weights: each large float32 tensor becomes bytes with its own minimum and step, in the manifest form
// TensorFlow.js reads back; small tensors and int32 ones are kept as they are.
import { describe, expect, it } from 'vitest';
import { quantiseModel } from '../../../src/adapters/understanding/quantise.ts';
import type { ModelFiles } from '../../../src/adapters/understanding/encoder.ts';

function files(): { model: ModelFiles; big: Float32Array; small: Float32Array; ints: Int32Array } {
  const big = Float32Array.from({ length: 2048 }, (_, i) => Math.sin(i) * 3 - 1);
  const small = Float32Array.from([0.1, -0.2, 0.3]);
  const ints = Int32Array.from([7, -8, 9, 10]);
  const data = new Uint8Array(big.byteLength + small.byteLength + ints.byteLength);
  data.set(new Uint8Array(big.buffer), 0);
  data.set(new Uint8Array(small.buffer), big.byteLength);
  data.set(new Uint8Array(ints.buffer), big.byteLength + small.byteLength);
  const model: ModelFiles = {
    modelTopology: {},
    weightSpecs: [
      { name: 'big', shape: [32, 64], dtype: 'float32' },
      { name: 'small', shape: [3], dtype: 'float32' },
      { name: 'ints', shape: [4], dtype: 'int32' },
    ],
    weightData: data.buffer,
    vocabulary: [],
  };
  return { model, big, small, ints };
}

describe('quantiseModel', () => {
  it('stores a large float32 tensor in a byte per value, each within half a step of the original', () => {
    const { model, big } = files();
    const q = quantiseModel(model);
    const spec = q.weightSpecs[0]!;
    expect(spec.quantization?.dtype).toBe('uint8');
    const { min, scale } = spec.quantization as { min: number; scale: number };
    const bytes = new Uint8Array(q.weightData, 0, big.length);
    let worst = 0;
    big.forEach((v, i) => (worst = Math.max(worst, Math.abs(bytes[i]! * scale + min - v))));
    expect(worst).toBeLessThanOrEqual(scale / 2 + 1e-6);
    expect(scale).toBeCloseTo(6 / 255, 2);
  });

  it('keeps small and int32 tensors exact, after the quantised bytes, at a quarter of the size', () => {
    const { model, big, small, ints } = files();
    const q = quantiseModel(model);
    expect(q.weightSpecs.slice(1)).toEqual(model.weightSpecs.slice(1));
    expect([...new Float32Array(q.weightData.slice(big.length, big.length + 12))]).toEqual([...small]);
    expect([...new Int32Array(q.weightData.slice(big.length + 12))]).toEqual([...ints]);
    expect(q.weightData.byteLength).toBe(big.length + small.byteLength + ints.byteLength);
  });

  it('refuses a tensor type it does not know rather than misreading the weights', () => {
    const { model } = files();
    model.weightSpecs[2] = { name: 'ints', shape: [4], dtype: 'string' };
    expect(() => quantiseModel(model)).toThrow(/cannot quantise a string tensor \(ints\)/);
  });
});
